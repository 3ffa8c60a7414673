// WhatsApp sending end to end against the two simulators over real sockets: events become one
// message per (event, recipient), the production adapters call the simulators, and the
// simulators' webhooks come back through the real endpoints (host -> tenant, secret or
// signature) to a small HTTP server, against the real PostgreSQL and Redis.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// This file's queue jobs live in a Redis database of their own, so that a worker another test
// file starts never takes (and sends) them with the production providers' addresses.
vi.hoisted(() => {
  process.env.REDIS_URL = (process.env.REDIS_URL ?? "redis://127.0.0.1:6379/1").replace(/\/\d+$/, "/7");
});

import { userActor } from "@/server/actor/actor";
import { sendFetchResponse, toFetchRequest } from "@/server/http/node-fetch-bridge";
import { closeConnections } from "@/server/testing/lifecycle";
import { redis } from "@/server/redis/client";
import { enqueue } from "@/server/jobs/enqueue";
import { deliverEventJob } from "@/server/events/delivery.jobs";
import { startWorkers } from "@/worker/workers";
import { startFonnteSim, type FonnteSim } from "@/sim/whatsapp/fonnte-sim";
import { startCloudSim, type CloudSim } from "@/sim/whatsapp/wa-cloud-sim";
import { request } from "@/sim/whatsapp/sim-http";
import { billingTenant } from "@/server/modules/billing/__tests__/billing-fixtures";
import { checkTemplate, defaultTemplate, MESSAGE_KINDS } from "../message-templates";
import { notifyForEvent } from "../dispatch.service";
import { notifyTechnicianOnTheWay, notifyVoucherSold, sendPortalSignInCode } from "../notify.service";
import { listMessageLog, resendMessage } from "../message-log.service";
import { createFonnteGateway } from "../fonnte.adapter";
import { createCloudGateway } from "../wa-cloud.adapter";
import { sendMessage, type SendDeps } from "../send.service";
import { setSendDeps } from "../notifications.jobs";
import { handleCloudWebhookRequest, handleFonnteWebhookRequest } from "../webhook.endpoint";
import { getWhatsAppSettings, saveWhatsAppSettings, type SettingsDeps } from "../whatsapp-settings.service";
import type { TWhatsAppSettingsInput } from "../notifications.schema";

let fonnte: FonnteSim;
let cloud: CloudSim;
let bridge: http.Server;
let origin: (slug: string) => string;
/** The send clock: real time unless a test sets it (to a time after the rows it writes). */
let clock: number | null = null;
const settingsDeps: SettingsDeps = { tenantOrigin: (slug) => origin(slug) };
let deps: SendDeps;

beforeAll(async () => {
  await redis().flushdb();
  fonnte = await startFonnteSim({ devices: [], deliverDelayMs: 20 });
  cloud = await startCloudSim({ accounts: [], deliverDelayMs: 20 });
  bridge = http.createServer((req, res) => {
    void toFetchRequest(req)
      .then((request) => {
        const path = new URL(request.url).pathname;
        if (path.startsWith("/api/whatsapp/fonnte/")) return handleFonnteWebhookRequest(request, decodeURIComponent(path.split("/").pop()!));
        return handleCloudWebhookRequest(request);
      })
      .then((response) => sendFetchResponse(response, res));
  });
  await new Promise<void>((resolve) => bridge.listen(0, "127.0.0.1", resolve));
  const port = (bridge.address() as AddressInfo).port;
  origin = (slug) => `http://${slug}.localhost:${port}`;
  const fonnteGateway = createFonnteGateway({ baseUrl: fonnte.origin, timeoutMs: 500 });
  const cloudGateway = createCloudGateway({ baseUrl: cloud.baseUrl, timeoutMs: 500 });
  deps = { gateway: (p) => (p === "fonnte" ? fonnteGateway : cloudGateway), now: () => new Date(clock ?? Date.now()), backoffBaseMs: 1_000, random: () => 0.5 };
});

afterAll(async () => {
  await fonnte.close();
  await cloud.close();
  bridge.closeAllConnections();
  await new Promise((resolve) => bridge.close(resolve));
  await closeConnections();
});

const NO_LIMITS = { fonnteMinGapMs: 0, fonnteMaxGapMs: 0, fonnteDailyCap: 0, cloudPerSecond: 0, quietStartMinute: 0, quietEndMinute: 0 };

