// Journey: staff on a 360 px phone. Finance writes and issues a two-line invoice on the new-invoice
// form (nothing wider than the screen, every control a 44 px target, the save buttons reachable by
// scrolling down only); a collector and the owner open a customer and see what they owe before
// their details (the owner's edit form comes last). Seed data: Warung Bu Sri (C-000001).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_OWNER, hostUrl, signIn } from "./helpers";

const HOST = "demo.localhost";
const FINANCE = { email: "finance@demo.local", password: "demo-finance" };
const COLLECTOR = { email: "collector@demo.local", password: "demo-collector" };
const WIDTH = 360;

test.use({ viewport: { width: WIDTH, height: 740 }, hasTouch: true, isMobile: true });

async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Every visible control inside `root` lies within the screen's width and is at least 44 × 44 px. */
async function expectPhoneSizedControls(root: Locator) {
  const offenders = await root.evaluate((el, width) => {
    return [...el.querySelectorAll("a, button, input, select, textarea")]
      .map((c) => ({ c, r: c.getBoundingClientRect() }))
      .filter(({ c, r }) => r.width > 0 && r.height > 0 && getComputedStyle(c).visibility !== "hidden")
      .filter(({ r }) => r.left < 0 || r.right > width || r.width < 44 || r.height < 44)
      .map(({ c, r }) => `${c.tagName} ${(c.getAttribute("aria-label") ?? c.textContent ?? "").trim().slice(0, 30)} ${Math.round(r.left)}..${Math.round(r.right)} ×${Math.round(r.height)}`);
  }, WIDTH);
  expect(offenders).toEqual([]);
}

/** The element is on screen after scrolling it into view: no sideways scroll needed. */
async function expectReachable(page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
}

test("finance writes and issues a two-line invoice on a 360 px phone without sideways scrolling", async ({ page }) => {
  await signIn(page, HOST, FINANCE);
  await page.goto(hostUrl(HOST, "/invoices/new"));
  await expect(page.getByRole("heading", { name: "Tagihan baru", level: 1 })).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByTestId("invoice-line") });

  await page.getByLabel("Pelanggan", { exact: true }).fill("Warung Bu Sri");
  await page.getByRole("list", { name: "Pelanggan yang cocok" }).getByRole("button", { name: /Warung Bu Sri/ }).click();
  await expect(page.getByTestId("picked-customer")).toContainText("Warung Bu Sri");

  await page.getByLabel("Keterangan baris 1").fill("Pasang ulang kabel drop");
  await page.getByLabel("Harga satuan baris 1").fill("75000");
  await page.getByRole("button", { name: "Tambah baris" }).click();
  await page.getByLabel("Keterangan baris 2").fill("Konektor fast connector");
  await page.getByLabel("Jumlah baris 2").fill("2");
  await page.getByLabel("Harga satuan baris 2").fill("15000");
  await expect(page.getByTestId("invoice-form-total")).toHaveText(/^Rp [\d.]+$/);
  // The added line was never marked wrong: no rupiah message on a price typed in and not yet left.
  await expect(form.getByText("Tulis jumlahnya dalam rupiah bulat.")).toHaveCount(0);

  await expectNoSideScroll(page);
  await expectPhoneSizedControls(form);
  const issue = page.getByRole("button", { name: "Simpan dan terbitkan" });
  await expectReachable(page, issue);
  await issue.click();

  await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("invoice-number")).toHaveText(/^INV\/\d{4}\/\d{6}$/);
  await expect(page.getByTestId("invoice-status")).toHaveText("Terbit");
  await expectNoSideScroll(page);
});

/** Opens Warung Bu Sri from the customer list, as a person on a phone would. */
async function openWarung(page: Page) {
  await page.goto(hostUrl(HOST, "/customers"));
  await page.getByTestId("customers-search").fill("Warung Bu Sri");
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole("link", { name: /Warung Bu Sri/ }).first().click();
  await expect(page.getByRole("heading", { name: /Warung Bu Sri/, level: 1 })).toBeVisible();
}

const top = async (target: Locator) => (await target.boundingBox())!.y;

test("on a phone a collector sees what a customer owes before their details", async ({ page }) => {
  await signIn(page, HOST, COLLECTOR);
  await openWarung(page);
  const owes = page.getByTestId("balance-outstanding");
  const details = page.getByRole("heading", { name: "Data pelanggan", level: 2 });
  await expect(owes).toBeVisible();
  expect(await top(owes)).toBeLessThan(await top(details));
  // Their cash goes through the round (custody ledger), not billing's record form.
  await expect(page.getByRole("link", { name: "Tagih di ronde saya" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Catat pembayaran" })).toHaveCount(0);
  await expectNoSideScroll(page);
});

test("on a phone the owner sees a customer's balance before their details, and the edit form last", async ({ page }) => {
  await signIn(page, HOST, DEMO_OWNER);
  await openWarung(page);
  const owes = page.getByTestId("balance-outstanding");
  const details = page.getByRole("heading", { name: "Data pelanggan", level: 2 });
  const edit = page.getByTestId("edit-customer-form");
  await expect(owes).toBeVisible();
  expect(await top(owes)).toBeLessThan(await top(details));
  expect(await top(details)).toBeLessThan(await top(page.getByRole("heading", { name: "Langganan", level: 2 })));
  expect(await top(page.getByRole("heading", { name: "Langganan", level: 2 }))).toBeLessThan(await top(edit));
  await expectNoSideScroll(page);
});
