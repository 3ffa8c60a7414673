// Billing through the API as staff use it: manual invoices, issuing and voiding, numbering,
// the dashboard's figures, settings, and tenant boundaries.
import { afterAll, describe, expect, it } from "vitest";
import { closeConnections } from "@/server/testing/lifecycle";
import { failure } from "@/server/testing/errors";
import { userWithRole } from "@/server/testing/callers";
import { localDate } from "@/server/time/calendar-date";
import { markOverdueAndIsolate } from "../overdue.service";
import { billingTenant, key } from "./billing-fixtures";

afterAll(() => closeConnections());

const lines = [
  { description: "Router Wi-Fi", quantity: 1, unitPriceIdr: 350_000, discountIdr: 50_000, taxable: true },
  { description: "Kabel drop 50 m", quantity: 2, unitPriceIdr: 40_000, discountIdr: 0, taxable: false },
];

describe("billing API", () => {
  it("a manual invoice is a draft without a number until issued; issued numbers continue the year's sequence", async () => {
    const t = await billingTenant("api-manual", { taxMode: "exclusive", taxRateBp: 1100 });
    const { customer } = await t.subscriber({ startDate: "2026-10-01" });
    const { caller } = await userWithRole(t.tenant, "finance");
    const draft = await caller.billing.invoices.createManual({ customerId: customer.id, lines });
    // 300 000 taxable + 80 000 not; PPN 11 % of 300 000 = 33 000.
    expect(draft).toMatchObject({ status: "draft", number: null, subtotalIdr: 380_000, discountIdr: 50_000, taxIdr: 33_000, totalIdr: 413_000, outstandingIdr: 0 });
    const edited = await caller.billing.invoices.updateDraft({ id: draft.id, lines: [lines[1]!] });
    expect(edited).toMatchObject({ totalIdr: 80_000, taxIdr: 0 });
    const other = await caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    expect(other.number).toMatch(/^INV\/\d{4}\/000001$/);
    await caller.billing.invoices.issue({ ids: [draft.id] });
    const issued = await caller.billing.invoices.get({ id: draft.id });
    const today = localDate(new Date(), t.tenant.timezone);
    expect(issued).toMatchObject({ status: "issued", number: `INV/${today.slice(0, 4)}/000002`, issueDate: today, outstandingIdr: 80_000 });
    expect(await failure(caller.billing.invoices.updateDraft({ id: draft.id, lines }))).toMatchObject({ code: "CONFLICT", details: { reason: "not_draft" } });
  });

  it("a failed issue leaves no gap in the numbers", async () => {
    const t = await billingTenant("api-gapless");
    const { customer } = await t.subscriber({ startDate: "2026-10-01" });
    const { caller } = await userWithRole(t.tenant, "admin");
    const a = await caller.billing.invoices.createManual({ customerId: customer.id, lines });
    const b = await caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    // One draft and one issued invoice in one call: refused as a whole, nothing numbered.
    expect(await failure(caller.billing.invoices.issue({ ids: [a.id, b.id] }))).toMatchObject({ code: "CONFLICT" });
    await caller.billing.invoices.issue({ ids: [a.id] });
    const numbers = (await t.db.invoice.findMany({ where: { number: { not: null } }, orderBy: { number: "asc" } })).map((i) => i.number);
    expect(numbers).toEqual([1, 2]);
  });

  it("voiding the overdue invoice restores an isolated customer; an invoice with payments cannot be voided", async () => {
    const t = await billingTenant("api-void", { invoiceDueDays: 0, isolationGraceDays: 0 });
    const { customer } = await t.subscriber({ startDate: "2026-10-01" });
    const { caller } = await userWithRole(t.tenant, "owner");
    const invoice = await caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    const later = localDate(new Date(Date.now() + 3 * 86_400_000), t.tenant.timezone);
    expect(await markOverdueAndIsolate(t.db, { today: later })).toMatchObject({ overdue: 1, isolated: 1 });
    const result = await caller.billing.invoices.void({ ids: [invoice.id], reason: "Charged by mistake" });
    expect(result).toEqual({ voided: 1, restored: 1 });
    expect(await t.db.customer.findFirst({ where: { id: customer.id } })).toMatchObject({ status: "active" });

    const paidSome = await caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    await caller.billing.payments.record({ customerId: customer.id, invoiceId: paidSome.id, amountIdr: 1_000, method: "cash", idempotencyKey: key() });
    expect(await failure(caller.billing.invoices.void({ ids: [paidSome.id], reason: "oops" }))).toMatchObject({ code: "CONFLICT", details: { reason: "not_voidable" } });
  });

  it("a collector sees the customer's open bills and pays them by collecting (not billing's record form), but not the invoice list", async () => {
    const t = await billingTenant("api-collector");
    const { customer } = await t.subscriber({ startDate: "2026-10-01" });
    const finance = await userWithRole(t.tenant, "finance");
    const invoice = await finance.caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    const { caller, user: collector } = await userWithRole(t.tenant, "collector");
    await finance.caller.collections.assign({ collectorId: collector.id, customerIds: [customer.id] });
    expect((await caller.billing.invoices.openForCustomer({ customerId: customer.id })).rows.map((r) => r.id)).toEqual([invoice.id]);
    expect(await failure(caller.billing.payments.record({ customerId: customer.id, invoiceId: invoice.id, amountIdr: invoice.totalIdr, method: "collector", idempotencyKey: key() }))).toMatchObject({ code: "FORBIDDEN" });
    const paid = await caller.collections.collect({ customerId: customer.id, invoiceId: invoice.id, amountIdr: invoice.totalIdr, idempotencyKey: key() });
    expect(paid.payment.recordedBy).toMatch(/^collector/);
    expect(await failure(caller.billing.invoices.list({}))).toMatchObject({ code: "FORBIDDEN" });
    expect((await finance.caller.billing.invoices.get({ id: invoice.id })).status).toBe("paid");
  });

  it("the dashboard adds up the month and ages what is past due", async () => {
    const t = await billingTenant("api-dash", { invoiceDueDays: 0 });
    const { customer } = await t.subscriber({ startDate: "2026-10-01" });
    const { caller } = await userWithRole(t.tenant, "finance");
    const a = await caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    await caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    await caller.billing.payments.record({ customerId: customer.id, invoiceId: a.id, amountIdr: a.totalIdr + 20_000, method: "bank_transfer", idempotencyKey: key() });
    // An invoice 45 days past due.
    const old = await caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    const today = localDate(new Date(), t.tenant.timezone);
    const due = new Date(Date.parse(`${today}T00:00:00Z`) - 45 * 86_400_000);
    await t.db.invoice.update({ where: { id: old.id }, data: { dueDate: due } });
    const dash = await caller.billing.dashboard({});
    // The credit of 20 000 went to the next open invoice.
    expect(dash).toMatchObject({ month: today.slice(0, 7), billedIdr: 3 * 380_000, collectedIdr: 400_000, outstandingIdr: 3 * 380_000 - 400_000, creditIdr: 0, invoicesIssued: 3, invoicesPaid: 1 });
    expect(dash.aging).toContainEqual({ bucket: "31-60", invoices: 1, amountIdr: 380_000 });
  });

  it("while RRNET has made the ISP read-only, staff still record their subscribers' payments", async () => {
    const t = await billingTenant("api-readonly");
    const { customer } = await t.subscriber({ startDate: "2026-10-01" });
    const finance = await userWithRole(t.tenant, "finance");
    const invoice = await finance.caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    const restricted = await t.db.tenant.update({ where: { id: t.tenant.id }, data: { saasStanding: "restricted" } });
    const { caller } = await userWithRole(restricted, "finance");
    expect(await failure(caller.billing.invoices.createManual({ customerId: customer.id, lines }))).toMatchObject({ code: "TENANT_READ_ONLY" });
    const paid = await caller.billing.payments.record({ customerId: customer.id, invoiceId: invoice.id, amountIdr: invoice.totalIdr, method: "cash", idempotencyKey: key() });
    expect(paid.allocations).toEqual([{ invoiceId: invoice.id, amountIdr: invoice.totalIdr }]);
  });

  it("billing settings validate PPN and are the tenant's own", async () => {
    const t = await billingTenant("api-settings");
    const owner = await userWithRole(t.tenant, "owner");
    const settings = { taxMode: "inclusive" as const, taxRateBp: 1100, invoiceDueDays: 7, isolationGraceDays: 5, invoiceFooter: "Transfer ke BCA 123", logoDataUrl: null };
    expect(await owner.caller.billing.updateSettings(settings)).toEqual(settings);
    expect(await failure(owner.caller.billing.updateSettings({ ...settings, taxMode: "exclusive", taxRateBp: 0 }))).toMatchObject({ code: "VALIDATION_FAILED" });
    const finance = await userWithRole(t.tenant, "finance");
    expect(await finance.caller.billing.settings()).toEqual(settings);
    expect(await failure(finance.caller.billing.updateSettings(settings))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("one tenant's staff cannot see, pay or void another tenant's invoices", async () => {
    const a = await billingTenant("api-iso-a");
    const b = await billingTenant("api-iso-b");
    const { customer } = await b.subscriber({ startDate: "2026-10-01" });
    const bFinance = await userWithRole(b.tenant, "finance");
    const invoice = await bFinance.caller.billing.invoices.createManual({ customerId: customer.id, lines, issue: true });
    const { caller } = await userWithRole(a.tenant, "owner");
    expect(await failure(caller.billing.invoices.get({ id: invoice.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(caller.billing.invoices.void({ ids: [invoice.id], reason: "not mine" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(caller.billing.payments.record({ customerId: customer.id, amountIdr: 1000, method: "cash", idempotencyKey: key() }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(caller.billing.invoices.createManual({ customerId: customer.id, lines }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await caller.billing.invoices.list({})).rows).toEqual([]);
    expect(await b.db.payment.count()).toBe(0);
  });
});
