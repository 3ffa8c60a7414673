// Payments: allocation, partial payments, overpayment credit, idempotency under replays and
// concurrency, and the isolation/restore cycle — against the real database.
import { afterAll, describe, expect, it } from "vitest";
import { closeConnections } from "@/server/testing/lifecycle";
import { failure } from "@/server/testing/errors";
import { localizeError } from "@/server/errors/localize";
import { generateInvoices } from "../invoice-generation.service";
import { markOverdueAndIsolate } from "../overdue.service";
import { systemActor } from "@/server/actor/actor";
import { getPaymentOrThrow } from "../payment-query.service";
import { recordPayment } from "../payment.service";
import { billingTenant, key } from "./billing-fixtures";
import { eventsOf } from "@/server/testing/events";

afterAll(() => closeConnections());

const actorOf = (tenantId: string) => systemActor("test", { tenantId });

async function oneInvoice(prefix: string, settings = {}) {
  const t = await billingTenant(prefix, settings);
  const { customer } = await t.subscriber({ billingDay: 1, startDate: "2026-10-01" });
  await generateInvoices(t.db, { runDate: "2026-11-01" });
  const invoice = (await t.db.invoice.findFirst({ where: { customerId: customer.id } }))!;
  return { ...t, customer, invoice, actor: actorOf(t.tenant.id) };
}

describe("payments", () => {
  it("a partial payment leaves the invoice partially paid; the rest pays it", async () => {
    const t = await oneInvoice("pay-partial");
    const first = await recordPayment(t.db, t.actor, { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 50_000, method: "cash", idempotencyKey: key() });
    expect(first).toMatchObject({ replayed: false, creditIdr: 0, allocations: [{ invoiceId: t.invoice.id, amountIdr: 50_000 }] });
    expect(first.payment.receiptNumber).toMatch(/^RCP\/\d{4}\/000001$/);
    expect(await t.db.invoice.findFirst({ where: { id: t.invoice.id } })).toMatchObject({ status: "partially_paid", paidIdr: 50_000, paidAt: null });
    await recordPayment(t.db, t.actor, { customerId: t.customer.id, amountIdr: 100_000, method: "bank_transfer", reference: "BCA 123", idempotencyKey: key() });
    const paid = await t.db.invoice.findFirst({ where: { id: t.invoice.id } });
    expect(paid).toMatchObject({ status: "paid", paidIdr: 150_000 });
    expect(paid!.paidAt).toBeInstanceOf(Date);
  });

  it("a receipt shows what each invoice still owed right after its payment; a later payment does not change it", async () => {
    const t = await oneInvoice("pay-receipt");
    const first = await recordPayment(t.db, t.actor, { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 50_000, method: "cash", idempotencyKey: key() });
    const second = await recordPayment(t.db, t.actor, { customerId: t.customer.id, amountIdr: 100_000, method: "cash", idempotencyKey: key() });
    expect((await getPaymentOrThrow(t.db, first.payment.id)).allocations).toEqual([
      expect.objectContaining({ invoiceId: t.invoice.id, amountIdr: 50_000, invoiceTotalIdr: 150_000, remainingAfterIdr: 100_000 }),
    ]);
    expect((await getPaymentOrThrow(t.db, second.payment.id)).allocations).toEqual([
      expect.objectContaining({ invoiceId: t.invoice.id, amountIdr: 100_000, invoiceTotalIdr: 150_000, remainingAfterIdr: 0 }),
    ]);
  });

  it("an overpayment becomes credit that pays the next invoice when it is issued", async () => {
    const t = await oneInvoice("pay-credit");
    const result = await recordPayment(t.db, t.actor, { customerId: t.customer.id, amountIdr: 200_000, method: "cash", idempotencyKey: key() });
    expect(result.creditIdr).toBe(50_000);
    expect(result.payment.unallocatedIdr).toBe(50_000);
    await generateInvoices(t.db, { runDate: "2026-12-01" });
    const next = (await t.db.invoice.findFirst({ where: { customerId: t.customer.id, number: 2 } }))!;
    expect(next).toMatchObject({ status: "partially_paid", paidIdr: 50_000 });
  });

  it("the same request replayed records one payment; the same key for another request is refused", async () => {
    const t = await oneInvoice("pay-replay");
    const cmd = { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 150_000, method: "cash" as const, idempotencyKey: key() };
    const a = await recordPayment(t.db, t.actor, cmd);
    const b = await recordPayment(t.db, t.actor, cmd);
    expect(b).toMatchObject({ replayed: true });
    expect(b.payment.id).toBe(a.payment.id);
    expect(await t.db.payment.count()).toBe(1);
    const err = await failure(recordPayment(t.db, t.actor, { ...cmd, amountIdr: 1_000 }));
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "idempotency_key_reused" } });
  });

  it("the same payment sent twice at once records one payment and pays the invoice once", async () => {
    const t = await oneInvoice("pay-race");
    const cmd = { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 150_000, method: "collector" as const, idempotencyKey: key() };
    const results = await Promise.all([recordPayment(t.db, t.actor, cmd), recordPayment(t.db, t.actor, cmd), recordPayment(t.db, t.actor, cmd)]);
    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await t.db.payment.count()).toBe(1);
    expect(await t.db.invoice.findFirst({ where: { id: t.invoice.id } })).toMatchObject({ status: "paid", paidIdr: 150_000 });
  });

  it("two different payments at once for one invoice never over-settle it", async () => {
    const t = await oneInvoice("pay-two");
    await Promise.all([
      recordPayment(t.db, t.actor, { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 100_000, method: "cash", idempotencyKey: key() }),
      recordPayment(t.db, t.actor, { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 100_000, method: "cash", idempotencyKey: key() }),
    ]).catch(() => undefined);
    const invoice = await t.db.invoice.findFirst({ where: { id: t.invoice.id } });
    const allocated = await t.db.paymentAllocation.aggregate({ where: { invoiceId: t.invoice.id }, _sum: { amountIdr: true } });
    expect(invoice!.paidIdr).toBe(150_000);
    expect(allocated._sum.amountIdr).toBe(150_000);
  });

  it("a paid invoice cannot be paid again by name", async () => {
    const t = await oneInvoice("pay-twice");
    await recordPayment(t.db, t.actor, { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 150_000, method: "cash", idempotencyKey: key() });
    const err = await failure(recordPayment(t.db, t.actor, { customerId: t.customer.id, invoiceId: t.invoice.id, amountIdr: 150_000, method: "cash", idempotencyKey: key() }));
    expect(err).toMatchObject({ code: "CONFLICT", details: { reason: "invoice_already_paid" } });
    expect(localizeError(err, "id").error).toBe("Tagihan ini sudah lunas.");
    expect(localizeError(err, "en").error).toBe("This invoice is already paid.");
  });
});