/** A tenant with `customers` subscribers and WhatsApp set up on fresh simulator accounts. */
async function setup(prefix: string, settings: Partial<TWhatsAppSettingsInput> = {}, customers = 1) {
  clock = null;
  const t = await billingTenant(prefix);
  const subs: Array<{ id: string }> = [];
  for (let i = 0; i < customers; i++) subs.push((await t.subscriber({ startDate: "2026-10-01" })).customer);
  const token = `fonnte-${randomUUID()}`;
  const phoneNumberId = String(Math.floor(Math.random() * 1e15));
  const appSecret = `app-secret-${randomUUID()}`;
  fonnte.addDevice({ token, device: "6281100000001" });
  cloud.addAccount({ phoneNumberId, accessToken: `EAAG-${token}`, appSecret, webhookUrl: `${origin(t.tenant.slug)}/api/whatsapp/cloud` });
  const actor = userActor({ tenantId: t.tenant.id, userId: t.user.id, role: "owner", email: t.user.email, name: t.user.name });
  const view = await saveWhatsAppSettings(
    t.db,
    actor,
    { enabled: true, primaryProvider: "fonnte", fallbackProvider: null, fonnteToken: token, cloudPhoneNumberId: phoneNumberId, cloudAccessToken: `EAAG-${token}`, cloudAppSecret: appSecret, cloudVerifyToken: "verify-me", ...NO_LIMITS, ...settings },
    settingsDeps,
  );
  fonnte.setWebhooks(token, { status: view.fonnte.webhookUrl!, inbound: view.fonnte.webhookUrl! });
  const issued = (customerId = subs[0]!.id, eventId = randomUUID()) =>
    notifyForEvent(t.db, { eventId, type: "billing.invoice_issued", payload: { invoiceId: randomUUID(), customerId, invoiceNumber: "INV/2026/000007", totalIdr: 150_000, dueDate: "2026-11-11" } }).then(() => eventId);
  const messages = () => t.db.whatsAppMessage.findMany({ orderBy: { createdAt: "asc" } });
  const sentTo = () => fonnte.messages().filter((m) => m.token === token);
  const cloudSent = () => cloud.messages().filter((m) => m.phoneNumberId === phoneNumberId);
  /** Runs every queued message's send until none is due, moving the clock to each wait's end. */
  async function drain(maxSteps = 50) {
    for (let i = 0; i < maxSteps; i++) {
      const queued = await t.db.whatsAppMessage.findMany({ where: { status: "queued" }, orderBy: { notBefore: "asc" } });
      if (queued.length === 0) return;
      const next = queued[0]!;
      if (next.notBefore.getTime() > (clock ?? Date.now())) clock = next.notBefore.getTime();
      await sendMessage(t.db, next.id, deps);
    }
  }
  return { ...t, customers: subs, token, phoneNumberId, appSecret, actor, view, issued, messages, sentTo, cloudSent, drain };
}

describe("message templates", () => {
  it("built-in wording of every kind, in both languages, uses only the kind's variables", () => {
    for (const kind of MESSAGE_KINDS) for (const locale of ["id", "en"] as const) expect(checkTemplate(kind, defaultTemplate(kind, locale))).toEqual([]);
  });

  it("an unknown variable or a stray brace is an error, never a blank in the message", () => {
    expect(checkTemplate("invoice_issued", "Halo {customerName}, bayar {total} {dueDate")).toEqual([
      { code: "UNKNOWN_VARIABLE", name: "total" },
      { code: "STRAY_BRACE", at: expect.any(Number) },
    ]);
    expect(checkTemplate("customer_restored", "  ")).toEqual([{ code: "EMPTY" }]);
  });
});

