// Collectors' cash against the real database: one open assignment per customer with history, the
// round limited to the caller's own customers, idempotent collections, the custody ledger under
// concurrent collections and deposits, deposit variance, and the commission rule.
import { afterAll, describe, expect, it } from "vitest";
import { closeConnections } from "@/server/testing/lifecycle";
import { failure } from "@/server/testing/errors";
import { userWithRole } from "@/server/testing/callers";
import { generateInvoices } from "@/server/modules/billing/invoice-generation.service";
import { billingTenant, key } from "@/server/modules/billing/__tests__/billing-fixtures";
import { addDays, localDate } from "@/server/time/calendar-date";

afterAll(() => closeConnections());

async function setup(prefix: string) {
  const t = await billingTenant(prefix);
  const a = await t.subscriber({ billingDay: 1, startDate: "2026-10-01" });
  const b = await t.subscriber({ billingDay: 1, startDate: "2026-10-01" });
  await generateInvoices(t.db, { runDate: "2026-11-01" });
  const finance = await userWithRole(t.tenant, "finance");
  const c1 = await userWithRole(t.tenant, "collector");
  const c2 = await userWithRole(t.tenant, "collector");
  return { ...t, a: a.customer, b: b.customer, finance, c1, c2 };
}

describe("collections", () => {
  it("a customer has one collector at a time and the assignment history is kept", async () => {
    const t = await setup("coll-assign");
    expect(await t.finance.caller.collections.assign({ collectorId: t.c1.user.id, customerIds: [t.a.id, t.b.id] })).toEqual({ assigned: 2, moved: 0, unchanged: 0 });
    expect(await t.finance.caller.collections.assign({ collectorId: t.c2.user.id, customerIds: [t.a.id] })).toEqual({ assigned: 0, moved: 1, unchanged: 0 });
    expect(await t.db.collectorAssignment.count({ where: { customerId: t.a.id, endedAt: null } })).toBe(1);
    const history = await t.finance.caller.collections.history({ customerId: t.a.id });
    expect(history.map((h) => [h.collectorId, h.endedAt === null])).toEqual([[t.c2.user.id, true], [t.c1.user.id, false]]);
    const raced = await Promise.allSettled([
      t.finance.caller.collections.assign({ collectorId: t.c1.user.id, customerIds: [t.b.id] }),
      t.finance.caller.collections.assign({ collectorId: t.c2.user.id, customerIds: [t.b.id] }),
    ]);
    expect(raced.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await t.db.collectorAssignment.count({ where: { customerId: t.b.id, endedAt: null } })).toBe(1);
  });

  it("a collector sees and collects from their own customers only", async () => {
    const t = await setup("coll-own");
    await t.finance.caller.collections.assign({ collectorId: t.c1.user.id, customerIds: [t.a.id] });
    await t.finance.caller.collections.assign({ collectorId: t.c2.user.id, customerIds: [t.b.id] });
    const round = await t.c1.caller.collections.round({ filter: "all" });
    expect(round.rows.map((r) => r.customerId)).toEqual([t.a.id]);
    expect(round.rows[0]!.owedIdr).toBe(150_000);
    expect((await failure(t.c1.caller.collections.collect({ customerId: t.b.id, amountIdr: 10_000, idempotencyKey: key() }))).code).toBe("NOT_FOUND");
    expect(await t.db.payment.count()).toBe(0);
    expect((await failure(t.c1.caller.collections.custody({ collectorId: t.c2.user.id }))).code).toBe("FORBIDDEN");
  });

  it("a collector's cash enters the books only through collect, so always their custody ledger: billing's record form refuses them, their receipt and the balance open", async () => {
    const t = await setup("coll-only-collect");
    await t.finance.caller.collections.assign({ collectorId: t.c1.user.id, customerIds: [t.a.id] });
    for (const method of ["cash", "collector", "bank_transfer"] as const) {
      expect((await failure(t.c1.caller.billing.payments.record({ customerId: t.a.id, amountIdr: 10_000, method, idempotencyKey: key() }))).code).toBe("FORBIDDEN");
    }
    expect(await t.db.payment.count()).toBe(0);
    const collected = await t.c1.caller.collections.collect({ customerId: t.a.id, amountIdr: 50_000, idempotencyKey: key() });
    expect(collected.heldIdr).toBe(50_000);
    expect(await t.c1.caller.billing.payments.get({ id: collected.payment.id })).toMatchObject({ receiptNumber: collected.payment.receiptNumber, amountIdr: 50_000 });
    expect(await t.c1.caller.billing.customerBalance({ customerId: t.a.id })).toMatchObject({ outstandingIdr: 100_000 });
    expect((await t.c1.caller.billing.invoices.openForCustomer({ customerId: t.a.id })).rows.map((r) => r.outstandingIdr)).toEqual([100_000]);
  });

  it("a double tap or an offline replay records one collection; partial cash leaves the rest owed", async () => {
    const t = await setup("coll-replay");
    await t.finance.caller.collections.assign({ collectorId: t.c1.user.id, customerIds: [t.a.id] });
    const input = { customerId: t.a.id, amountIdr: 50_000, latitude: -6.2, longitude: 106.8, collectedAt: new Date(Date.now() - 3600_000).toISOString(), idempotencyKey: key() };
    const [one, two] = await Promise.all([t.c1.caller.collections.collect(input), t.c1.caller.collections.collect(input)]);
    const again = await t.c1.caller.collections.collect(input);
    expect([one.collectionId, two.collectionId, again.collectionId].every((id) => id === one.collectionId)).toBe(true);
    expect(again.replayed).toBe(true);
    expect(await t.db.cashCollection.count()).toBe(1);
    expect(await t.db.custodyEntry.count()).toBe(1);
    expect(again.heldIdr).toBe(50_000);
    expect((await t.c1.caller.collections.round({ filter: "owing" })).rows[0]!.owedIdr).toBe(100_000);
    expect((await failure(t.c2.caller.collections.collect(input))).code).toBe("NOT_FOUND");
  });

  it("concurrent collections and deposits keep the ledger exact; a variance is recorded with its note", async () => {
    const t = await setup("coll-ledger");
    await t.finance.caller.collections.assign({ collectorId: t.c1.user.id, customerIds: [t.a.id, t.b.id] });
    await Promise.all([
      ...[20_000, 30_000, 40_000].map((amountIdr) => t.c1.caller.collections.collect({ customerId: t.a.id, amountIdr, idempotencyKey: key() })),
      ...[15_000, 25_000].map((amountIdr) => t.c1.caller.collections.collect({ customerId: t.b.id, amountIdr, idempotencyKey: key() })),
    ]);
    expect((await t.c1.caller.collections.myCustody()).heldIdr).toBe(130_000);
    const declared = await Promise.allSettled([100_000, 100_000].map((amountIdr) => t.c1.caller.collections.declareDeposit({ amountIdr, idempotencyKey: key() })));
    expect(declared.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    const deposit = (declared.find((d) => d.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    expect((await failure(t.finance.caller.collections.confirmDeposit({ depositId: deposit.id, receivedIdr: 95_000 }))).code).toBe("VALIDATION_FAILED");
    const confirmed = await Promise.allSettled([
      t.finance.caller.collections.confirmDeposit({ depositId: deposit.id, receivedIdr: 95_000, note: "short 5k" }),
      t.finance.caller.collections.confirmDeposit({ depositId: deposit.id, receivedIdr: 95_000, note: "short 5k" }),
      t.c1.caller.collections.collect({ customerId: t.b.id, amountIdr: 10_000, idempotencyKey: key() }),
    ]);
    expect(confirmed.map((c) => c.status)).toEqual(expect.arrayContaining(["fulfilled", "rejected", "fulfilled"]));
    const custody = await t.finance.caller.collections.custody({ collectorId: t.c1.user.id });
    expect(custody).toMatchObject({ heldIdr: 130_000 + 10_000 - 95_000, pendingDepositIdr: 0 });
    expect(custody.entries[0]!.balanceIdr).toBe(custody.heldIdr);
    const [row] = await t.finance.caller.collections.deposits({ status: "confirmed" });
    expect(row).toMatchObject({ declaredIdr: 100_000, receivedIdr: 95_000, varianceIdr: -5_000, note: "short 5k" });
    expect(await t.db.auditEvent.count({ where: { action: "collection.deposit_variance" } })).toBe(1);
    expect((await t.finance.caller.collections.heldTotal()).heldIdr).toBe(45_000);
  });

  it("commission follows the tenant's rule: a share of cash, or an amount per invoice the cash finished paying", async () => {
    const t = await setup("coll-commission");
    await t.finance.caller.collections.assign({ collectorId: t.c1.user.id, customerIds: [t.a.id, t.b.id] });
    await t.c1.caller.collections.collect({ customerId: t.a.id, amountIdr: 150_000, idempotencyKey: key() });
    await t.c1.caller.collections.collect({ customerId: t.b.id, amountIdr: 33_333, idempotencyKey: key() });
    // The tenant's day, not UTC's: from 17:00 UTC it is already tomorrow in Jakarta.
    const today = localDate(new Date(), t.tenant.timezone);
    const range = { from: addDays(today, -30), to: today };
    await t.finance.caller.collections.setCommissionRule({ kind: "percent_of_collected", percentBp: 250, amountPerInvoiceIdr: 0 });
    expect((await t.finance.caller.collections.commissions(range))[0]).toMatchObject({ collectedIdr: 183_333, paidInvoices: 1, commissionIdr: 4_583 });
    await t.finance.caller.collections.setCommissionRule({ kind: "per_paid_invoice", percentBp: 0, amountPerInvoiceIdr: 2_000 });
    expect((await t.finance.caller.collections.commissions(range))[0]!.commissionIdr).toBe(2_000);
    const report = await t.finance.caller.collections.report({ from: today, to: today });
    expect(report).toEqual([expect.objectContaining({ collectorId: t.c1.user.id, collectedIdr: 183_333, collections: 2, heldIdr: 183_333, commissionIdr: 2_000 })]);
  });
});