describe("overdue and isolation", () => {
  it("an unpaid invoice past due plus grace becomes overdue, the customer is isolated, and settling restores them", async () => {
    const t = await oneInvoice("iso-cycle", { invoiceDueDays: 10, isolationGraceDays: 3 });
    // Due 2026-11-11; grace 3 days: still fine on the 14th, overdue on the 15th.
    expect(await markOverdueAndIsolate(t.db, { today: "2026-11-14" })).toEqual({ overdue: 0, isolated: 0 });
    expect(await markOverdueAndIsolate(t.db, { today: "2026-11-15" })).toEqual({ overdue: 1, isolated: 1 });
    expect(await markOverdueAndIsolate(t.db, { today: "2026-11-16" })).toEqual({ overdue: 0, isolated: 0 });
    expect(await t.db.customer.findFirst({ where: { id: t.customer.id } })).toMatchObject({ status: "isolated" });
    expect(await t.db.customerNetworkState.findFirst({ where: { customerId: t.customer.id } })).toMatchObject({ desired: "isolated", appliedAt: null });
    const types = (await eventsOf(t.tenant.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["billing.invoice_overdue", "billing.customer_isolated"]));

    const partial = await recordPayment(t.db, t.actor, { customerId: t.customer.id, amountIdr: 100_000, method: "cash", idempotencyKey: key() });
    expect(partial.restored).toBe(false);
    expect(await t.db.invoice.findFirst({ where: { id: t.invoice.id } })).toMatchObject({ status: "overdue", paidIdr: 100_000 });

    const rest = await recordPayment(t.db, t.actor, { customerId: t.customer.id, amountIdr: 50_000, method: "cash", idempotencyKey: key() });
    expect(rest.restored).toBe(true);
    expect(await t.db.customer.findFirst({ where: { id: t.customer.id } })).toMatchObject({ status: "active" });
    expect(await t.db.customerNetworkState.findFirst({ where: { customerId: t.customer.id } })).toMatchObject({ desired: "allowed", reason: "arrears_settled" });
    expect((await eventsOf(t.tenant.id)).filter((e) => e.type === "billing.customer_restored")).toHaveLength(1);
  });
});
