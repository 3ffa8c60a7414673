// Each role's home page shows what that role works on, with real figures: finance figures for
// owner/admin/finance, a collector's own day, the customers a technician can act on.
import { afterAll, describe, expect, it } from "vitest";
import { billingTenant, key } from "@/server/modules/billing/__tests__/billing-fixtures";
import { markOverdueAndIsolate } from "@/server/modules/billing/overdue.service";
import { userWithRole } from "@/server/testing/callers";
import { closeConnections } from "@/server/testing/lifecycle";
import { addDays, localDate } from "@/server/time/calendar-date";

afterAll(() => closeConnections());

const lines = [{ description: "Home 20", quantity: 1, unitPriceIdr: 200_000, discountIdr: 0, taxable: false }];

describe("role home pages", () => {
  it("owner, admin and finance see billed and collected this month, collected today, outstanding, overdue, isolated and new customers", async () => {
    const t = await billingTenant("home-finance", { invoiceDueDays: 0, isolationGraceDays: 0 });
    const a = await t.subscriber({ startDate: "2026-10-01" });
    const b = await t.subscriber({ startDate: "2026-10-01" });
    await t.subscriber({ startDate: "2026-10-01", status: "prospect" });
    const finance = await userWithRole(t.tenant, "finance");
    const late = await finance.caller.billing.invoices.createManual({ customerId: a.customer.id, lines, issue: true });
    const open = await finance.caller.billing.invoices.createManual({ customerId: b.customer.id, lines, issue: true });
    // b pays part of theirs today; a's goes overdue and a is isolated.
    await finance.caller.billing.payments.record({ customerId: b.customer.id, invoiceId: open.id, amountIdr: 50_000, method: "cash", idempotencyKey: key() });
    const today = localDate(new Date(), t.tenant.timezone);
    await t.db.invoice.update({ where: { id: open.id }, data: { dueDate: new Date(`${addDays(today, 30)}T00:00:00Z`) } });
    await markOverdueAndIsolate(t.db, { today: addDays(today, 2) });
    expect(await t.db.invoice.findFirst({ where: { id: late.id } })).toMatchObject({ status: "overdue" });

    for (const role of ["owner", "admin", "finance"] as const) {
      const { caller } = await userWithRole(t.tenant, role);
      const home = await caller.tenant.home();
      expect(home.billing, role).toEqual({
        month: today.slice(0, 7),
        billedIdr: 400_000,
        collectedIdr: 50_000,
        collectedTodayIdr: 50_000,
        outstandingIdr: 350_000,
        overdueIdr: 200_000,
        overdueInvoices: 1,
        isolatedCustomers: 1,
        newCustomers: 3,
      });
      expect(home.collections).toBeNull();
      expect(home.field).toBeNull();
    }
    expect((await (await userWithRole(t.tenant, "owner")).caller.tenant.home()).staff).toBe(true);
    expect((await finance.caller.tenant.home()).staff).toBe(false);
  });

  it("a collector's day comes from their custody ledger: today's cash collections and what they hold, no finance figures", async () => {
    const t = await billingTenant("home-collector");
    const a = await t.subscriber({ startDate: "2026-10-01" });
    const b = await t.subscriber({ startDate: "2026-10-01" });
    const c = await t.subscriber({ startDate: "2026-10-01" });
    const finance = await userWithRole(t.tenant, "finance");
    const ia = await finance.caller.billing.invoices.createManual({ customerId: a.customer.id, lines, issue: true });
    await finance.caller.billing.invoices.createManual({ customerId: b.customer.id, lines, issue: true });
    const collector = await userWithRole(t.tenant, "collector");
    const other = await userWithRole(t.tenant, "collector");
    await finance.caller.collections.assign({ collectorId: collector.user.id, customerIds: [a.customer.id, b.customer.id] });
    await finance.caller.collections.assign({ collectorId: other.user.id, customerIds: [c.customer.id] });
    await collector.caller.collections.collect({ customerId: a.customer.id, invoiceId: ia.id, amountIdr: 200_000, idempotencyKey: key() });
    await collector.caller.collections.collect({ customerId: b.customer.id, amountIdr: 70_000, idempotencyKey: key() });
    // Yesterday's cash is still held but is not today's; another collector's cash and a bank
    // transfer finance recorded for their customer are not in this collector's ledger at all (a
    // collector cannot record a payment outside collect: issue 15's custody ledger).
    const yesterday = new Date(Date.now() - 86_400_000 - 3_600_000).toISOString();
    await collector.caller.collections.collect({ customerId: b.customer.id, amountIdr: 10_000, collectedAt: yesterday, idempotencyKey: key() });
    await other.caller.collections.collect({ customerId: c.customer.id, amountIdr: 30_000, idempotencyKey: key() });
    await finance.caller.billing.payments.record({ customerId: b.customer.id, amountIdr: 5_000, method: "bank_transfer", idempotencyKey: key() });

    const home = await collector.caller.tenant.home();
    expect(home.billing).toBeNull();
    expect(home.staff).toBe(false);
    expect(home.collections).toMatchObject({ date: localDate(new Date(), t.tenant.timezone), collectedIdr: 270_000, heldIdr: 280_000, pendingDepositIdr: 0 });
    expect(home.collections!.collections.map((r) => [r.customerName, r.amountIdr])).toEqual([
      [b.customer.name, 70_000],
      [a.customer.name, 200_000],
    ]);
    expect((await other.caller.tenant.home()).collections).toMatchObject({ collectedIdr: 30_000, heldIdr: 30_000 });

    // A declared hand-over is still held until finance counts it; then the ledger takes what was received.
    const deposit = await collector.caller.collections.declareDeposit({ amountIdr: 100_000, idempotencyKey: key() });
    expect((await collector.caller.tenant.home()).collections).toMatchObject({ heldIdr: 280_000, pendingDepositIdr: 100_000 });
    await finance.caller.collections.confirmDeposit({ depositId: deposit.id, receivedIdr: 100_000 });
    expect((await collector.caller.tenant.home()).collections).toMatchObject({ collectedIdr: 270_000, heldIdr: 180_000, pendingDepositIdr: 0 });
    // The owner's and finance's home shows what all collectors hold; a collector's does not.
    expect((await finance.caller.tenant.home()).collectorsCash).toEqual({ heldIdr: 210_000, collectors: 2 });
    expect(home.collectorsCash).toBeNull();
  });

  it("a technician sees the customers they can act on by status; HR sees the user accounts only", async () => {
    const t = await billingTenant("home-tech");
    await t.subscriber({ startDate: "2026-10-01" });
    await t.subscriber({ startDate: "2026-10-01", status: "prospect" });
    await t.subscriber({ startDate: "2026-10-01", status: "prospect" });
    await t.subscriber({ startDate: "2026-10-01", status: "isolated" });
    await t.subscriber({ startDate: "2026-10-01", status: "terminated" });
    const tech = await userWithRole(t.tenant, "technician");
    expect(await tech.caller.tenant.home()).toMatchObject({ billing: null, collections: null, staff: false, field: { prospects: 2, active: 1, isolated: 1 } });
    const hr = await userWithRole(t.tenant, "hr");
    expect(await hr.caller.tenant.home()).toMatchObject({ billing: null, collections: null, field: null, staff: true });
  });
});