describe("sending", () => {
  it("the same event delivered twice and sent twice at once reaches the customer once, then is delivered", async () => {
    const t = await setup("wa-once");
    const eventId = await t.issued();
    await t.issued(t.customers[0]!.id, eventId);
    const [message] = await t.messages();
    expect(await t.messages()).toHaveLength(1);
    const steps = await Promise.all([sendMessage(t.db, message!.id, deps), sendMessage(t.db, message!.id, deps)]);
    expect(steps.map((s) => s.done && s.status).sort()).toEqual(["claimed_elsewhere", "sent"]);
    expect(t.sentTo()).toHaveLength(1);
    expect(t.sentTo()[0]).toMatchObject({ target: "6281200000001", countryCode: "62" });
    expect(t.sentTo()[0]!.message).toContain("INV/2026/000007 sebesar Rp 150.000");
    expect(t.sentTo()[0]!.message).toContain("11 November 2026");
    await fonnte.settle();
    expect((await t.messages())[0]).toMatchObject({ status: "delivered", provider: "fonnte", attempts: 1, providerMessageId: t.sentTo()[0]!.id });
  });

  it("through the real queue and worker, an event relayed twice sends one message", async () => {
    const t = await setup("wa-worker");
    setSendDeps({ gateway: deps.gateway });
    const running = startWorkers(["notification"]);
    try {
      const envelope = {
        eventId: randomUUID(),
        tenantId: t.tenant.id,
        type: "billing.payment_received",
        payload: { paymentId: randomUUID(), customerId: t.customers[0]!.id, receiptNumber: "RCP/2026/000003", amountIdr: 150_000, method: "cash", creditIdr: 0 },
        occurredAt: new Date().toISOString(),
      };
      await enqueue(deliverEventJob, envelope, { jobId: `event-${envelope.eventId}` });
      await enqueue(deliverEventJob, envelope, { jobId: `event-${envelope.eventId}-again` });
      const settled = async () => {
        const rows = await t.messages();
        return rows.length > 0 && rows.every((m) => m.status === "delivered");
      };
      for (let i = 0; i < 200 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(t.sentTo()).toHaveLength(1);
      expect(t.sentTo()[0]!.message).toContain("RCP/2026/000003");
      expect(await t.messages()).toMatchObject([{ kind: "payment_received", status: "delivered" }]);
    } finally {
      await running.close();
    }
  });

  it("temporary failures and a rate limit are retried with growing waits until the message goes", async () => {
    const t = await setup("wa-retry");
    fonnte.script(t.token, ["temporary", "rate_limited"]);
    await t.issued();
    const start = Date.now();
    await t.drain();
    const [message] = await t.messages();
    expect(message).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(t.sentTo()).toHaveLength(1);
    // 1 s after the first failure, then max(2 s Retry-After, 2 s backoff).
    expect(clock! - start).toBeGreaterThanOrEqual(3_000);
  });

  it("a permanent failure is recorded with the provider's reason and not retried", async () => {
    const t = await setup("wa-permanent");
    fonnte.script(t.token, ["permanent"]);
    await t.issued();
    await t.drain();
    expect(await t.messages()).toMatchObject([{ status: "failed", attempts: 1, lastError: "fonnte: target invalid" }]);
    expect(t.sentTo()).toHaveLength(0);
  });

  it("when the Fonnte device is disconnected the message goes through the Cloud API as its approved template", async () => {
    const t = await setup("wa-fallback", { fallbackProvider: "wa_cloud" });
    fonnte.setConnected(t.token, false);
    await t.issued();
    await t.drain();
    expect(t.sentTo()).toHaveLength(0);
    expect(t.cloudSent()).toHaveLength(1);
    expect(t.cloudSent()[0]!.template).toEqual({
      name: "rrnet_invoice_issued",
      language: "id",
      parameters: ["Customer 1", "C-000001", t.tenant.name, "INV/2026/000007", "Rp 150.000", "11 November 2026"],
    });
    await cloud.settle();
    expect(await t.messages()).toMatchObject([{ status: "delivered", provider: "wa_cloud", attempts: 2 }]);
  });

  it("a call whose answer never comes is marked unknown and never sent again", async () => {
    const t = await setup("wa-ambiguous");
    fonnte.script(t.token, ["hang"]);
    await t.issued();
    await t.drain();
    const [message] = await t.messages();
    expect(message).toMatchObject({ status: "unknown", attempts: 1 });
    expect(await sendMessage(t.db, message!.id, deps)).toEqual({ done: true, status: "unknown" });
    expect(t.sentTo()).toHaveLength(0);
  });

  /** The row as a worker that died mid-call leaves it: claimed by an owner with no heartbeat. */
  const abandon = (t: Awaited<ReturnType<typeof setup>>, id: string) =>
    t.db.whatsAppMessage.updateMany({ where: { id }, data: { status: "sending", provider: "wa_cloud", attempts: 1, claimedBy: `dead-worker-${randomUUID()}`, leaseUntil: new Date(Date.now() + 20_000) } });
  const graceDeps = () => ({ ...deps, reconcileGraceMs: 100 });

  it("a Cloud API message whose sender died before the provider took it is sent once, after the grace without a record", async () => {
    const t = await setup("wa-lease-lost", { primaryProvider: "wa_cloud" });
    await t.issued();
    const [message] = await t.messages();
    await abandon(t, message!.id);
    const waiting = await sendMessage(t.db, message!.id, graceDeps());
    expect(waiting.done).toBe(false);
    expect(await t.messages()).toMatchObject([{ status: "sending", claimedBy: null }]);
    await new Promise((r) => setTimeout(r, 150));
    expect(await sendMessage(t.db, message!.id, graceDeps())).toMatchObject({ done: false });
    expect(await sendMessage(t.db, message!.id, graceDeps())).toEqual({ done: true, status: "sent" });
    expect(t.cloudSent().map((m) => m.opaque)).toEqual([message!.id]);
  });

  it("a Cloud API message whose sender died after the provider took it is settled by the status webhook, not sent again", async () => {
    const t = await setup("wa-lease-taken", { primaryProvider: "wa_cloud" });
    await t.issued();
    const [message] = await t.messages();
    await abandon(t, message!.id);
    // The dead worker's call reached the provider; its answer was lost with the worker.
    const account = { provider: "wa_cloud" as const, phoneNumberId: t.phoneNumberId, accessToken: `EAAG-${t.token}`, appSecret: t.appSecret };
    expect((await deps.gateway("wa_cloud").send(account, { reference: message!.id, to: message!.phone, text: message!.body, template: { name: "rrnet_invoice_issued", language: "id", parameters: [] } })).kind).toBe("sent");
    expect((await sendMessage(t.db, message!.id, graceDeps())).done).toBe(false);
    await cloud.settle();
    await new Promise((r) => setTimeout(r, 150));
    expect(await sendMessage(t.db, message!.id, graceDeps())).toEqual({ done: true, status: "delivered" });
    expect(t.cloudSent()).toHaveLength(1);
    expect(await t.messages()).toMatchObject([{ status: "delivered", claimedBy: null, leaseUntil: null }]);
  });

  it("a message claimed by a live sender within its lease is left to it", async () => {
    const t = await setup("wa-lease-live", { primaryProvider: "wa_cloud" });
    await t.issued();
    const [message] = await t.messages();
    const leaseUntil = new Date(Date.now() + 20_000);
    await redis().set("rrnet:wa:sender:live-worker", "1", "PX", 5_000);
    await t.db.whatsAppMessage.updateMany({ where: { id: message!.id }, data: { status: "sending", provider: "wa_cloud", claimedBy: "live-worker", leaseUntil } });
    expect(await sendMessage(t.db, message!.id, graceDeps())).toEqual({ done: false, at: leaseUntil });
    expect(await t.messages()).toMatchObject([{ status: "sending", claimedBy: "live-worker" }]);
    expect(t.cloudSent()).toHaveLength(0);
  });

  it("a Fonnte message whose sender died mid-call becomes unknown: Fonnte keeps no id of ours to ask about", async () => {
    const t = await setup("wa-lease-fonnte");
    await t.issued();
    const [message] = await t.messages();
    await abandon(t, message!.id);
    await t.db.whatsAppMessage.updateMany({ where: { id: message!.id }, data: { provider: "fonnte" } });
    expect(await sendMessage(t.db, message!.id, graceDeps())).toEqual({ done: true, status: "unknown" });
    expect(t.sentTo()).toHaveLength(0);
  });

  it("a customer who replies BERHENTI gets no further messages", async () => {
    const t = await setup("wa-optout");
    const reply = await fonnte.inbound(t.token, "081200000001", "Berhenti");
    expect(reply?.httpStatus).toBe(200);
    expect(await t.db.whatsAppOptOut.findMany({ select: { phone: true, source: true } })).toEqual([{ phone: "6281200000001", source: "inbound" }]);
    await t.issued();
    await t.drain();
    expect(await t.messages()).toMatchObject([{ status: "skipped", lastError: "opted_out" }]);
    expect(t.sentTo()).toHaveLength(0);
  });

  it("during quiet hours a message waits until they end in the tenant's zone", async () => {
    const t = await setup("wa-quiet", { quietStartMinute: 21 * 60, quietEndMinute: 7 * 60 });
    await t.issued();
    clock = Date.parse("2027-01-20T15:30:00Z"); // 22:30 WIB, after the message was written
    const [message] = await t.messages();
    expect(await sendMessage(t.db, message!.id, deps)).toEqual({ done: false, at: new Date("2027-01-21T00:00:00Z") }); // 07:00 WIB
    expect(t.sentTo()).toHaveLength(0);
    // Staff see why it waits and until when.
    expect((await listMessageLog(t.db, { limit: 10 })).items).toMatchObject([{ status: "queued", notBefore: "2027-01-21T00:00:00.000Z" }]);
    clock = Date.parse("2027-01-21T00:00:00Z");
    expect(await sendMessage(t.db, message!.id, deps)).toEqual({ done: true, status: "sent" });
    expect((await listMessageLog(t.db, { limit: 10 })).items).toMatchObject([{ status: "sent", notBefore: null }]);
  });

  it("one device sends one message per gap and no more than its daily cap", async () => {
    const t = await setup("wa-throttle", { fonnteMinGapMs: 4_000, fonnteMaxGapMs: 4_000, fonnteDailyCap: 2 }, 3);
    for (const c of t.customers) await t.issued(c.id);
    clock = Date.parse("2027-01-20T03:00:00Z"); // 10:00 WIB
    const ids = (await t.messages()).map((m) => m.id);
    const steps = [];
    for (const id of ids) steps.push(await sendMessage(t.db, id, deps));
    expect(steps[0]).toEqual({ done: true, status: "sent" });
    expect(steps[1]).toEqual({ done: false, at: new Date(clock + 4_000) });
    expect(steps[2]).toEqual({ done: false, at: new Date("2027-01-20T17:00:00Z") }); // next midnight WIB
    clock += 4_000;
    expect(await sendMessage(t.db, ids[1]!, deps)).toEqual({ done: true, status: "sent" });
    expect(t.sentTo()).toHaveLength(2);
  });
});

describe("the send API of other modules", () => {
  it("a technician on the way, reported twice for one visit, tells the customer once who is coming", async () => {
    const t = await setup("wa-technician");
    const input = { workOrderId: randomUUID(), workOrderNumber: "WO-000042", customerId: t.customers[0]!.id, technicianName: "Andi" };
    const first = await notifyTechnicianOnTheWay(t.db, input);
    expect(await notifyTechnicianOnTheWay(t.db, input)).toEqual(first);
    expect(first).toMatchObject({ status: "queued", reason: null });
    await t.drain();
    expect(t.sentTo()).toHaveLength(1);
    expect(t.sentTo()[0]!.message).toContain("Halo Customer 1, teknisi kami Andi sedang dalam perjalanan");
    expect(t.sentTo()[0]!.message).toContain("WO-000042");
    await notifyTechnicianOnTheWay(t.db, { ...input, visit: 2 });
    await t.drain();
    expect(t.sentTo()).toHaveLength(2);
  });

  it("a voucher sold to a walk-in's number goes out at once, even in quiet hours and after BERHENTI", async () => {
    const t = await setup("wa-voucher", { quietStartMinute: 0, quietEndMinute: 24 * 60 - 1 });
    await fonnte.inbound(t.token, "085700000009", "STOP");
    const result = await notifyVoucherSold(t.db, { saleId: randomUUID(), phone: "0857-0000-0009", voucherCode: "RR7K2M9Q", packageName: "Hotspot 1 Hari", validityMinutes: 1440, priceIdr: 5_000 });
    expect(result).toMatchObject({ status: "queued" });
    await t.drain();
    expect(t.sentTo()).toHaveLength(1);
    expect(t.sentTo()[0]).toMatchObject({ target: "6285700000009" });
    // multipart/form-data carries line breaks as CRLF.
    expect(t.sentTo()[0]!.message.replace(/\r\n/g, "\n")).toBe(`Terima kasih sudah membeli voucher Hotspot 1 Hari dari ${t.tenant.name}.\nKode voucher: RR7K2M9Q\nBerlaku 1 hari, harga Rp 5.000.`);
    expect(await t.messages()).toMatchObject([{ kind: "voucher_sold", customerId: null, status: "sent" }]);
  });

  it("a portal sign-in code goes as a Cloud API authentication template, is masked in the log and never resent", async () => {
    const t = await setup("wa-signin", { primaryProvider: "wa_cloud" });
    const result = await sendPortalSignInCode(t.db, { challengeId: randomUUID(), customerId: t.customers[0]!.id, code: "482915", validMinutes: 10 });
    await t.drain();
    expect(t.cloudSent()).toHaveLength(1);
    expect(t.cloudSent()[0]!.template).toEqual({ name: "rrnet_portal_sign_in_code", language: "id", parameters: ["482915"], copyCode: "482915" });
    const log = await listMessageLog(t.db, { customerId: t.customers[0]!.id, limit: 10 });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]!.body).toContain("•••••• adalah kode masuk portal");
    expect(log.items[0]!.body).not.toContain("482915");
    expect(log.items[0]!.resendable).toBe(false);
    await expect(resendMessage(t.db, t.actor, result!.messageId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a sign-in code that could not go out within its validity is never sent", async () => {
    const t = await setup("wa-signin-expired");
    await sendPortalSignInCode(t.db, { challengeId: randomUUID(), customerId: t.customers[0]!.id, code: "111222", validMinutes: 5 });
    clock = Date.now() + 6 * 60_000;
    await t.drain();
    expect(t.sentTo()).toHaveLength(0);
    expect(await t.messages()).toMatchObject([{ status: "failed", lastError: "code_expired" }]);
  });

  it("nothing is written for a tenant whose WhatsApp is switched off: the caller gets null", async () => {
    const t = await setup("wa-signin-off", { enabled: false });
    expect(await sendPortalSignInCode(t.db, { challengeId: randomUUID(), customerId: t.customers[0]!.id, code: "333444", validMinutes: 5 })).toBeNull();
    expect(await t.messages()).toHaveLength(0);
  });
});

describe("webhooks and settings", () => {
  it("a Cloud API status webhook with a bad signature is refused and changes nothing", async () => {
    const t = await setup("wa-signature", { primaryProvider: "wa_cloud", fallbackProvider: "fonnte" });
    cloud.signBadly(true);
    try {
      await t.issued();
      await t.drain();
      await cloud.settle();
      expect(await t.messages()).toMatchObject([{ status: "sent", provider: "wa_cloud" }]);
    } finally {
      cloud.signBadly(false);
    }
    const posted = await cloud.status(t.cloudSent()[0]!.id, "read");
    expect(posted?.httpStatus).toBe(200);
    expect(await t.messages()).toMatchObject([{ status: "read" }]);
  });

  it("a Fonnte webhook to a wrong secret is refused; the Cloud handshake needs the verify token", async () => {
    const t = await setup("wa-secret");
    const wrong = await request(`${origin(t.tenant.slug)}/api/whatsapp/fonnte/not-the-secret`, { method: "POST", body: JSON.stringify({ id: "1", status: "sent", state: "read" }) });
    expect(wrong.httpStatus).toBe(401);
    expect((JSON.parse(wrong.body!) as { code: string }).code).toBe("GATEWAY_SIGNATURE_INVALID");
    const ok = await request(`${origin(t.tenant.slug)}/api/whatsapp/cloud?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345`);
    expect(ok).toMatchObject({ httpStatus: 200, body: "12345" });
    const bad = await request(`${origin(t.tenant.slug)}/api/whatsapp/cloud?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=12345`);
    expect(bad.httpStatus).toBe(401);
  });

  it("tokens are sealed at rest and never returned: only their last 4 characters", async () => {
    const t = await setup("wa-sealed");
    const row = await t.db.whatsAppSettings.findFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(t.token);
    const view = await getWhatsAppSettings(t.db, settingsDeps);
    expect(JSON.stringify(view)).not.toContain(t.token);
    expect(JSON.stringify(view)).not.toContain(t.appSecret);
    expect(view?.fonnte).toMatchObject({ configured: true, tokenLast4: t.token.slice(-4) });
    expect(view?.fonnte.webhookUrl).toMatch(new RegExp(`^${origin(t.tenant.slug)}/api/whatsapp/fonnte/[A-Za-z0-9_-]{32}$`));
  });
});
