// Journey (billing): finance takes a new subscriber from sign-up to a paid invoice — customer,
// subscription starting today, this month's generation run, a cash payment of the whole amount —
// then prints the invoice and downloads its PDF. Plus who may not: a technician gets the 403
// page, a collector and an anonymous caller get JSON refusals from the PDF endpoint.
import { expect, test, type Page } from "@playwright/test";
import { hostUrl, mainNav, onHost, signIn, withDb } from "./helpers";

const HOST = "demo.localhost";
const FINANCE = { email: "finance@demo.local", password: "demo-finance" };
const COLLECTOR = { email: "collector@demo.local", password: "demo-collector" };
const TECHNICIAN = { email: "tech@demo.local", password: "demo-technician" };
const stamp = Date.now().toString(36);

/** Fetches a path from the signed-in page (the browser sends its own cookie and host). */
function fetchFromPage(page: Page, path: string) {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      head: String.fromCharCode(...bytes.slice(0, 5)),
      size: bytes.length,
      text: bytes.length < 2000 ? new TextDecoder().decode(bytes) : "",
    };
  }, path);
}

test("finance bills a new subscriber and records their cash payment; the invoice prints and downloads as PDF", async ({ page }) => {
  const name = `E2E Billing ${stamp}`;
  await signIn(page, HOST, FINANCE);

  // A new customer, and a subscription that starts today.
  await page.goto(hostUrl(HOST, "/customers"));
  await page.getByRole("button", { name: "Tambah pelanggan" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Tambah pelanggan" });
  await dialog.getByLabel("Nama", { exact: true }).fill(name);
  await dialog.getByRole("button", { name: "Tambah pelanggan" }).click();
  await expect(page.getByTestId("customer-added")).toContainText(/Pelanggan C-\d+ ditambahkan\./);
  await page.getByTestId("customers-search").fill(name);
  // Wait for the search to settle into the URL: a late history update would cancel the click's navigation.
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByTestId("customers-table").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) }).first()).toBeVisible();
  await page.getByRole("button", { name: "Tambah langganan" }).click();
  const rumah = await page.getByLabel("Paket", { exact: true }).locator("option", { hasText: "Rumah 10 Mbps" }).getAttribute("value");
  await page.getByLabel("Paket", { exact: true }).selectOption(rumah!);
  await page.getByRole("button", { name: "Tambah langganan" }).last().click();
  await expect(page.getByTestId("subscription-row")).toHaveCount(1);

  // This month's run bills the new subscription.
  await mainNav(page).getByRole("link", { name: "Tagihan", exact: true }).click();
  await page.getByRole("button", { name: "Buat tagihan bulan ini" }).click();
  await expect(page.getByTestId("invoices-notice")).toContainText(/\d+ tagihan dibuat dan diterbitkan: INV\/\d{4}\/\d{6}/);

  // The customer's new invoice: pay it in full, in cash.
  await page.getByTestId("invoices-search").fill(name);
  await expect(page).toHaveURL(/[?&]q=/);
  const row = page.getByTestId("invoices-table").getByTestId("invoice-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("invoice-status")).toHaveText("Terbit");
  await row.getByRole("link", { name: /^INV\// }).click();
  await expect(page.getByTestId("invoice-number")).toHaveText(/^INV\/\d{4}\/\d{6}$/);
  const invoiceUrl = new URL(page.url());
  const invoiceId = invoiceUrl.pathname.split("/").pop()!;
  const total = (await page.getByTestId("invoice-total").textContent())!;
  await expect(page.getByTestId("invoice-outstanding")).toHaveText(total);

  await page.getByRole("button", { name: "Catat pembayaran" }).click();
  const form = page.getByTestId("record-payment-form");
  await expect(form.getByLabel("Jumlah diterima (Rp)")).toHaveValue(total.replace(/\D/g, ""));
  await expect(form.getByLabel("Metode")).toHaveValue("cash");
  await form.getByRole("button", { name: "Catat pembayaran" }).click();
  await expect(page.getByTestId("payment-result")).toContainText(/Pembayaran tercatat: .* \(Tunai\), kuitansi RCP\/\d{4}\/\d{6}/);
  await expect(page.getByTestId("invoice-status")).toHaveText("Lunas");
  await expect(page.getByTestId("invoice-outstanding")).toHaveText("Rp 0");
  await expect(page.getByTestId("invoice-payments")).toContainText(total);

  // Print view: the ISP's letterhead, no app shell, the PAID stamp.
  await page.goto(hostUrl(HOST, `/invoices/${invoiceId}/print`));
  await expect(page.getByTestId("document-issuer")).toHaveText("Demo Net");
  await expect(page.getByTestId("document-stamp")).toHaveText("LUNAS");
  await expect(page.getByRole("navigation", { name: "Menu utama" })).toHaveCount(0);

  // The PDF, for the same session.
  const pdf = await fetchFromPage(page, `/api/invoices/${invoiceId}/pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.contentType).toBe("application/pdf");
  expect(pdf.head).toBe("%PDF-");
  expect(pdf.size).toBeGreaterThan(1000);
});

test("a technician gets the 403 page on invoices", async ({ page }) => {
  await signIn(page, HOST, TECHNICIAN);
  await expect(mainNav(page).getByRole("link", { name: "Tagihan", exact: true })).toHaveCount(0);
  const response = await page.goto(hostUrl(HOST, "/invoices"));
  expect(response?.status()).toBe(403);
  await expect(page.getByText("FORBIDDEN")).toBeVisible();
});

test("the invoice PDF refuses a collector (403) and an anonymous caller (401) as JSON", async ({ page, request }) => {
  const invoiceId = await withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT i.id FROM "Invoice" i JOIN "Tenant" t ON t.id = i."tenantId" WHERE t.slug = 'demo' AND i.status <> 'draft' ORDER BY i."createdAt" LIMIT 1`,
    );
    return rows[0]!.id;
  });

  const anonymous = await request.get(...onHost(HOST, `/api/invoices/${invoiceId}/pdf`));
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/json");
  expect((await anonymous.json()).code).toBe("AUTH_REQUIRED");

  await signIn(page, HOST, COLLECTOR);
  const refused = await fetchFromPage(page, `/api/invoices/${invoiceId}/pdf`);
  expect(refused.status).toBe(403);
  expect(refused.contentType).toContain("application/json");
  expect(JSON.parse(refused.text).code).toBe("FORBIDDEN");
});

