// Journeys of issue "identity and control": staff management and role limits, two-factor
// sign-in, session isolation between tenants, and the super admin suspending a tenant.
import { hash } from "argon2";
import { expect, test, type Page } from "@playwright/test";
import { addStaff, DEMO_OWNER, enrollTwoFactor, hostUrl, mainNav, onHost, onHostWith, signIn, signInFirstTime, signOut, withDb } from "./helpers";

const stamp = Date.now().toString(36);

test("the owner adds a technician, who signs in and cannot open owner-only pages", async ({ page }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await mainNav(page).getByRole("link", { name: "Staf" }).click();
  await expect(page.getByRole("heading", { name: "Staf", exact: true, level: 1 })).toBeVisible();

  const email = `tech-${stamp}@demo.local`;
  const password = await addStaff(page, { name: "Joko Prasetyo", email, role: "technician" });
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expect(page.locator(`[data-testid="staff-row"][data-email="${email}"]`)).toBeVisible();
  await signOut(page);

  // The owner made this password: before anything else, Joko sets his own.
  await signIn(page, "demo.localhost", { email, password });
  await page.waitForURL(/\/account\/security$/);
  await expect(page.getByTestId("password-change-required")).toBeVisible();
  expect((await page.goto(hostUrl("demo.localhost", "/customers")))?.url()).toMatch(/\/account\/security$/);
  await page.getByLabel("Kata sandi saat ini").fill(password);
  await page.getByLabel("Kata sandi baru", { exact: true }).fill("joko-punya-sandi-2026");
  await page.getByLabel("Ulangi kata sandi baru").fill("joko-punya-sandi-2026");
  await page.getByRole("button", { name: "Ganti kata sandi" }).click();
  await page.waitForURL(/\/login$/);
  await signIn(page, "demo.localhost", { email, password: "joko-punya-sandi-2026" });
  await expect(page.getByTestId("password-change-required")).toHaveCount(0);
  await expect(page.getByTestId("user-name")).toHaveText("Joko Prasetyo");
  const nav = mainNav(page);
  await expect(nav.getByRole("link", { name: "Dasbor" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Staf" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Log audit" })).toHaveCount(0);
  for (const path of ["/staff", "/audit", "/settings"]) {
    const response = await page.goto(hostUrl("demo.localhost", path));
    expect(response?.status(), path).toBe(403);
    await expect(page.getByText("FORBIDDEN")).toBeVisible();
  }
});

