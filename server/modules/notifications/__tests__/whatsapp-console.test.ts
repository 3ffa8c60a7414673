// The WhatsApp console's services against the simulators over real sockets and the real
// PostgreSQL and Redis: templates with variable checks and previews, the Cloud API template
// mapping, the test message, an invoice sent by WhatsApp (or as a wa.me link), payment
// reminders, broadcasts, outage notices, resending, and tenants kept apart.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Jobs in a Redis database of their own: no other file's worker takes them.
vi.hoisted(() => {
  process.env.REDIS_URL = (process.env.REDIS_URL ?? "redis://127.0.0.1:6379/1").replace(/\/\d+$/, "/8");
});

import { userActor } from "@/server/actor/actor";
import { AppError } from "@/server/errors/app-error";
import { closeConnections } from "@/server/testing/lifecycle";
import { redis } from "@/server/redis/client";
import { startFonnteSim, type FonnteSim } from "@/sim/whatsapp/fonnte-sim";
import { startCloudSim, type CloudSim } from "@/sim/whatsapp/wa-cloud-sim";
import { billingTenant } from "@/server/modules/billing/__tests__/billing-fixtures";
import { createManualInvoice } from "@/server/modules/billing/invoice.service";
import { localDate } from "@/server/time/calendar-date";
import { createFonnteGateway } from "../fonnte.adapter";
import { createCloudGateway } from "../wa-cloud.adapter";
import { sendMessage, type SendDeps } from "../send.service";
import { saveWhatsAppSettings } from "../whatsapp-settings.service";
import { listTemplates, previewTemplate, saveCloudMapping, saveTemplate } from "../template.service";
import { invoiceShare, previewAudience, queueDueReminders, sendBroadcast, sendInvoice, sendTestMessage, listBroadcastRows } from "../outbound.service";
import { getCustomerOptOut, listMessageLog, resendMessage, setCustomerOptOut } from "../message-log.service";
import { notifyForEvent } from "../dispatch.service";
import type { TWhatsAppSettingsInput } from "../notifications.schema";

let fonnte: FonnteSim;
let cloud: CloudSim;
let deps: SendDeps;

beforeAll(async () => {
  await redis().flushdb();
  fonnte = await startFonnteSim({ devices: [], deliverDelayMs: 0 });
  cloud = await startCloudSim({ accounts: [], deliverDelayMs: 0 });
  const fonnteGateway = createFonnteGateway({ baseUrl: fonnte.origin, timeoutMs: 1000 });
  const cloudGateway = createCloudGateway({ baseUrl: cloud.baseUrl, timeoutMs: 1000 });
  deps = { gateway: (p) => (p === "fonnte" ? fonnteGateway : cloudGateway), now: () => new Date(), backoffBaseMs: 10, random: () => 0.5 };
});

afterAll(async () => {
  await fonnte.close();
  await cloud.close();
  await closeConnections();
});

const NO_LIMITS = { fonnteMinGapMs: 0, fonnteMaxGapMs: 0, fonnteDailyCap: 0, cloudPerSecond: 0, quietStartMinute: 0, quietEndMinute: 0 };