test("each role's home shows what it works on: finance figures, a collector's day, a technician's customers", async ({ page }) => {
  await signIn(page, HOST, FINANCE);
  await expect(page.getByTestId("home-collected-today")).toHaveText(/^Rp [\d.]+$/);
  await expect(page.getByTestId("home-outstanding")).toHaveText(/^Rp [\d.]+$/);
  await expect(page.getByTestId("overview-users-total")).toHaveCount(0);
  await page.context().clearCookies();
  await signIn(page, HOST, COLLECTOR);
  await expect(page.getByRole("heading", { name: "Penagihan Anda hari ini" })).toBeVisible();
  await expect(page.getByTestId("home-collector-today")).toHaveText(/^Rp [\d.]+$/);
  await expect(page.getByTestId("home-billed")).toHaveCount(0);
  await page.context().clearCookies();
  await signIn(page, HOST, TECHNICIAN);
  await expect(page.getByRole("heading", { name: "Pelanggan yang bisa Anda tangani" })).toBeVisible();
  await expect(page.getByTestId("home-field-prospects")).toBeVisible();
});

/** A tRPC mutation sent by the signed-in page itself (its cookie, its origin). */
async function mutateFromPage<T>(page: Page, path: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ([url, json]) => (await fetch(url!, { method: "POST", headers: { "content-type": "application/json" }, body: json })).json(),
    [`/api/trpc/${path}`, JSON.stringify(input)],
  );
  return (body as { result: { data: T } }).result.data;
}

test("an invoice waiting for an online payment updates by itself when it is paid; the superseded code is not offered again", async ({ page }) => {
  await signIn(page, HOST, FINANCE);
  const customerId = await withDb(async (db) => {
    const { rows } = await db.query(`SELECT c.id FROM "Customer" c JOIN "Tenant" t ON t.id = c."tenantId" WHERE t.slug = 'demo' AND c.status = 'active' ORDER BY c.number LIMIT 1`);
    return rows[0].id as string;
  });
  const invoice = await mutateFromPage<{ id: string; totalIdr: number; customerId: string }>(page, "billing.invoices.createManual", {
    customerId,
    lines: [{ description: `E2E online ${stamp}`, quantity: 1, unitPriceIdr: 25_000, discountIdr: 0, taxable: false }],
    issue: true,
  });
  // An open QRIS code for it, as createCharge would have stored it (no gateway in this run).
  await withDb((db) =>
    db.query(
      `INSERT INTO "GatewayCharge" (id, "tenantId", "invoiceId", provider, "merchantRef", "providerReference", method, "amountIdr", status, "qrString", "expiresAt", "updatedAt")
       SELECT gen_random_uuid(), i."tenantId", i.id, 'tripay', $2, $3, 'QRIS', i."totalIdr" - i."paidIdr", 'pending', '00020101021226', now() + interval '1 hour', now() FROM "Invoice" i WHERE i.id = $1`,
      [invoice.id, `E2E-${stamp}`, `T-E2E-${stamp}`],
    ),
  );
  await page.goto(hostUrl(HOST, `/invoices/${invoice.id}`));
  await expect(page.getByTestId("invoice-waiting")).toBeVisible();
  await expect(page.getByTestId("invoice-status")).toHaveText("Terbit");

  // The money arrives elsewhere (another cashier, a callback): the page follows without a reload.
  await mutateFromPage(page, "billing.payments.record", { customerId: invoice.customerId, invoiceId: invoice.id, amountIdr: invoice.totalIdr, method: "bank_transfer", idempotencyKey: `e2e-online-${stamp}` });
  await expect(page.getByTestId("invoice-status")).toHaveText("Lunas", { timeout: 15_000 });
  await expect(page.getByTestId("invoice-waiting")).toHaveCount(0);
  const superseded = await withDb(async (db) => (await db.query(`SELECT "supersededAt" FROM "GatewayCharge" WHERE "merchantRef" = $1`, [`E2E-${stamp}`])).rows[0].supersededAt);
  expect(superseded).not.toBeNull();
});
