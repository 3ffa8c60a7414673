// Language journeys. The owner chooses English for their own account, the app answers in it —
// pages, dates, field messages and the server's own refusals — then sets the ISP's default
// language, which is what its sign-in page speaks. Then one journey runs wholly in English, from
// the sign-in page on. Everything is put back to Indonesian: every other spec runs in it.
import { expect, test, type Page } from "@playwright/test";
import { Redis } from "ioredis";
import { DEMO_OWNER, hostUrl, mainNav, onHostWith, PORT, signIn, signOut, withDb } from "./helpers";

const HOST = "demo.localhost";

/** Sets the owner's and the ISP's language in the database and tells the web servers' tenant caches. */
async function setLanguages(owner: "en" | null, tenant: "en" | "id") {
  const id = await withDb(async (db) => {
    await db.query(`UPDATE "User" SET locale = $2 WHERE email = $1`, [DEMO_OWNER.email, owner]);
    const { rows } = await db.query<{ id: string }>(`UPDATE "Tenant" SET "defaultLocale" = $1 WHERE slug = 'demo' RETURNING id`, [tenant]);
    return rows[0]!.id;
  });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0", { lazyConnect: true });
  await redis.connect();
  await redis.publish("rrnet:tenant-directory:changed", id);
  await redis.quit();
}
const resetLanguages = () => setLanguages(null, "id");

/** A tRPC mutation with this page's session, as the browser would send it. */
async function mutate(page: Page, path: string, input: unknown) {
  const cookies = await page.context().cookies(hostUrl(HOST));
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const [url, options] = onHostWith(HOST, `/api/trpc/${path}`, { cookie, origin: `http://${HOST}:${PORT}`, "content-type": "application/json" });
  const response = await page.request.post(url, { ...options, data: JSON.stringify(input) });
  return (await response.json()) as { error: { error: string; code: string; details: { fields?: Record<string, string[]> } } };
}

test.afterAll(resetLanguages);

test("an owner who chooses English gets pages, dates and refusals in English; the ISP's default language sets its sign-in page", async ({ page }) => {
  test.slow(); // a long journey: two languages, two sign-ins
  await signIn(page, HOST, DEMO_OWNER);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");

  await page.goto(hostUrl(HOST, "/account/language"));
  await page.getByTestId("own-locale").selectOption("en");
  await page.getByRole("button", { name: "Simpan bahasa" }).click();
  await expect(page.getByRole("heading", { name: "My account", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The dashboard: English words, the date with English month names.
  await mainNav(page, "en").getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText(/^Good (morning|afternoon|evening)\. Today is \w+day, \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\.$/)).toBeVisible();

  // A field message in the browser, and the server's own answer, both in English.
  await page.goto(hostUrl(HOST, "/customers"));
  await page.getByRole("button", { name: "Add customer" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add customer" });
  await dialog.getByLabel("Name").fill("English Check");
  await dialog.getByLabel("Billing day").fill("31");
  await dialog.getByRole("button", { name: "Add customer" }).click();
  await expect(dialog.getByLabel("Billing day")).toHaveAccessibleDescription(/The billing day must be from 1 to 28\./);
  const refused = await mutate(page, "customers.create", { name: "English Check", billingDay: 31, idNumber: "12345" });
  expect(refused.error).toMatchObject({
    code: "VALIDATION_FAILED",
    error: "Some fields need attention.",
    details: { fields: { billingDay: ["The billing day must be from 1 to 28."], idNumber: ["A KTP/NIK number has 16 digits."] } },
  });
  await page.keyboard.press("Escape");

  // The ISP's default language: its sign-in page follows it.
  await page.goto(hostUrl(HOST, "/settings"));
  await page.getByTestId("tenant-default-locale").selectOption("en");
  await page.getByRole("button", { name: "Save default language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Default language saved." })).toBeVisible();
  await signOut(page, "en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Sign in to the back office")).toBeVisible();

  // Put it all back through the UI: the ISP's default, then the owner's own choice.
  await signIn(page, HOST, DEMO_OWNER, { lang: "en" });
  await page.goto(hostUrl(HOST, "/settings"));
  await page.getByTestId("tenant-default-locale").selectOption("id");
  await page.getByRole("button", { name: "Save default language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Default language saved." })).toBeVisible();
  await page.goto(hostUrl(HOST, "/account/language"));
  await page.getByTestId("own-locale").selectOption("id");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { name: "Akun saya", level: 1 })).toBeVisible();
});

/** Words of the Indonesian catalogues that an English page must not show. */
const INDONESIAN = /\b(Tagihan|Pelanggan|Simpan|Batal|Lunas|Terbit|Belum dibayar|Paket|Cari|Bulan|Masuk)\b/;

async function expectEnglishPage(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await page.locator("main").innerText()).match(INDONESIAN)).toBeNull();
}

test("a journey wholly in English: from the ISP's English sign-in page to a customer's balance, the invoices and the packages", async ({ page }) => {
  test.slow();
  await setLanguages("en", "en");
  await page.goto(hostUrl(HOST, "/login"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Sign in to the back office")).toBeVisible();
  await signIn(page, HOST, DEMO_OWNER, { lang: "en" });
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expectEnglishPage(page);

  // A customer: found by search, what they owe first, their details after.
  await mainNav(page, "en").getByRole("link", { name: "Customers" }).click();
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await page.getByTestId("customers-search").fill("Warung Bu Sri");
  await expect(page).toHaveURL(/[?&]q=/);
  await expectEnglishPage(page);
  await page.getByRole("link", { name: /Warung Bu Sri/ }).first().click();
  await expect(page.getByRole("heading", { name: /Warung Bu Sri/, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Customer details", level: 2 })).toBeVisible();
  await expect(page.getByTestId("customer-billing")).toContainText("Outstanding");
  await expectEnglishPage(page);

  // The billing pages: the invoice register and the packages.
  await page.goto(hostUrl(HOST, "/invoices"));
  await expect(page.getByRole("heading", { name: "Invoices", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Generate this month's invoices" })).toBeVisible();
  await expectEnglishPage(page);
  await page.goto(hostUrl(HOST, "/packages"));
  await expect(page.locator('[data-testid="package-card"][data-name="Rumah 10 Mbps"]')).toContainText("Rp 150.000 / month");
  await expectEnglishPage(page);
  await signOut(page, "en");
  await expect(page.getByText("Sign in to the back office")).toBeVisible();
});