async function setup(prefix: string, settings: Partial<TWhatsAppSettingsInput> | null = {}, customers = 1) {
  const t = await billingTenant(prefix, { invoiceDueDays: 3 });
  const subs: Array<{ id: string }> = [];
  for (let i = 0; i < customers; i++) subs.push((await t.subscriber({ startDate: "2026-10-01" })).customer);
  const token = `fonnte-${randomUUID()}`;
  const phoneNumberId = String(Math.floor(Math.random() * 1e15));
  fonnte.addDevice({ token, device: "6281100000001" });
  cloud.addAccount({ phoneNumberId, accessToken: `EAAG-${token}`, appSecret: "app-secret" });
  const actor = userActor({ tenantId: t.tenant.id, userId: t.user.id, role: "owner", email: t.user.email, name: t.user.name });
  if (settings) {
    await saveWhatsAppSettings(
      t.db,
      actor,
      { enabled: true, primaryProvider: "fonnte", fallbackProvider: null, fonnteToken: token, cloudPhoneNumberId: phoneNumberId, cloudAccessToken: `EAAG-${token}`, cloudAppSecret: "app-secret", ...NO_LIMITS, ...settings },
      { tenantOrigin: (slug) => `http://${slug}.localhost` },
    );
  }
  const messages = () => t.db.whatsAppMessage.findMany({ orderBy: { createdAt: "asc" } });
  const sentTo = () => fonnte.messages().filter((m) => m.token === token);
  const cloudSent = () => cloud.messages().filter((m) => m.phoneNumberId === phoneNumberId);
  async function drain() {
    for (let i = 0; i < 100; i++) {
      const queued = await t.db.whatsAppMessage.findMany({ where: { status: "queued" } });
      if (queued.length === 0) return;
      for (const m of queued) await sendMessage(t.db, m.id, deps);
    }
  }
  const invoice = (customerId = subs[0]!.id) =>
    createManualInvoice(t.db, actor, { customerId, lines: [{ description: "Internet Desember", quantity: 1, unitPriceIdr: 150_000, discountIdr: 0, taxable: false }], issue: true });
  return { ...t, customers: subs, token, phoneNumberId, actor, messages, sentTo, cloudSent, drain, invoice };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("templates", () => {
  it("an unknown variable is refused with the field and the name; a valid text is what customers then get", async () => {
    const t = await setup("wa-tpl");
    const bad = await refusal(saveTemplate(t.db, t.actor, { kind: "invoice_issued", locale: "id", body: "Halo {customerName}, bayar {total}" }));
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(bad.details).toMatchObject({ fields: { body: ["notifications.validation.unknownVariable"] }, name: "total" });
    await saveTemplate(t.db, t.actor, { kind: "invoice_issued", locale: "id", body: "Yth. {customerName}: tagihan {invoiceNumber} {amount}, batas {dueDate}." });
    const views = await listTemplates(t.db);
    expect(views.find((v) => v.kind === "invoice_issued")!.bodies.id).toMatchObject({ custom: true });
    await notifyForEvent(t.db, { eventId: randomUUID(), type: "billing.invoice_issued", payload: { invoiceId: randomUUID(), customerId: t.customers[0]!.id, invoiceNumber: "INV/2026/000009", totalIdr: 99_000, dueDate: "2026-12-10" } });
    await t.drain();
    expect(t.sentTo()).toHaveLength(1);
    expect(t.sentTo()[0]!.message).toMatch(/^Yth\. Customer 1: tagihan INV\/2026\/000009 Rp 99\.000, batas 10 Desember 2026\./);
  });

  it("the preview fills a text with sample data and the ISP's name", async () => {
    const t = await setup("wa-preview");
    const preview = await previewTemplate(t.db, { kind: "payment_reminder", locale: "id", body: "{customerName} - {daysLeft} hari - {ispName}" });
    expect(preview.text).toBe(`Budi Santoso - 3 hari - ${t.tenant.name}`);
  });

  it("a Cloud API mapping names only the kind's variables; messages then go out as that template", async () => {
    const t = await setup("wa-cloudmap", { primaryProvider: "wa_cloud", fallbackProvider: null });
    const bad = await refusal(saveCloudMapping(t.db, t.actor, { kind: "invoice_issued", name: "tagihan_baru", parameters: ["customerName", "nope"] }));
    expect(bad.details).toMatchObject({ fields: { parameters: ["notifications.validation.unknownVariable"] }, name: "nope" });
    await saveCloudMapping(t.db, t.actor, { kind: "invoice_issued", name: "tagihan_baru", parameters: ["invoiceNumber", "customerName"] });
    await notifyForEvent(t.db, { eventId: randomUUID(), type: "billing.invoice_issued", payload: { invoiceId: randomUUID(), customerId: t.customers[0]!.id, invoiceNumber: "INV/2026/000010", totalIdr: 1, dueDate: "2026-12-10" } });
    await t.drain();
    expect(t.cloudSent()).toMatchObject([{ template: { name: "tagihan_baru", language: "id", parameters: ["INV/2026/000010", "Customer 1"] } }]);
  });
});

describe("sending from the console", () => {
  it("a test message is sent at once and logged; a refused token says why", async () => {
    const t = await setup("wa-test");
    expect(await sendTestMessage(t.db, t.actor, { phone: "0812 1111 2222" }, deps)).toEqual({ status: "sent", provider: "fonnte", reason: null });
    expect(t.sentTo()).toMatchObject([{ target: "6281211112222" }]);
    fonnte.setConnected(t.token, false);
    const failed = await sendTestMessage(t.db, t.actor, { phone: "0812 1111 2222" }, deps);
    expect(failed).toMatchObject({ status: "failed", provider: "fonnte" });
    expect(failed.reason).toMatch(/disconnect/i);
    const log = await listMessageLog(t.db, { kind: "test", limit: 10 });
    expect(log.items.map((m) => m.status).sort()).toEqual(["failed", "sent"]);
  });

  it("an invoice sent twice with the same key is one message with its payment instructions", async () => {
    const t = await setup("wa-invoice");
    const invoice = await t.invoice();
    const key = `k-${randomUUID()}`;
    const first = await sendInvoice(t.db, t.actor, { invoiceId: invoice.id, idempotencyKey: key });
    const again = await sendInvoice(t.db, t.actor, { invoiceId: invoice.id, idempotencyKey: key });
    expect(again).toEqual({ ...first, replayed: true });
    await t.drain();
    expect(t.sentTo()).toHaveLength(1);
    expect(t.sentTo()[0]!.message).toContain(invoice.number!);
    expect(t.sentTo()[0]!.message).toContain("Cara bayar: Bayar tunai ke petugas kami");
    const onInvoice = await listMessageLog(t.db, { invoiceId: invoice.id, limit: 10 });
    expect(onInvoice.items).toMatchObject([{ kind: "invoice_payment", status: "sent" }]);
  });

  it("without a gateway the invoice page gets a wa.me link with the same text", async () => {
    const t = await setup("wa-wame", null);
    const invoice = await t.invoice();
    const share = await invoiceShare(t.db, invoice.id);
    expect(share).toMatchObject({ gateway: false, phone: "6281200000001", optedOut: false });
    expect(share.waMeUrl).toBe(`https://wa.me/6281200000001?text=${encodeURIComponent(share.text)}`);
    expect((await refusal(sendInvoice(t.db, t.actor, { invoiceId: invoice.id, idempotencyKey: "k-12345678" }))).code).toBe("GATEWAY_NOT_CONFIGURED");
  });

  it("a failed message is sent again once however often resend is pressed", async () => {
    const t = await setup("wa-resend");
    fonnte.script(t.token, ["permanent"]);
    const invoice = await t.invoice();
    await sendInvoice(t.db, t.actor, { invoiceId: invoice.id, idempotencyKey: `k-${randomUUID()}` });
    await t.drain();
    const [failed] = await t.messages();
    expect(failed!.status).toBe("failed");
    const first = await resendMessage(t.db, t.actor, failed!.id);
    const second = await resendMessage(t.db, t.actor, failed!.id);
    expect(second).toEqual({ ...first, replayed: true, status: expect.any(String) });
    await t.drain();
    expect(t.sentTo()).toHaveLength(1);
    expect((await refusal(resendMessage(t.db, t.actor, first.messageId))).code).toBe("CONFLICT");
  });
});

describe("reminders, broadcasts and outages", () => {
  it("a payment reminder goes N days before the due date, once per invoice and day", async () => {
    const t = await setup("wa-remind", { reminderDaysBefore: 3 });
    const invoice = await t.invoice();
    const today = localDate(new Date(), t.tenant.timezone);
    expect(await queueDueReminders(t.db, today)).toEqual({ invoices: 1, messages: 1 });
    expect(await queueDueReminders(t.db, today)).toEqual({ invoices: 1, messages: 1 });
    await t.drain();
    expect(t.sentTo()).toHaveLength(1);
    expect(t.sentTo()[0]!.message).toContain(`${invoice.number} sebesar Rp 150.000 jatuh tempo 3 hari lagi`);
  });

  it("a broadcast previews its audience, then sends one message per reachable customer with progress", async () => {
    const t = await setup("wa-broadcast", {}, 3);
    await t.db.customer.update({ where: { id: t.customers[2]!.id }, data: { phone: null } });
    const filter = { statuses: ["active" as const], packageId: t.pkg.id, area: null };
    expect(await previewAudience(t.db, filter)).toEqual({ customers: 3, reachable: 2, noNumber: 1, optedOut: 0 });
    const key = `b-${randomUUID()}`;
    const row = await sendBroadcast(t.db, t.actor, { filter, message: "Pemeliharaan jaringan besok pukul 01.00 WIB.", idempotencyKey: key });
    await sendBroadcast(t.db, t.actor, { filter, message: "Pemeliharaan jaringan besok pukul 01.00 WIB.", idempotencyKey: key });
    expect(row).toMatchObject({ recipients: 3, progress: { queued: 2, skipped: 1 } });
    await t.drain();
    expect(t.sentTo()).toHaveLength(2);
    expect((await listBroadcastRows(t.db))[0]!.progress).toMatchObject({ sent: 2, skipped: 1, queued: 0 });
  });

  it("an outage's customers hear of it once per phase, also during quiet hours", async () => {
    const t = await setup("wa-outage", { quietStartMinute: 0, quietEndMinute: 1439, outageIgnoresQuietHours: true }, 2);
    // What the FTTH module emits: one ftth.outage_started per affected customer; each delivered twice.
    const incidentId = randomUUID();
    const events = t.customers.map((c) => ({ eventId: randomUUID(), type: "ftth.outage_started", payload: { incidentId, customerId: c.id, incidentNumber: 12, causeCode: "ODP-12", startedAt: "2026-12-04T12:30:00.000Z" } }));
    for (const event of [...events, ...events]) await notifyForEvent(t.db, event);
    await t.drain();
    expect(t.sentTo()).toHaveLength(2);
    expect(t.sentTo()[0]!.message).toContain("GGN-0012 di ODP-12 (sejak 4 Desember 2026 pukul 19.30 WIB)");
  });
});

describe("opt-out recorded by staff", () => {
  it("a customer staff recorded as opted out gets nothing until it is lifted", async () => {
    const t = await setup("wa-optout");
    const customerId = t.customers[0]!.id;
    expect(await setCustomerOptOut(t.db, t.actor, { customerId, optedOut: true })).toMatchObject({ optedOut: true, source: "staff", phone: "6281200000001" });
    const invoice = await t.invoice();
    await sendInvoice(t.db, t.actor, { invoiceId: invoice.id, idempotencyKey: `k-${randomUUID()}` });
    await setCustomerOptOut(t.db, t.actor, { customerId, optedOut: false });
    await sendInvoice(t.db, t.actor, { invoiceId: invoice.id, idempotencyKey: `k-${randomUUID()}` });
    await t.drain();
    expect((await t.messages()).map((m) => m.status)).toEqual(["skipped", "sent"]);
    expect(t.sentTo()).toHaveLength(1);
    expect(await getCustomerOptOut(t.db, customerId)).toMatchObject({ optedOut: false });
  });
});

describe("tenants apart", () => {
  it("another tenant's messages are neither listed nor resent", async () => {
    const a = await setup("wa-iso-a");
    const b = await setup("wa-iso-b");
    fonnte.script(a.token, ["permanent"]);
    const invoice = await a.invoice();
    await sendInvoice(a.db, a.actor, { invoiceId: invoice.id, idempotencyKey: `k-${randomUUID()}` });
    await a.drain();
    const [failed] = await a.messages();
    expect((await listMessageLog(b.db, { limit: 50 })).items).toEqual([]);
    expect((await listMessageLog(b.db, { customerId: a.customers[0]!.id, limit: 50 })).items).toEqual([]);
    expect((await refusal(resendMessage(b.db, b.actor, failed!.id))).code).toBe("NOT_FOUND");
    expect((await refusal(getCustomerOptOut(b.db, a.customers[0]!.id))).code).toBe("NOT_FOUND");
    expect((await refusal(setCustomerOptOut(b.db, b.actor, { customerId: a.customers[0]!.id, optedOut: true }))).code).toBe("NOT_FOUND");
  });
});
