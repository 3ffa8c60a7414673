// Journey: people arriving at different host names land in the right place.
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, hostUrl, onHost, signIn, withDb } from "./helpers";

test("demo.localhost shows Demo Net: sign-in first, then its dashboard with real figures", async ({ page }) => {
  const response = await page.goto(hostUrl("demo.localhost"));
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("tenant-name")).toHaveText("Demo Net");
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await expect(page.getByRole("heading", { name: "Dasbor" })).toBeVisible();
  await expect(page.getByTestId("tenant-name")).toHaveText("Demo Net");
  // Seeded: owner, admin, finance, technician, collector (other specs may add staff later).
  await expect(page.getByTestId("overview-users-total")).toHaveText(/^([5-9]|\d\d+)$/);
});

test("nope.localhost shows TENANT_NOT_FOUND with status 404", async ({ page, request }) => {
  const response = await page.goto(hostUrl("nope.localhost"));
  expect(response?.status()).toBe(404);
  await expect(page.getByText("TENANT_NOT_FOUND")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Tidak ada ISP yang terdaftar/ })).toBeVisible();

  const api = await request.get(...onHost("nope.localhost", "/api/trpc/tenant.current"));
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: { code: "TENANT_NOT_FOUND", error: expect.any(String), details: {} } });
});

test("a suspended tenant shows the suspended page and its API answers TENANT_SUSPENDED", async ({ page, request }) => {
  await withDb((db) =>
    db.query(
      `INSERT INTO "Tenant" (id, slug, name, status, "planId", "updatedAt")
       SELECT gen_random_uuid(), 'e2e-suspended', 'Suspended Net', 'suspended', id, now() FROM "Plan" WHERE code = 'starter'
       ON CONFLICT (slug) DO UPDATE SET status = 'suspended'`,
    ),
  );
  await page.goto(hostUrl("e2e-suspended.localhost"));
  await expect(page.getByText("TENANT_SUSPENDED")).toBeVisible();
  const api = await request.get(...onHost("e2e-suspended.localhost", "/api/trpc/tenant.current"));
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ error: { code: "TENANT_SUSPENDED" } });
});

test("the root domain shows the public landing page and admin.localhost the console", async ({ page }) => {
  await page.goto(hostUrl("localhost"));
  await expect(page).toHaveTitle(/RRNET/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(hostUrl("admin.localhost"));
  await expect(page).toHaveURL(/admin\.localhost:\d+\/login$/);
  await expect(page.getByRole("heading", { name: "Konsol RRNET" })).toBeVisible();
});

test("internal route prefixes cannot be reached from another host", async ({ request }) => {
  const crossed = await request.get(...onHost("demo.localhost", "/tenant/acme"));
  expect(crossed.status()).toBe(404);
  const statusPage = await request.get(...onHost("demo.localhost", "/status/suspended"));
  expect(statusPage.status()).toBe(404);
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });
  test("sign-in and the dashboard fit, and the menu opens", async ({ page }) => {
    await signIn(page, "demo.localhost", DEMO_OWNER);
    await expect(page.getByTestId("overview-users-total")).toHaveText(/^\d+$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Buka menu" }).click();
    await expect(page.getByRole("link", { name: "Dasbor" }).last()).toBeVisible();
  });
});
