// Journey (collectors' cash, issue 15 §1) on a 360 px phone: finance gives a customer with an open
// invoice to the demo collector; the collector's round lists only their own customers, they
// collect part of the invoice in cash and hand their cash over; finance counts less than
// declared and confirms it with a variance and a note; the invoice shows the payment.
import { expect, test, type Page } from "@playwright/test";
import { hostUrl, signIn, withDb } from "./helpers";

const HOST = "demo.localhost";
const FINANCE = { email: "finance@demo.local", password: "demo-finance" };
const COLLECTOR = { email: "collector@demo.local", password: "demo-collector" };
const PHONE = { width: 360, height: 740 };
const stamp = Date.now().toString(36);
/** An 8 × 8 PNG, the photo the collector takes. */
const PROOF_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4UaGBFTEMLQkAUtVaAV8W4QQAAAAASUVORK5CYII=";

async function mutateFromPage<T>(page: Page, path: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ([url, json]) => (await fetch(url!, { method: "POST", headers: { "content-type": "application/json" }, body: json })).json(),
    [`/api/trpc/${path}`, JSON.stringify(input)],
  );
  return (body as { result: { data: T } }).result.data;
}

test("a collector collects part of an invoice on their round and hands the cash over; finance confirms it with a variance", async ({ browser }) => {
  const { customerId, collectorId, code } = await withDb(async (db) => {
    const customer = await db.query<{ id: string; number: number }>(
      `SELECT c.id, c.number FROM "Customer" c JOIN "Tenant" t ON t.id = c."tenantId" WHERE t.slug = 'demo' AND c.status = 'active' ORDER BY c.number DESC LIMIT 1`,
    );
    const collector = await db.query<{ id: string }>(`SELECT u.id FROM "User" u JOIN "Tenant" t ON t.id = u."tenantId" WHERE t.slug = 'demo' AND u.email = $1`, [COLLECTOR.email]);
    return { customerId: customer.rows[0]!.id, collectorId: collector.rows[0]!.id, code: `C-${String(customer.rows[0]!.number).padStart(6, "0")}` };
  });

  // Finance: an open invoice of 100.000 for the customer, and the customer on the collector's round.
  const office = await browser.newPage();
  await signIn(office, HOST, FINANCE);
  const invoice = await mutateFromPage<{ id: string }>(office, "billing.invoices.createManual", {
    customerId,
    lines: [{ description: `E2E round ${stamp}`, quantity: 1, unitPriceIdr: 100_000, discountIdr: 0, taxable: false }],
    issue: true,
  });
  await mutateFromPage(office, "collections.assign", { collectorId, customerIds: [customerId] });

  // The collector on a phone: only their own customers, then a partial collection.
  const phone = await browser.newPage({ viewport: PHONE });
  await signIn(phone, HOST, COLLECTOR);
  await phone.goto(hostUrl(HOST, "/collections/round"));
  await expect(phone.getByRole("heading", { name: "Rute penagihan", level: 1 })).toBeVisible();
  await phone.getByTestId("round-filter").selectOption("");
  const own = await withDb(async (db) => (await db.query(`SELECT count(*)::int AS n FROM "CollectorAssignment" WHERE "collectorId" = $1 AND "endedAt" IS NULL`, [collectorId])).rows[0].n as number);
  await expect(phone.getByRole("button", { name: "Tagih", exact: true })).toHaveCount(own);
  await phone.getByTestId(`collect-${code}`).click();
  const form = phone.getByTestId("collect-form");
  await form.getByTestId("collect-amount").fill("40000");
  await expect(form).toContainText("sisa");
  // A photo as proof: scaled on the phone, stored through files.upload, sent as its id.
  await form.getByTestId("collect-photo-input").setInputFiles({ name: "bukti.png", mimeType: "image/png", buffer: Buffer.from(PROOF_PNG, "base64") });
  await expect(form.getByTestId("collect-photo-attached")).toBeVisible();
  // A double tap records one collection.
  await form.getByTestId("collect-submit").dblclick();
  await expect(phone.getByTestId("collect-result")).toContainText("Rp 40.000");
  await phone.getByRole("button", { name: "Selesai" }).click();
  expect(await withDb(async (db) => (await db.query(`SELECT count(*)::int AS n FROM "CashCollection" c JOIN "Payment" p ON p.id = c."paymentId" WHERE c."customerId" = $1 AND p."createdAt" > now() - interval '5 minutes'`, [customerId])).rows[0].n)).toBe(1);
  expect(await withDb(async (db) => (await db.query(`SELECT f.purpose::text FROM "CashCollection" c JOIN "StoredFile" f ON f.id = c."photoFileId" WHERE c."customerId" = $1 ORDER BY c."collectedAt" DESC LIMIT 1`, [customerId])).rows[0])).toEqual({ purpose: "collection_photo" });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // The hand-over: everything the collector holds and has not declared yet.
  await phone.getByTestId("declare-open").click();
  const declared = Number((await phone.getByTestId("declare-amount").inputValue()).replace(/\D/g, ""));
  expect(declared).toBeGreaterThanOrEqual(40_000);
  await phone.getByTestId("declare-submit").click();
  await expect(phone.getByTestId("my-deposit").first()).toContainText("Menunggu dihitung");

  // Finance counts 1.000 less and says why.
  await office.goto(hostUrl(HOST, "/collections/cash"));
  await office.getByTestId("deposit-row").filter({ hasText: "Menunggu dihitung" }).first().getByTestId("deposit-confirm-open").click();
  const confirm = office.getByTestId("deposit-confirm-form");
  await confirm.getByTestId("deposit-received").fill(String(declared - 1_000));
  await confirm.getByTestId("deposit-confirm-submit").click();
  await expect(confirm).toContainText("selisih");
  await confirm.getByTestId("deposit-note").fill(`Kurang seribu ${stamp}`);
  await confirm.getByTestId("deposit-confirm-submit").click();
  await expect(office.getByTestId("deposit-row").filter({ hasText: `Kurang seribu ${stamp}` })).toContainText("Ada selisih");

  // The invoice shows the collector's payment and what is still owed.
  await office.goto(hostUrl(HOST, `/invoices/${invoice.id}`));
  await expect(office.getByText("Rp 40.000").first()).toBeVisible();
  expect(await withDb(async (db) => (await db.query(`SELECT status::text, "paidIdr" FROM "Invoice" WHERE id = $1`, [invoice.id])).rows[0])).toEqual({ status: "partially_paid", paidIdr: 40_000 });
});
