// Journey: RRNET bills its ISPs. Acme's owner sees the overdue banner and the Subscription page
// (on a phone too); the operator finds Acme in SaaS billing, records the payment on Acme's page
// (a double click records one payment) and Acme is back in good standing. Seed data: Acme has
// one RRNET invoice a few days overdue (warned), Demo Net last month's paid and this month's issued.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_OWNER, hostUrl, signIn, withDb } from "./helpers";

const ACME_OWNER = { email: "owner@acme.local", password: "acme-owner" };
const OPERATOR = { email: "admin@rrnet.local", password: "rrnet-admin" };

/** Nothing wider than the viewport: the page works at 360 px without sideways scrolling. */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a warned ISP's owner sees the banner and the overdue RRNET invoice on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, "acme.localhost", ACME_OWNER);
  const banner = page.getByTestId("saas-standing-banner");
  await expect(banner).toHaveAttribute("data-standing", "warned");
  await expect(banner).toContainText("Rp 150.000");
  await expectNoSideScroll(page);
  await banner.getByRole("link", { name: "Lihat tagihannya" }).click();
  await expect(page).toHaveURL(hostUrl("acme.localhost", "/subscription"));
  await expect(page.getByRole("heading", { name: "Langganan RRNET" })).toBeVisible();
  await expect(page.getByTestId("subscription-standing").getByTestId("saas-standing")).toHaveText("Menunggak");
  await expect(page.getByTestId("saas-invoice-status").getByText("Menunggak", { exact: true })).toHaveCount(1);
  await expectNoSideScroll(page);
});

test("Demo Net's owner sees last month paid and this month issued; staff without the capability get 403", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, "demo.localhost", DEMO_OWNER);
  await expect(page.getByTestId("saas-standing-banner")).toHaveCount(0);
  await page.goto(hostUrl("demo.localhost", "/subscription"));
  const withStatus = (status: string) => page.getByTestId("subscription-invoice").filter({ has: page.getByTestId("saas-invoice-status").getByText(status, { exact: true }) });
  await expect(withStatus("Lunas")).toHaveCount(1);
  await expect(withStatus("Terbit")).toHaveCount(1);
  // This month's invoice is outstanding: the page names it, it never says there is nothing to pay.
  await expect(page.getByTestId("subscription-standing-text")).toContainText("jatuh tempo");
  await expectNoSideScroll(page);

  await page.context().clearCookies();
  await signIn(page, "demo.localhost", { email: "admin@demo.local", password: "demo-admin" });
  const response = await page.goto(hostUrl("demo.localhost", "/subscription"));
  expect(response?.status()).toBe(403);
});

test("the operator finds Acme overdue and records its payment once, however often the button is hit", async ({ page }) => {
  await signIn(page, "admin.localhost", OPERATOR);
  await page.goto(hostUrl("admin.localhost", "/saas-billing"));
  await page.getByTestId("saas-status-filter").selectOption("overdue");
  const row = page.locator("table").getByTestId("saas-invoice-row").filter({ hasText: "Acme Net" });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("saas-standing")).toHaveText("Menunggak");

  await page.setViewportSize({ width: 360, height: 780 });
  await expectNoSideScroll(page);
  await page.getByTestId("saas-invoice-row").filter({ hasText: "Acme Net" }).first().getByRole("link", { name: "Acme Net" }).click();
  const overdue = page.getByTestId("tenant-saas-invoice").filter({ has: page.getByTestId("saas-invoice-status").getByText("Menunggak", { exact: true }) });
  const number = await overdue.getAttribute("data-number");
  await overdue.getByTestId("saas-record-payment").click();
  await expect(page.getByTestId("saas-payment-amount")).toHaveValue("150000");
  await page.getByTestId("saas-payment-reference").fill("Transfer Mandiri 0425");
  await expectNoSideScroll(page);
  await page.getByTestId("saas-payment-submit").dblclick();
  await expect(page.getByTestId("tenant-saas-payment").filter({ hasText: "Transfer Mandiri 0425" })).toHaveCount(1);
  await expect(page.getByTestId("saas-standing").getByText("Lancar", { exact: true })).toBeVisible();

  const payments = await withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM "SaasPayment" p JOIN "SaasInvoice" i ON i.id = p."saasInvoiceId" WHERE p.reference = $1 AND 'RRN/' || i.year || '/' || lpad(i.number::text, 6, '0') = $2`,
      ["Transfer Mandiri 0425", number],
    );
    return rows[0].n as number;
  });
  expect(payments).toBe(1);
});
