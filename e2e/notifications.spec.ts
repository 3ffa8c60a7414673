// Journey (WhatsApp): finance sends an invoice by WhatsApp from the invoice page — through a
// real worker process to the Fonnte simulator, whose webhook reports delivery back — and the
// simulator took exactly one message, also after a second click; the owner finds it in the
// message log, and a template with an unknown variable is refused on the field; an ODP marked
// down tells each of its customers once (and once more when resolved); broadcasts reach
// exactly the customers of a street and exactly the isolated ones.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { DEMO_FONNTE_DEVICE } from "../sim/whatsapp/demo-accounts";
import { startFonnteSim, type FonnteSim } from "../sim/whatsapp/fonnte-sim";
import { DEMO_OWNER, hostUrl, signIn, withDb } from "./helpers";

const HOST = "demo.localhost";
const FINANCE = { email: "finance@demo.local", password: "demo-finance" };

let sim: FonnteSim;
let worker: ChildProcess;
let workerLog = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const { webhookSecret, ...device } = DEMO_FONNTE_DEVICE;
  const hook = hostUrl(HOST, `/api/whatsapp/fonnte/${webhookSecret}`);
  sim = await startFonnteSim({ devices: [{ ...device, statusWebhookUrl: hook, inboundWebhookUrl: hook }], deliverDelayMs: 1500 });
  // Demo Net sends at once in this journey: no quiet hours (the run may be at night), no gap.
  await withDb((db) =>
    db.query(`UPDATE "WhatsAppSettings" SET "quietStartMinute" = 0, "quietEndMinute" = 0, "fonnteMinGapMs" = 0, "fonnteMaxGapMs" = 0, "fallbackProvider" = NULL, enabled = true WHERE "tenantId" = (SELECT id FROM "Tenant" WHERE slug = 'demo')`),
  );
  worker = spawn("scripts/tsx-server.sh", ["worker/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", FONNTE_BASE_URL: sim.origin, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout!.on("data", (d) => (workerLog += d));
  worker.stderr!.on("data", (d) => (workerLog += d));
  for (let i = 0; i < 300 && !workerLog.includes("worker started"); i++) await new Promise((r) => setTimeout(r, 100));
  expect(workerLog).toContain("worker started");
});

test.afterAll(async () => {
  if (worker.exitCode === null) {
    worker.kill("SIGTERM");
    await once(worker, "exit");
  }
  await sim.close();
});

