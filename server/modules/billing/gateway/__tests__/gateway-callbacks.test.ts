// Invoices paid through Tripay, end to end: a charge is created at the simulator over a real
// socket; the simulator "pays" and POSTs its signed callback to the tenant's host, where a small
// HTTP server hands the request to the callback endpoint (host -> tenant, raw body, signature),
// against the real PostgreSQL and Redis.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendFetchResponse, toFetchRequest } from "@/server/http/node-fetch-bridge";
import { closeConnections } from "@/server/testing/lifecycle";
import { failure } from "@/server/testing/errors";
import { userWithRole } from "@/server/testing/callers";
import { startTripaySim, type SimMerchant, type TripaySim } from "@/sim/payment-gateway/tripay-sim";
import { generateInvoices } from "../../invoice-generation.service";
import { billingTenant } from "../../__tests__/billing-fixtures";
import { handleTripayCallbackRequest } from "../tripay-callback.endpoint";
import { systemActor, userActor } from "@/server/actor/actor";
import { getPaymentOrThrow } from "../../payment-query.service";
import { createInvoiceCharge, listInvoiceCharges, listLateGatewayPayments, saveGatewaySettings, type GatewayDeps } from "../gateway.service";
import { createTripayGateway } from "../tripay.adapter";

const merchantA: SimMerchant = { merchantCode: "T8101", apiKey: "DEV-gateway-test-tenant-a-000000001", privateKey: "tenant-a-private-key-0001" };
const merchantB: SimMerchant = { merchantCode: "T8102", apiKey: "DEV-gateway-test-tenant-b-000000001", privateKey: "tenant-b-private-key-0001" };

let sim: TripaySim;
let bridge: http.Server;
let bridgePort: number;
/** While true the tenant's web server answers 503 (a deploy, an outage): callbacks are missed. */
let down = false;
let deps: GatewayDeps;

beforeAll(async () => {
  sim = await startTripaySim({ merchants: [merchantA, merchantB], retryDelayMs: 0 });
  bridge = http.createServer((req, res) => {
    if (down) {
      res.writeHead(503).end();
      return;
    }
    void toFetchRequest(req)
      .then((request) => handleTripayCallbackRequest(request, deps))
      .then((response) => sendFetchResponse(response, res));
  });
  await new Promise<void>((resolve) => bridge.listen(0, "127.0.0.1", resolve));
  bridgePort = (bridge.address() as AddressInfo).port;
  const gateway = createTripayGateway({ baseUrl: sim.sandboxBaseUrl, timeoutMs: 5_000 });
  deps = { gateway: () => gateway, tenantOrigin: (slug) => `http://${slug}.localhost:${bridgePort}` };
});

afterAll(async () => {
  await sim.close();
  bridge.closeAllConnections();
  await new Promise((resolve) => bridge.close(resolve));
  await closeConnections();
});

/** A tenant with a Tripay account at the simulator and one issued invoice of Rp 150.000. */
async function setup(prefix: string, merchant: SimMerchant = merchantA) {
  const t = await billingTenant(prefix);
  const { customer } = await t.subscriber({ billingDay: 1, startDate: "2026-10-01" });
  await generateInvoices(t.db, { runDate: "2026-11-01" });
  const invoice = (await t.db.invoice.findFirst({ where: { customerId: customer.id } }))!;
  const actor = userActor({ tenantId: t.tenant.id, userId: t.user.id, role: "owner", email: t.user.email, name: t.user.name });
  await saveGatewaySettings(t.db, actor, { provider: "tripay", ...merchant, enabled: true }, deps);
  const charge = async (method: "QRIS" | "BRIVA" = "QRIS") => (await createInvoiceCharge(t.db, actor, { invoiceId: invoice.id, method }, deps)).charge;
  return { ...t, customer, invoice, actor, charge };
}

const callbacksOf = (t: Awaited<ReturnType<typeof setup>>) => t.db.gatewayCallback.findMany({ orderBy: { receivedAt: "asc" } });
const replyOf = (body: string) => JSON.parse(body) as { success?: boolean; code?: string; details?: Record<string, unknown> };

