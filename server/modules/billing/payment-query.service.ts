// Reading payments: the list with filters, one payment (receipt), a customer's balance.
import "server-only";
import type { TenantDb } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors/app-error";
import { keysetCursor } from "@/server/pagination/keyset-cursor";
import { localMonthRange } from "@/server/time/calendar-date";
import { formatInvoiceNumber } from "./invoice-math";
import type { TCustomerBalance, TPaymentDetail, TPaymentListInput, TPaymentPage } from "./billing.schema";
import { findSupersededChargeOfPayment } from "./gateway/gateway.repository";
import { PAYMENT_SELECT, findPayment, unallocatedPayments } from "./payment.repository";
import { toPaymentRow } from "./payment.service";

/** `timeZone`: the tenant's zone, in which `period` is a month. */
export async function listPayments(db: TenantDb, input: TPaymentListInput & { timeZone: string }): Promise<TPaymentPage> {
  const { timeZone } = input;
  const and: Prisma.PaymentWhereInput[] = [];
  if (input.customerId) and.push({ customerId: input.customerId });
  if (input.method) and.push({ method: input.method });
  if (input.period) {
    const { from, to } = localMonthRange(input.period, timeZone);
    and.push({ receivedAt: { gte: from, lt: to } });
  }
  if (input.cursor) {
    const c = input.cursor;
    and.push({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
  }
  const rows = await db.payment.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: { ...PAYMENT_SELECT, createdAt: true },
  });
  const page = rows.slice(0, input.limit);
  return { rows: page.map(toPaymentRow), nextCursor: rows.length > input.limit ? keysetCursor(page[page.length - 1]!) : null };
}

export async function getPaymentOrThrow(db: TenantDb, id: string): Promise<TPaymentDetail> {
  const row = await findPayment(db, id);
  if (!row) throw new AppError("NOT_FOUND", { paymentId: id }, "billing.errors.paymentNotFound");
  const allocations = await db.paymentAllocation.findMany({
    where: { paymentId: id },
    orderBy: { createdAt: "asc" },
    select: { invoiceId: true, amountIdr: true, createdAt: true, invoice: { select: { year: true, number: true, totalIdr: true } } },
  });
  // Every allocation to those invoices up to this payment's: what each still owed right after it.
  const history = await db.paymentAllocation.findMany({
    where: { invoiceId: { in: allocations.map((a) => a.invoiceId) } },
    select: { invoiceId: true, paymentId: true, amountIdr: true, createdAt: true },
  });
  const superseded = await findSupersededChargeOfPayment(db, id);
  const paidUpTo = (a: (typeof allocations)[number]) =>
    history.filter((h) => h.invoiceId === a.invoiceId && (h.paymentId === id || h.createdAt <= a.createdAt)).reduce((sum, h) => sum + h.amountIdr, 0);
  return {
    ...toPaymentRow(row),
    allocations: allocations.map((a) => ({
      invoiceId: a.invoiceId,
      invoiceNumber: a.invoice.year !== null && a.invoice.number !== null ? formatInvoiceNumber(a.invoice.year, a.invoice.number) : null,
      amountIdr: a.amountIdr,
      invoiceTotalIdr: a.invoice.totalIdr,
      remainingAfterIdr: Math.max(0, a.invoice.totalIdr - paidUpTo(a)),
    })),
    fromSupersededCode: superseded
      ? { invoiceNumber: superseded.invoice.year !== null && superseded.invoice.number !== null ? formatInvoiceNumber(superseded.invoice.year, superseded.invoice.number) : null }
      : null,
  };
}

export async function customerBalance(db: TenantDb, customerId: string): Promise<TCustomerBalance> {
  const open = await db.invoice.findMany({ where: { customerId, status: { in: ["issued", "partially_paid", "overdue"] } }, select: { totalIdr: true, paidIdr: true, status: true } });
  const credit = await unallocatedPayments(db, customerId);
  return {
    outstandingIdr: open.reduce((s, i) => s + i.totalIdr - i.paidIdr, 0),
    overdueIdr: open.filter((i) => i.status === "overdue").reduce((s, i) => s + i.totalIdr - i.paidIdr, 0),
    creditIdr: credit.reduce((s, p) => s + p.remaining, 0),
    openInvoices: open.length,
  };
}

