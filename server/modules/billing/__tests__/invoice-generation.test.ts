// Monthly invoice generation: what is billed, numbering, PPN, and idempotency under repeats and
// concurrent runs, against the real database.
import { afterAll, describe, expect, it } from "vitest";
import { closeConnections } from "@/server/testing/lifecycle";
import { firstPeriod } from "@/server/modules/subscriptions/proration";
import { generateInvoices } from "../invoice-generation.service";
import { markOverdueAndIsolate } from "../overdue.service";
import { invoiceTotals } from "../invoice-math";
import { billingTenant } from "./billing-fixtures";
import { eventsOf } from "@/server/testing/events";

afterAll(() => closeConnections());

describe("invoice generation", () => {
  it("bills the cycle that contains the run date, prorating a start inside it and adding the installation fee once", async () => {
    const t = await billingTenant("gen-basic");
    const full = await t.subscriber({ billingDay: 1, startDate: "2026-10-15", installationFeeIdr: 250_000 });
    const prorated = await t.subscriber({ billingDay: 1, startDate: "2026-11-11", discountIdr: 10_000 });
    const notYet = await t.subscriber({ billingDay: 1, startDate: "2026-12-02" });
    const result = await generateInvoices(t.db, { runDate: "2026-11-20" });
    expect(result).toMatchObject({ created: 2, firstNumber: "INV/2026/000001", lastNumber: "INV/2026/000002" });

    const invoices = await t.db.invoice.findMany({ include: { lines: { orderBy: { position: "asc" } } }, orderBy: { number: "asc" } });
    expect(invoices.map((i) => i.subscriptionId)).toEqual([full.subscription.id, prorated.subscription.id]);
    expect(invoices.some((i) => i.subscriptionId === notYet.subscription.id)).toBe(false);

    const [a, b] = invoices;
    // Started before the cycle: the whole cycle, plus the fee on its first invoice.
    expect(a).toMatchObject({ status: "issued", totalIdr: 150_000 + 250_000, taxIdr: 0, dueDate: new Date("2026-11-30T00:00:00Z") });
    expect(a!.periodStart!.toISOString().slice(0, 10)).toBe("2026-11-01");
    expect(a!.periodEnd!.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(a!.lines.map((l) => [l.description.startsWith("Internet Home 20"), l.amountIdr])).toEqual([[true, 150_000], [false, 250_000]]);
    // Started inside: from the start date, prorated exactly as the subscription form shows.
    const expected = firstPeriod({ startDate: "2026-11-11", billingDay: 1, priceIdr: 150_000, discountIdr: 10_000, prorate: true });
    expect(b!.totalIdr).toBe(expected.chargeIdr);
    expect(b!.periodStart!.toISOString().slice(0, 10)).toBe("2026-11-11");
    expect(b!.lines[0]).toMatchObject({ amountIdr: expected.chargeIdr, quantity: 1 });
    expect(b!.lines[0]!.unitPriceIdr - b!.lines[0]!.discountIdr).toBe(b!.lines[0]!.amountIdr);
  });

  it("a second generation run for the same period creates no invoice; the next cycle bills again without the fee", async () => {
    const t = await billingTenant("gen-again");
    await t.subscriber({ billingDay: 5, startDate: "2026-10-05", installationFeeIdr: 100_000 });
    expect((await generateInvoices(t.db, { runDate: "2026-11-05" })).created).toBe(1);
    expect((await generateInvoices(t.db, { runDate: "2026-11-05" })).created).toBe(0);
    expect((await generateInvoices(t.db, { runDate: "2026-11-30" })).created).toBe(0);
    const next = await generateInvoices(t.db, { runDate: "2026-12-05" });
    expect(next).toMatchObject({ created: 1, firstNumber: "INV/2026/000002" });
    const totals = (await t.db.invoice.findMany({ orderBy: { number: "asc" } })).map((i) => i.totalIdr);
    expect(totals).toEqual([250_000, 150_000]);
  });

  it("two generation runs at once create each invoice once, numbered without gaps", async () => {
    const t = await billingTenant("gen-race");
    for (let i = 0; i < 30; i++) await t.subscriber({ billingDay: 1, startDate: "2026-09-01" });
    const [x, y] = await Promise.all([generateInvoices(t.db, { runDate: "2026-11-01" }), generateInvoices(t.db, { runDate: "2026-11-01" })]);
    expect(x.created + y.created).toBe(30);
    const numbers = (await t.db.invoice.findMany({ select: { number: true }, orderBy: { number: "asc" } })).map((i) => i.number);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("the database refuses a second invoice for the same subscription and period", async () => {
    const t = await billingTenant("gen-unique");
    const { customer, subscription } = await t.subscriber({ startDate: "2026-11-01" });
    const row = { tenantId: t.tenant.id, customerId: customer.id, kind: "subscription" as const, status: "draft" as const, subscriptionId: subscription.id, periodStart: new Date("2026-11-01T00:00:00Z"), subtotalIdr: 1, totalIdr: 1 };
    await t.db.invoice.create({ data: row });
    await expect(t.db.invoice.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
  });

  it("skips prospects, terminated customers, paused and ended subscriptions", async () => {
    const t = await billingTenant("gen-skip");
    await t.subscriber({ startDate: "2026-10-01", status: "prospect" });
    await t.subscriber({ startDate: "2026-10-01", status: "terminated" });
    const paused = await t.subscriber({ startDate: "2026-10-01" });
    await t.db.subscription.update({ where: { id: paused.subscription.id }, data: { status: "paused" } });
    const ended = await t.subscriber({ startDate: "2026-10-01" });
    await t.db.subscription.update({ where: { id: ended.subscription.id }, data: { endDate: new Date("2026-10-31T00:00:00Z") } });
    const isolated = await t.subscriber({ startDate: "2026-10-01", status: "isolated" });
    const result = await generateInvoices(t.db, { runDate: "2026-11-01" });
    expect(result.created).toBe(1);
    expect((await t.db.invoice.findFirst())!.customerId).toBe(isolated.customer.id);
  });

  it("adds PPN on top when exclusive and takes it out of the price when inclusive, as invoice-math does", async () => {
    for (const taxMode of ["exclusive", "inclusive"] as const) {
      const t = await billingTenant(`gen-${taxMode}`, { taxMode, taxRateBp: 1100 });
      await t.subscriber({ startDate: "2026-11-09", discountIdr: 5_000, installationFeeIdr: 75_000 });
      await generateInvoices(t.db, { runDate: "2026-11-10" });
      const invoice = (await t.db.invoice.findFirst({ include: { lines: true } }))!;
      const expected = invoiceTotals(invoice.lines.map((l) => ({ quantity: l.quantity, unitPriceIdr: l.unitPriceIdr, discountIdr: l.discountIdr, taxable: l.taxable })), taxMode, 1100);
      expect({ subtotalIdr: invoice.subtotalIdr, taxIdr: invoice.taxIdr, totalIdr: invoice.totalIdr }).toEqual({ subtotalIdr: expected.subtotalIdr, taxIdr: expected.taxIdr, totalIdr: expected.totalIdr });
      expect(invoice.taxIdr).toBeGreaterThan(0);
    }
  });

  it("emits an invoice_issued event for every invoice", async () => {
    const t = await billingTenant("gen-events");
    await t.subscriber({ startDate: "2026-10-01" });
    await t.subscriber({ startDate: "2026-10-01" });
    await generateInvoices(t.db, { runDate: "2026-11-01" });
    const events = (await eventsOf(t.tenant.id)).filter((e) => e.type === "billing.invoice_issued");
    expect(events.map((e) => e.payload.invoiceNumber).sort()).toEqual(["INV/2026/000001", "INV/2026/000002"]);
  });
});

describe("invoice generation after changes", () => {
  it("changing the billing day never bills a day twice: the rest of the cycle is billed prorated", async () => {
    const t = await billingTenant("gen-dayshift");
    const { customer, subscription } = await t.subscriber({ billingDay: 10, startDate: "2026-01-10" });
    await generateInvoices(t.db, { runDate: "2026-03-10" }); // billed 10 Mar – 9 Apr
    await t.db.customer.update({ where: { id: customer.id }, data: { billingDay: 5 } });
    expect((await generateInvoices(t.db, { runDate: "2026-03-13" })).created).toBe(0);
    await generateInvoices(t.db, { runDate: "2026-04-05" }); // new cycle 5 Apr – 4 May: 10 Apr – 4 May left
    const invoices = await t.db.invoice.findMany({ where: { subscriptionId: subscription.id }, orderBy: { periodStart: "asc" } });
    expect(invoices.map((i) => [i.periodStart!.toISOString().slice(0, 10), i.periodEnd!.toISOString().slice(0, 10)])).toEqual([
      ["2026-03-10", "2026-04-09"],
      ["2026-04-10", "2026-05-04"],
    ]);
    // 25 of 30 days of 150 000.
    expect(invoices[1]!.totalIdr).toBe(125_000);
    await generateInvoices(t.db, { runDate: "2026-05-05" });
    expect((await t.db.invoice.findFirst({ where: { subscriptionId: subscription.id, periodStart: new Date("2026-05-05T00:00:00Z") } }))!.totalIdr).toBe(150_000);
  });

  it("the database refuses overlapping periods for one subscription", async () => {
    const t = await billingTenant("gen-overlap");
    const { customer, subscription } = await t.subscriber({ startDate: "2026-11-01" });
    const row = (start: string, end: string) => ({ tenantId: t.tenant.id, customerId: customer.id, kind: "subscription" as const, status: "issued" as const, subscriptionId: subscription.id, periodStart: new Date(`${start}T00:00:00Z`), periodEnd: new Date(`${end}T00:00:00Z`), subtotalIdr: 1, totalIdr: 1 });
    await t.db.invoice.create({ data: row("2026-11-01", "2026-11-30") });
    await expect(t.db.invoice.create({ data: row("2026-11-15", "2026-12-14") })).rejects.toThrow();
  });

  it("a voided first invoice's installation fee goes on the next invoice; the voided period is not billed again", async () => {
    const t = await billingTenant("gen-voidfee");
    const { subscription } = await t.subscriber({ billingDay: 1, startDate: "2026-10-01", installationFeeIdr: 200_000 });
    await generateInvoices(t.db, { runDate: "2026-10-01" });
    await t.db.invoice.updateMany({ where: { subscriptionId: subscription.id }, data: { status: "void", voidedAt: new Date(), voidReason: "wrong package" } });
    expect((await generateInvoices(t.db, { runDate: "2026-10-15" })).created).toBe(0);
    await generateInvoices(t.db, { runDate: "2026-11-01" });
    const next = (await t.db.invoice.findFirst({ where: { subscriptionId: subscription.id, status: "issued" } }))!;
    expect(next.totalIdr).toBe(150_000 + 200_000);
  });

  it("credit is applied on every run, even when the run that wrote the invoices stopped before it", async () => {
    const t = await billingTenant("gen-credit");
    const { customer } = await t.subscriber({ billingDay: 1, startDate: "2026-10-01" });
    await t.db.payment.create({ data: { tenantId: t.tenant.id, customerId: customer.id, year: 2026, number: 1, method: "cash", amountIdr: 150_000, receivedAt: new Date(), idempotencyKey: "credit-seed-1", requestHash: "x" } });
    // As if the credit step had failed after the invoices committed: the invoice exists, unpaid.
    await t.db.invoice.create({ data: { tenantId: t.tenant.id, customerId: customer.id, kind: "manual", status: "issued", year: 2026, number: 99, subtotalIdr: 150_000, totalIdr: 150_000, dueDate: new Date("2026-10-05T00:00:00Z") } });
    await markOverdueAndIsolate(t.db, { today: "2026-11-01" });
    expect(await t.db.customer.findFirst({ where: { id: customer.id } })).toMatchObject({ status: "active" });
    expect(await t.db.invoice.findFirst({ where: { number: 99 } })).toMatchObject({ status: "paid" });
  });
});