test("a staff user turns on two-factor sign-in and signs in with a code from the enrolled secret", async ({ page }) => {
  // A fresh finance user, made by the owner through the UI.
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await page.goto(hostUrl("demo.localhost", "/staff"));
  const email = `fin-${stamp}@demo.local`;
  const generated = await addStaff(page, { name: "Ratna Sari", email, role: "finance" });
  await signOut(page);

  const password = await signInFirstTime(page, "demo.localhost", { email, password: generated });
  await page.goto(hostUrl("demo.localhost", "/account/security"));
  const totp = await enrollTwoFactor(page);
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  await signOut(page);

  // Password alone now asks for the code; a code computed from the secret signs in. The code
  // is for the next time step: the one used at enrolment cannot be replayed.
  await page.goto(hostUrl("demo.localhost", "/login"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.getByLabel("Kode autentikasi")).toBeVisible();
  await page.getByLabel("Kode autentikasi").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await expect(page.getByTestId("user-name")).toHaveText("Ratna Sari");
});

test("a session cookie minted on demo.localhost authorizes nothing on acme.localhost", async ({ page, context }) => {
  await signIn(page, "demo.localhost", DEMO_OWNER);
  const session = (await context.cookies("http://demo.localhost")).find((c) => c.name.endsWith("next-auth.session-token"))!;
  // HTTP-only, SameSite=Lax, host-only, and Secure (with the __Secure- prefix) outside development.
  expect(session).toMatchObject({ name: "__Secure-next-auth.session-token", httpOnly: true, sameSite: "Lax", secure: true, domain: "demo.localhost" });
  await context.addCookies([{ ...session, domain: "acme.localhost" }]);

  await page.goto(hostUrl("acme.localhost", "/"));
  await expect(page).toHaveURL(/acme\.localhost.*\/login$/);
  const [url, options] = onHostWith("acme.localhost", "/api/trpc/tenant.overview", { cookie: `${session.name}=${session.value}` });
  const api = await page.request.get(url, options);
  expect(api.status()).toBe(401);
  expect((await api.json()).error).toMatchObject({ code: "AUTH_REQUIRED" });
});

test("failed sign-ins lock the account with AUTH_LOCKED", async ({ page }) => {
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, "tenantId", email, name, role, "passwordHash", "updatedAt")
       SELECT gen_random_uuid(), id, $1, 'Lock Target', 'collector', 'x', now() FROM "Tenant" WHERE slug = 'demo'`,
      [`lock-${stamp}@demo.local`],
    ),
  );
  await page.goto(hostUrl("demo.localhost", "/login"));
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(`lock-${stamp}@demo.local`);
    await page.getByLabel("Kata sandi").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.locator("[role=alert][data-error-code]")).toBeVisible();
  }
  const alert = page.locator("[role=alert][data-error-code]");
  await expect(alert).toHaveAttribute("data-error-code", "AUTH_LOCKED");
  await expect(alert).toContainText(/coba lagi dalam \d+ menit/i);
});

test("strangers locking an account out do not lock out the browser its user signed in with before", async ({ page, browser }) => {
  const who = { email: `lock-owner-${stamp}@demo.local`, password: "right-password-for-lock" };
  const passwordHash = await hash(who.password, { type: 2 });
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, "tenantId", email, name, role, "passwordHash", "updatedAt")
       SELECT gen_random_uuid(), id, $1, 'Lock Owner', 'collector', $2, now() FROM "Tenant" WHERE slug = 'demo'`,
      [who.email, passwordHash],
    ),
  );
  await signIn(page, "demo.localhost", who);
  await signOut(page);

  const tryPassword = async (p: Page, password: string) => {
    await p.goto(hostUrl("demo.localhost", "/login"));
    await p.getByLabel("Email").fill(who.email);
    await p.getByLabel("Kata sandi").fill(password);
    await p.getByRole("button", { name: "Masuk", exact: true }).click();
  };
  const stranger = await (await browser.newContext()).newPage();
  for (let i = 0; i < 5; i++) {
    await tryPassword(stranger, `guess-${i}`);
    await expect(stranger.locator("[role=alert][data-error-code]")).toBeVisible();
  }
  await expect(stranger.locator("[role=alert][data-error-code]")).toHaveAttribute("data-error-code", "AUTH_LOCKED");
  await tryPassword(stranger, who.password);
  await expect(stranger.locator("[role=alert][data-error-code]")).toHaveAttribute("data-error-code", "AUTH_LOCKED");

  // The user's own browser carries its device cookie and signs in at once.
  await tryPassword(page, who.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await stranger.context().close();
});

test("the super admin creates a tenant, its owner signs in, then suspension shows the suspended page", async ({ page, browser }) => {
  const slug = `isp-${stamp}`;
  await signIn(page, "admin.localhost", { email: "admin@rrnet.local", password: "rrnet-admin" });
  await expect(page.getByRole("heading", { name: "Tenant", exact: true, level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Tenant baru" }).click();
  await page.locator('input[name="name"]').fill("Warga Net");
  await page.locator('input[name="slug"]').fill(slug);
  await page.locator('input[name="owner.name"]').fill("Bambang Sutrisno");
  await page.locator('input[name="owner.email"]').fill(`owner@${slug}.test`);
  await page.getByRole("button", { name: "Buat tenant" }).click();
  const ownerPassword = (await page.getByTestId("one-time-password-value").textContent())!.trim();

  // The new ISP's owner signs in on its own subdomain.
  const ispPage = await (await browser.newContext()).newPage();
  await signInFirstTime(ispPage, `${slug}.localhost`, { email: `owner@${slug}.test`, password: ownerPassword });
  await expect(ispPage.getByTestId("tenant-name")).toHaveText("Warga Net");

  // Suspend from the console: the ISP's host shows the suspended page within seconds.
  await page.getByRole("link", { name: "Buka tenant" }).click();
  await page.getByTestId("tenant-suspend").click();
  await page.getByTestId("tenant-suspend-dialog-confirm").click();
  await expect(page.getByTestId("tenant-reactivate")).toBeVisible();
  await expect
    .poll(async () => {
      await ispPage.goto(hostUrl(`${slug}.localhost`, "/"));
      return ispPage.getByText("TENANT_SUSPENDED").isVisible();
    }, { timeout: 10_000 })
    .toBe(true);
  const api = await ispPage.request.get(...onHost(`${slug}.localhost`, "/api/trpc/tenant.current"));
  expect(api.status()).toBe(403);

  // Reactivating gives it back.
  await page.getByTestId("tenant-reactivate").click();
  await page.getByTestId("tenant-reactivate-dialog-confirm").click();
  await expect(page.getByTestId("tenant-suspend")).toBeVisible();
  await expect.poll(async () => (await ispPage.request.get(...onHost(`${slug}.localhost`, "/api/trpc/tenant.current"))).status()).toBe(200);
});