test("finance sends an invoice by WhatsApp: the gateway takes exactly one message, delivered", async ({ page }) => {
  test.setTimeout(90_000);
  // An open invoice of a Demo Net customer with a WhatsApp number.
  const invoice = await withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT i.id, c.phone FROM "Invoice" i JOIN "Customer" c ON c.id = i."customerId" AND c."tenantId" = i."tenantId"
        WHERE i."tenantId" = (SELECT id FROM "Tenant" WHERE slug = 'demo') AND i.status IN ('issued', 'partially_paid', 'overdue') AND c.phone IS NOT NULL
        ORDER BY i."createdAt" LIMIT 1`,
    );
    return rows[0] as { id: string; phone: string };
  });
  expect(invoice).toBeTruthy();
  const target = invoice.phone.replace(/\D/g, "").replace(/^0/, "62");
  // Only the invoice-with-instructions messages to this number (the worker also sends what the
  // demo's own billing events queued).
  const invoiceMessages = () => sim.messages().filter((m) => m.target === target && m.message.includes("Cara bayar:"));
  const before = invoiceMessages().length;

  await signIn(page, HOST, FINANCE);
  await page.goto(hostUrl(HOST, `/invoices/${invoice.id}`));
  const card = page.getByTestId("invoice-whatsapp");
  await expect(card.getByTestId("invoice-whatsapp-text")).toContainText("Cara bayar:");
  const send = card.getByTestId("invoice-send-whatsapp");
  await send.click();
  await expect(card.getByTestId("invoice-whatsapp-queued")).toBeVisible();
  // A second click on the same opening of the page is the same message.
  await send.click();
  await expect(card.getByTestId("invoice-whatsapp-queued")).toContainText("sudah dalam antrean");

  await expect.poll(() => invoiceMessages().length, { timeout: 30_000 }).toBe(before + 1);
  const sent = invoiceMessages().at(-1)!;
  expect(sent.token).toBe(DEMO_FONNTE_DEVICE.token);
  expect(sent.message).toContain("Cara bayar:");
  // Delivery comes back through the webhook; the invoice's message list shows it.
  await expect(page.getByTestId("invoice-messages").getByTestId("message-row").first()).toHaveAttribute("data-status", "delivered", { timeout: 30_000 });
  await new Promise((r) => setTimeout(r, 1500));
  expect(invoiceMessages()).toHaveLength(before + 1);
});

test("the owner sees the message in the log and cannot save a template with an unknown variable", async ({ page }) => {
  await signIn(page, HOST, DEMO_OWNER);
  await page.goto(hostUrl(HOST, "/whatsapp?kind=invoice_payment"));
  await expect(page.getByTestId("messages-table").getByTestId("message-row").first()).toHaveAttribute("data-kind", "invoice_payment");

  await page.goto(hostUrl(HOST, "/whatsapp/settings"));
  await page.getByTestId("template-kind").selectOption("invoice_issued");
  const editor = page.getByTestId("template-editor");
  await editor.getByTestId("template-body").fill("Halo {customerName}, total {total}.");
  await editor.getByTestId("template-save").click();
  await expect(editor.getByText("Variabel total tidak dikenal untuk pesan ini.").first()).toBeVisible();
  await editor.getByTestId("template-body").fill("Halo {customerName}, tagihan {invoiceNumber} sebesar {amount}.");
  await expect(editor.getByTestId("template-preview")).toContainText("Halo Budi Santoso, tagihan INV/2026/000123 sebesar Rp 150.000.");
});

test("the owner saves the WhatsApp settings and broadcasts to one street: each customer there gets it once", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, HOST, DEMO_OWNER);
  await page.goto(hostUrl(HOST, "/whatsapp/settings"));
  const settings = page.getByTestId("whatsapp-settings");
  await settings.getByTestId("reminder-days").fill("5");
  await settings.getByRole("button", { name: "Simpan pengaturan" }).click();
  await expect(settings.getByRole("status")).toHaveText("Tersimpan.");
  expect(await withDb(async (db) => (await db.query(`SELECT "reminderDaysBefore" FROM "WhatsAppSettings" WHERE "tenantId" = (SELECT id FROM "Tenant" WHERE slug = 'demo')`)).rows[0].reminderDaysBefore)).toBe(5);

  const text = `Pemeliharaan jaringan Gg. Kenanga ${Date.now().toString(36)}`;
  await page.goto(hostUrl(HOST, "/whatsapp/broadcast"));
  const form = page.getByTestId("broadcast-form");
  await form.getByTestId("broadcast-area").fill("Gg. Kenanga");
  await expect(form.getByTestId("broadcast-reachable")).toHaveText("2");
  await form.getByTestId("broadcast-message").fill(text);
  await form.getByTestId("broadcast-send").click();
  await page.getByTestId("broadcast-confirm-confirm").click();
  await expect(page.getByTestId("broadcasts-table").getByTestId("broadcast-progress").first()).toContainText("2 dari 2 terkirim", { timeout: 30_000 });
  const got = sim.messages().filter((m) => m.message.includes(text));
  expect(got.map((m) => m.target).sort()).toEqual(["6285712300013", "6285712300014"]);
});

/** Digits of a stored number, as the gateway receives it (6281…). */
const digits = (phone: string) => phone.replace(/\D/g, "").replace(/^0/, "62");
const demoTenant = `(SELECT id FROM "Tenant" WHERE slug = 'demo')`;

test("the owner marks an ODP down: each customer on it gets exactly one outage message, and one when it is resolved", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, HOST, DEMO_OWNER);
  await page.goto(hostUrl(HOST, "/map"));
  await page.getByTestId("ftth-search").fill("ODP-SKM-001");
  await page.getByTestId("ftth-search-results").getByRole("button", { name: /ODP-SKM-001/ }).click();
  const panel = page.getByTestId("ftth-panel");
  await expect(panel.getByTestId("ftth-panel-code")).toHaveText("ODP-SKM-001");
  await panel.getByTestId("ftth-mark-down").click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Ya, tandai mati" }).click();
  await expect(panel.getByTestId("ftth-panel-status")).toHaveText("Mati");

  // The outage that opened and the customers it told (those on the ODP), from the database.
  const { number, phones } = await withDb(async (db) => {
    const incident = (
      await db.query(
        `SELECT i.id, i.number FROM "FtthIncident" i JOIN "FtthNode" n ON n.id = i."causeNodeId" AND n."tenantId" = i."tenantId"
          WHERE i."tenantId" = ${demoTenant} AND n.code = 'ODP-SKM-001' AND i.status <> 'resolved' ORDER BY i."startedAt" DESC LIMIT 1`,
      )
    ).rows[0] as { id: string; number: number };
    const customers = await db.query(
      `SELECT c.phone FROM "FtthIncidentCustomer" ic JOIN "Customer" c ON c.id = ic."customerId" AND c."tenantId" = ic."tenantId"
        WHERE ic."tenantId" = ${demoTenant} AND ic."incidentId" = $1 AND ic.notified AND c.phone IS NOT NULL`,
      [incident.id],
    );
    return { number: incident.number, phones: customers.rows.map((r: { phone: string }) => digits(r.phone)).sort() };
  });
  expect(phones.length).toBeGreaterThanOrEqual(2);
  const title = `GGN-${String(number).padStart(4, "0")} di ODP-SKM-001`;
  const outageMessages = (phase: string) => sim.messages().filter((m) => m.message.includes(title) && m.message.includes(phase));
  await expect.poll(() => outageMessages("ada gangguan jaringan").length, { timeout: 45_000 }).toBe(phones.length);

  await panel.getByTestId("ftth-panel-incident").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Gangguan GGN-${String(number).padStart(4, "0")}`);
  await page.getByRole("button", { name: "Selesaikan" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Selesaikan" }).click();
  await expect(page.getByText("Selesai", { exact: true }).first()).toBeVisible();
  await expect.poll(() => outageMessages("sudah teratasi").length, { timeout: 45_000 }).toBe(phones.length);

  // Nothing more comes: one message per customer and phase, to exactly the customers on the ODP.
  await new Promise((r) => setTimeout(r, 3000));
  expect(outageMessages("ada gangguan jaringan").map((m) => m.target).sort()).toEqual(phones);
  expect(outageMessages("sudah teratasi").map((m) => m.target).sort()).toEqual(phones);
});

test("a broadcast to the isolated customers reaches exactly those, once each", async ({ page }) => {
  test.setTimeout(90_000);
  // Two more isolated customers for this journey (put back after), besides any the demo has.
  const extra = await withDb(async (db) => {
    const { rows } = await db.query(
      `UPDATE "Customer" SET status = 'isolated' WHERE id IN (SELECT id FROM "Customer" WHERE "tenantId" = ${demoTenant} AND status = 'active' AND phone IS NOT NULL ORDER BY number DESC LIMIT 2) RETURNING id`,
    );
    return rows.map((r: { id: string }) => r.id);
  });
  try {
    const isolated = await withDb(async (db) => {
      const { rows } = await db.query(
        `SELECT c.phone FROM "Customer" c WHERE c."tenantId" = ${demoTenant} AND c.status = 'isolated' AND c.phone IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "WhatsAppOptOut" o WHERE o."tenantId" = c."tenantId" AND o.phone = regexp_replace(c.phone, '\\D', '', 'g'))`,
      );
      return rows.map((r: { phone: string }) => digits(r.phone)).sort();
    });
    expect(isolated.length).toBeGreaterThanOrEqual(2);

    const text = `Layanan Anda sedang diisolir ${Date.now().toString(36)}`;
    await signIn(page, HOST, DEMO_OWNER);
    await page.goto(hostUrl(HOST, "/whatsapp/broadcast"));
    const form = page.getByTestId("broadcast-form");
    await form.getByTestId("broadcast-status-active").uncheck();
    await expect(form.getByTestId("broadcast-status-isolated")).toBeChecked();
    await expect(form.getByTestId("broadcast-reachable")).toHaveText(String(isolated.length));
    await form.getByTestId("broadcast-message").fill(text);
    await form.getByTestId("broadcast-send").click();
    await page.getByTestId("broadcast-confirm-confirm").click();
    const row = page.getByTestId("broadcasts-table").getByTestId("broadcast-progress").first();
    await expect(row).toContainText(`${isolated.length} dari ${isolated.length} terkirim`, { timeout: 45_000 });
    await new Promise((r) => setTimeout(r, 2000));
    expect(sim.messages().filter((m) => m.message.includes(text)).map((m) => m.target).sort()).toEqual(isolated);
  } finally {
    await withDb((db) => db.query(`UPDATE "Customer" SET status = 'active' WHERE id = ANY($1::uuid[])`, [extra]));
  }
});