describe("gateway charges and callbacks", () => {
  it("a QRIS charge is made at the gateway for the outstanding amount; asking again reuses it", async () => {
    const t = await setup("gw-charge");
    const first = await createInvoiceCharge(t.db, t.actor, { invoiceId: t.invoice.id, method: "QRIS" }, deps);
    expect(first).toMatchObject({ reused: false, charge: { status: "pending", amountIdr: 150_000, method: "QRIS", payCode: null } });
    expect(first.charge.qrString).toMatch(/^000201/);
    expect(sim.find(first.charge.providerReference)).toMatchObject({
      merchantCode: merchantA.merchantCode,
      merchantRef: first.charge.merchantRef,
      amount: 150_000,
      callbackUrl: `http://${t.tenant.slug}.localhost:${bridgePort}/api/payments/tripay/callback`,
    });
    const again = await createInvoiceCharge(t.db, t.actor, { invoiceId: t.invoice.id, method: "QRIS" }, deps);
    expect(again).toMatchObject({ reused: true, charge: { id: first.charge.id } });
    expect(sim.transactions().filter((x) => x.merchantRef === first.charge.merchantRef)).toHaveLength(1);
  });

  it("two requests at once for the same invoice and method make one transaction at the gateway", async () => {
    const t = await setup("gw-charge-race");
    const results = await Promise.all([0, 1, 2].map(() => createInvoiceCharge(t.db, t.actor, { invoiceId: t.invoice.id, method: "BRIVA" }, deps)));
    expect(new Set(results.map((r) => r.charge.id)).size).toBe(1);
    expect(await t.db.gatewayCharge.count()).toBe(1);
  });

  it("the gateway's paid callback, posted to the tenant's host, pays the invoice once", async () => {
    const t = await setup("gw-paid");
    const charge = await t.charge("QRIS");
    const [delivery] = await sim.pay(charge.providerReference);
    expect([delivery!.httpStatus, replyOf(delivery!.body)]).toEqual([200, { success: true }]);
    const invoice = await t.db.invoice.findFirst({ where: { id: t.invoice.id } });
    expect(invoice).toMatchObject({ status: "paid", paidIdr: 150_000 });
    const payments = await t.db.payment.findMany();
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ method: "gateway", amountIdr: 150_000, reference: charge.providerReference, idempotencyKey: `tripay:${charge.providerReference}`, recordedByLabel: "Tripay" });
    expect(await t.db.gatewayCharge.findFirst({ where: { id: charge.id } })).toMatchObject({ status: "paid", paymentId: payments[0]!.id });
    expect(await callbacksOf(t)).toMatchObject([{ outcome: "applied", signatureValid: true, providerReference: charge.providerReference, status: "PAID", event: "payment_status" }]);
  });

  it("a callback with a bad signature is refused with 401 and pays nothing", async () => {
    const t = await setup("gw-badsig");
    const charge = await t.charge("BRIVA");
    const [delivery] = await sim.pay(charge.providerReference, { badSignature: true });
    expect(delivery!.httpStatus).toBe(401);
    expect(replyOf(delivery!.body)).toMatchObject({ code: "GATEWAY_SIGNATURE_INVALID", details: { provider: "tripay" } });
    expect(await t.db.payment.count()).toBe(0);
    expect(await t.db.invoice.findFirst({ where: { id: t.invoice.id } })).toMatchObject({ status: "issued", paidIdr: 0 });
    expect(await callbacksOf(t)).toMatchObject([{ outcome: "rejected", signatureValid: false }]);
    // The genuine callback that follows still applies.
    const [genuine] = await sim.sendCallback(charge.providerReference);
    expect(genuine!.httpStatus).toBe(200);
    expect(await t.db.payment.count()).toBe(1);
  });

  it("the same callback sent twice at once, then replayed twice, records one payment", async () => {
    const t = await setup("gw-dup");
    const charge = await t.charge("QRIS");
    const concurrent = await sim.pay(charge.providerReference, { concurrent: 2 });
    const replays = await sim.sendCallback(charge.providerReference, { copies: 2 });
    for (const d of [...concurrent, ...replays]) expect([d.httpStatus, replyOf(d.body)]).toEqual([200, { success: true }]);
    expect(await t.db.payment.count()).toBe(1);
    expect(await t.db.invoice.findFirst({ where: { id: t.invoice.id } })).toMatchObject({ status: "paid", paidIdr: 150_000 });
    const outcomes = (await callbacksOf(t)).map((c) => c.outcome).sort();
    expect(outcomes).toEqual(["applied", "duplicate", "duplicate", "duplicate"]);
  });

  it("a paid amount that is not the charge's is rejected, recorded and pays nothing", async () => {
    const t = await setup("gw-amount");
    const charge = await t.charge("BRIVA");
    const [delivery] = await sim.pay(charge.providerReference, { totalAmount: 100_000 });
    expect(delivery!.httpStatus).toBe(409);
    expect(replyOf(delivery!.body)).toMatchObject({ code: "CONFLICT", details: { reason: "amount_mismatch", expectedIdr: 150_000, receivedIdr: 100_000 } });
    expect(await t.db.payment.count()).toBe(0);
    expect(await t.db.gatewayCharge.findFirst({ where: { id: charge.id } })).toMatchObject({ status: "pending", paymentId: null });
    expect(await callbacksOf(t)).toMatchObject([{ outcome: "rejected", signatureValid: true }]);
  });

  it("an expired callback marks the charge expired; its replay is answered success and changes nothing", async () => {
    const t = await setup("gw-expired");
    const charge = await t.charge("BRIVA");
    const [delivery] = await sim.expire(charge.providerReference);
    expect([delivery!.httpStatus, replyOf(delivery!.body)]).toEqual([200, { success: true }]);
    expect(await t.db.gatewayCharge.findFirst({ where: { id: charge.id } })).toMatchObject({ status: "expired" });
    const [replay] = await sim.sendCallback(charge.providerReference);
    expect([replay!.httpStatus, replyOf(replay!.body)]).toEqual([200, { success: true }]);
    expect((await callbacksOf(t)).map((c) => c.outcome)).toEqual(["applied", "duplicate"]);
    // An expired charge is not offered again: the next request makes a new one.
    const next = await createInvoiceCharge(t.db, t.actor, { invoiceId: t.invoice.id, method: "BRIVA" }, deps);
    expect(next.reused).toBe(false);
    expect(next.charge.id).not.toBe(charge.id);
  });

  it("an unknown callback event is refused and kept", async () => {
    const t = await setup("gw-event");
    const charge = await t.charge("QRIS");
    const body = JSON.stringify({ reference: charge.providerReference, merchant_ref: charge.merchantRef, total_amount: 150_000, amount_received: 148_000, is_closed_payment: 1, status: "PAID", paid_at: null });
    const response = await handleTripayCallbackRequest(
      new Request(`http://127.0.0.1:${bridgePort}/api/payments/tripay/callback`, {
        method: "POST",
        headers: { host: `${t.tenant.slug}.localhost:${bridgePort}`, "x-callback-event": "payment_refund", "x-callback-signature": createHmac("sha256", merchantA.privateKey).update(body).digest("hex") },
        body,
      }),
      deps,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "VALIDATION_FAILED", details: { reason: "unknown_event", event: "payment_refund" } });
    expect(await t.db.payment.count()).toBe(0);
    expect(await callbacksOf(t)).toMatchObject([{ outcome: "rejected", signatureValid: true, event: "payment_refund" }]);
  });

  it("tenant A's callbacks cannot touch tenant B's charge", async () => {
    const a = await setup("gw-iso-a", merchantA);
    const b = await setup("gw-iso-b", merchantB);
    const chargeB = await b.charge("QRIS");
    const paidBody = (key: string) => {
      const body = JSON.stringify({ reference: chargeB.providerReference, merchant_ref: chargeB.merchantRef, payment_method_code: "QRIS", total_amount: 150_000, fee_merchant: 1_800, fee_customer: 0, amount_received: 148_200, is_closed_payment: 1, status: "PAID", paid_at: null });
      return { body, signature: createHmac("sha256", key).update(body).digest("hex") };
    };
    const post = (host: string, { body, signature }: { body: string; signature: string }) =>
      handleTripayCallbackRequest(
        new Request(`http://127.0.0.1:${bridgePort}/api/payments/tripay/callback`, {
          method: "POST",
          headers: { host: `${host}.localhost:${bridgePort}`, "x-callback-event": "payment_status", "x-callback-signature": signature },
          body,
        }),
        deps,
      );
    // B's genuine callback sent to A's host: A's key does not verify it.
    const forwarded = await post(a.tenant.slug, paidBody(merchantB.privateKey));
    expect(forwarded.status).toBe(401);
    // Signed with A's own key, naming B's transaction: A has no such charge.
    const forged = await post(a.tenant.slug, paidBody(merchantA.privateKey));
    expect(forged.status).toBe(404);
    expect(await forged.json()).toMatchObject({ code: "NOT_FOUND", details: { reason: "unknown_reference" } });
    expect(await b.db.gatewayCharge.findFirst({ where: { id: chargeB.id } })).toMatchObject({ status: "pending", paymentId: null });
    expect(await b.db.payment.count()).toBe(0);
    expect(await b.db.gatewayCallback.count()).toBe(0);
    expect((await callbacksOf(a)).map((c) => `${c.outcome}:${c.signatureValid}`).sort()).toEqual(["rejected:false", "rejected:true"]);
  });

  it("a callback to an unknown host is TENANT_NOT_FOUND", async () => {
    const response = await handleTripayCallbackRequest(
      new Request(`http://127.0.0.1:${bridgePort}/api/payments/tripay/callback`, { method: "POST", headers: { host: `nobody-here.localhost:${bridgePort}` }, body: "{}" }),
      deps,
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "TENANT_NOT_FOUND" });
  });

  it("a missed callback is settled by asking the gateway (refreshCharge)", async () => {
    const t = await setup("gw-refresh");
    const charge = await t.charge("BRIVA");
    down = true;
    try {
      const [delivery] = await sim.pay(charge.providerReference);
      expect(delivery!.httpStatus).toBe(503);
    } finally {
      down = false;
    }
    expect(await t.db.payment.count()).toBe(0);
    const { refreshCharge } = await import("../gateway.service");
    const refreshed = await refreshCharge(t.db, t.actor, charge.id, deps);
    expect(refreshed).toMatchObject({ status: "paid" });
    expect(await t.db.invoice.findFirst({ where: { id: t.invoice.id } })).toMatchObject({ status: "paid", paidIdr: 150_000 });
    // The callback arriving late changes nothing more.
    const [late] = await sim.sendCallback(charge.providerReference);
    expect(replyOf(late!.body)).toEqual({ success: true });
    expect(await t.db.payment.count()).toBe(1);
  });

  it("a gateway payment for an invoice settled meanwhile becomes the customer's credit", async () => {
    const t = await setup("gw-credit");
    const charge = await t.charge("QRIS");
    const { recordPayment } = await import("../../payment.service");
    await recordPayment(t.db, systemActor("cashier", { tenantId: t.tenant.id }), { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 150_000, method: "cash", idempotencyKey: `cash-${t.invoice.id}` });
    const [delivery] = await sim.pay(charge.providerReference);
    expect(delivery!.httpStatus).toBe(200);
    const payments = await t.db.payment.findMany({ where: { method: "gateway" }, include: { allocations: true } });
    expect(payments).toHaveLength(1);
    expect(payments[0]!.allocations).toHaveLength(0);
  });

  it("a code whose invoice was settled another way is superseded: shown as such, never offered again; money arriving on it is kept as labelled credit and listed for follow-up", async () => {
    const t = await setup("gw-superseded");
    const charge = await t.charge("QRIS");
    const { recordPayment } = await import("../../payment.service");
    await recordPayment(t.db, systemActor("cashier", { tenantId: t.tenant.id }), { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 150_000, method: "cash", idempotencyKey: `cash-${t.invoice.id}` });
    expect(await t.db.gatewayCharge.findFirst({ where: { id: charge.id } })).toMatchObject({ status: "pending", supersededAt: expect.any(Date) });
    expect((await listInvoiceCharges(t.db, t.invoice.id)).charges).toEqual([expect.objectContaining({ id: charge.id, superseded: true })]);
    expect(await listLateGatewayPayments(t.db, { limit: 10 })).toEqual([]);

    const [delivery] = await sim.pay(charge.providerReference);
    expect(delivery!.httpStatus).toBe(200);
    const late = await listLateGatewayPayments(t.db, { limit: 10 });
    expect(late).toEqual([expect.objectContaining({ chargeId: charge.id, amountIdr: 150_000, creditIdr: 150_000, customerId: t.customer.id, invoiceId: t.invoice.id })]);
    const receipt = await getPaymentOrThrow(t.db, late[0]!.paymentId);
    expect(receipt).toMatchObject({ method: "gateway", unallocatedIdr: 150_000, fromSupersededCode: { invoiceNumber: late[0]!.invoiceNumber } });
  });

  it("finance sees money that arrived on a superseded code in gateway.latePayments (the late payments page); collectors and technicians are refused", async () => {
    const t = await setup("gw-late-list");
    const charge = await t.charge("QRIS");
    const { recordPayment } = await import("../../payment.service");
    await recordPayment(t.db, systemActor("cashier", { tenantId: t.tenant.id }), { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 150_000, method: "cash", idempotencyKey: `cash-${t.invoice.id}` });
    await sim.pay(charge.providerReference);
    const finance = await userWithRole(t.tenant, "finance");
    expect(await finance.caller.gateway.latePayments()).toEqual([
      expect.objectContaining({ chargeId: charge.id, customerId: t.customer.id, customerName: t.customer.name, amountIdr: 150_000, creditIdr: 150_000, invoiceId: t.invoice.id, invoiceNumber: "INV/2026/000001" }),
    ]);
    for (const role of ["collector", "technician"] as const) {
      const other = await userWithRole(t.tenant, role);
      expect(await failure(other.caller.gateway.latePayments())).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("a part payment in cash supersedes the code for the old amount; a new code is made for what is left, never the old one reused", async () => {
    const t = await setup("gw-part");
    const first = await t.charge("QRIS");
    const { recordPayment } = await import("../../payment.service");
    await recordPayment(t.db, systemActor("cashier", { tenantId: t.tenant.id }), { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 50_000, method: "cash", idempotencyKey: `cash-part-${t.invoice.id}` });
    const second = await t.charge("QRIS");
    expect(second.id).not.toBe(first.id);
    expect(second.amountIdr).toBe(100_000);
    const listed = (await listInvoiceCharges(t.db, t.invoice.id)).charges;
    expect(listed.map((c) => [c.id, c.superseded])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    // The new code pays what is left: the invoice is settled, the new code is not late money.
    await sim.pay(second.providerReference);
    expect(await t.db.invoice.findFirst({ where: { id: t.invoice.id } })).toMatchObject({ status: "paid", paidIdr: 150_000 });
    expect(await listLateGatewayPayments(t.db, { limit: 10 })).toEqual([]);
  });
});

describe("gateway API", () => {
  it("settings keep the keys sealed and show only their last four characters", async () => {
    const t = await billingTenant("gw-settings");
    const owner = await userWithRole(t.tenant, "owner");
    const missing = await failure(owner.caller.gateway.settings.set({ merchantCode: "T8199" }));
    expect(missing).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: { apiKey: expect.any(Array), privateKey: expect.any(Array) } } });
    const saved = await owner.caller.gateway.settings.set({ merchantCode: "T8199", apiKey: "DEV-secret-api-key-abcd", privateKey: "secret-private-key-wxyz" });
    expect(saved).toMatchObject({ configured: true, enabled: true, merchantCode: "T8199", apiKeyLast4: "abcd", privateKeyLast4: "wxyz" });
    expect(JSON.stringify(saved)).not.toContain("secret-api-key");
    const row = (await t.db.paymentGatewayAccount.findFirst())!;
    expect(row.apiKeySealed).not.toContain("secret");
    expect(row.privateKeySealed).not.toContain("secret");
    // Changing the merchant code alone keeps the keys.
    const renamed = await owner.caller.gateway.settings.set({ merchantCode: "T8200" });
    expect(renamed).toMatchObject({ merchantCode: "T8200", apiKeyLast4: "abcd", privateKeyLast4: "wxyz" });
    expect(await t.db.auditEvent.count({ where: { action: "gateway.configured" } })).toBe(2);
  });

  it("a charge for an invoice without a gateway account is GATEWAY_NOT_CONFIGURED; a paid invoice cannot be charged", async () => {
    const t = await billingTenant("gw-api");
    const { customer } = await t.subscriber({ billingDay: 1, startDate: "2026-10-01" });
    await generateInvoices(t.db, { runDate: "2026-11-01" });
    const invoice = (await t.db.invoice.findFirst({ where: { customerId: customer.id } }))!;
    const finance = await userWithRole(t.tenant, "finance");
    expect(await failure(finance.caller.gateway.createCharge({ invoiceId: invoice.id, method: "QRIS" }))).toMatchObject({ code: "GATEWAY_NOT_CONFIGURED" });
    expect(await finance.caller.gateway.listForInvoice({ invoiceId: invoice.id })).toEqual({ charges: [] });
    await t.db.paymentGatewayAccount.create({ data: { tenantId: t.tenant.id, provider: "tripay", merchantCode: "T1", apiKeySealed: "x", privateKeySealed: "y" } });
    await t.db.invoice.update({ where: { id: invoice.id }, data: { status: "paid", paidIdr: invoice.totalIdr } });
    expect(await failure(finance.caller.gateway.createCharge({ invoiceId: invoice.id, method: "QRIS" }))).toMatchObject({ code: "CONFLICT", details: { reason: "invoice_not_payable" } });
  });
});
