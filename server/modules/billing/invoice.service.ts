// Invoices as staff handle them: manual invoices (draft -> issued), issuing and voiding in bulk,
// the list with filters and the detail. Numbers are taken when an invoice is issued, inside
// the issuing transaction, so issued invoices are numbered without gaps (drafts have none).
// Voiding keeps the number; an invoice with payments cannot be voided.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantTx } from "@/server/db";
import type { InvoiceStatus } from "@/server/db/generated/enums";
import { nextTenantNumber } from "@/server/db/counters";
import { AppError, fieldError } from "@/server/errors/app-error";
import { event } from "@/server/events/define-event";
import { emitEvents } from "@/server/events/outbox";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { getCustomerRefOrThrow } from "@/server/modules/customers/customer.service";
import { formatCustomerNumber, parseCustomerNumber } from "@/server/modules/customers/customers.schema";
import { addDays, fromDbDate, localDate, monthBounds, toDbDate } from "@/server/time/calendar-date";
import { invoiceIssued } from "./billing.events";
import { supersedeStaleCharges } from "./gateway/gateway.repository";
import type {
  TCreateManualInvoiceInput,
  TInvoiceDetail,
  TInvoiceLineInput,
  TInvoiceListInput,
  TInvoicePage,
  TInvoiceRow,
  TUpdateDraftInput,
} from "./billing.schema";
import { formatInvoiceNumber, formatReceiptNumber, invoiceCounterKey, invoiceTotals, lineAmount } from "./invoice-math";
import {
  findCustomerInvoices,
  findOpenInvoicesDueOn,
  findInvoiceDetail,
  findInvoicePage,
  findInvoicesByIds,
  lockInvoices,
  type InvoiceDetailRecord,
  type InvoiceRowRecord,
  type InvoiceSearch,
} from "./invoice.repository";
import { restoreIfSettled } from "./isolation.service";
import { applyCredit } from "./payment.service";
import { lockCustomer } from "./payment.repository";
import { keysetCursor } from "@/server/pagination/keyset-cursor";

const invoiceNumberOf = (row: { year: number | null; number: number | null }) => (row.year !== null && row.number !== null ? formatInvoiceNumber(row.year, row.number) : null);
const dateOrNull = (d: Date | null) => (d ? fromDbDate(d) : null);

function toInvoiceRow(row: InvoiceRowRecord): TInvoiceRow {
  return {
    id: row.id,
    number: invoiceNumberOf(row),
    kind: row.kind,
    status: row.status,
    customerId: row.customerId,
    customerName: row.customer.name,
    customerCode: formatCustomerNumber(row.customer.number),
    periodStart: dateOrNull(row.periodStart),
    periodEnd: dateOrNull(row.periodEnd),
    issueDate: dateOrNull(row.issueDate),
    dueDate: dateOrNull(row.dueDate),
    totalIdr: row.totalIdr,
    paidIdr: row.paidIdr,
    outstandingIdr: row.status === "void" || row.status === "draft" ? 0 : row.totalIdr - row.paidIdr,
  };
}

function toInvoiceDetail(row: InvoiceDetailRecord): TInvoiceDetail {
  return {
    ...toInvoiceRow(row),
    subtotalIdr: row.subtotalIdr,
    discountIdr: row.discountIdr,
    taxMode: row.taxMode,
    taxRateBp: row.taxRateBp,
    taxIdr: row.taxIdr,
    notes: row.notes,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
    voidedAt: row.voidedAt?.toISOString() ?? null,
    voidReason: row.voidReason,
    lines: row.lines,
    payments: row.allocations.map((a) => ({
      paymentId: a.payment.id,
      receiptNumber: formatReceiptNumber(a.payment.year, a.payment.number),
      method: a.payment.method,
      amountIdr: a.amountIdr,
      receivedAt: a.payment.receivedAt.toISOString(),
    })),
    customer: { id: row.customer.id, code: formatCustomerNumber(row.customer.number), name: row.customer.name, phone: row.customer.phone, address: row.customer.address },
  };
}

/** "INV/2026/000017" -> {2026, 17}; "17" or "000017" -> {null, 17}. */
function parseInvoiceNumber(text: string): { year: number | null; number: number } | null {
  const full = /^INV\/(\d{4})\/0*(\d{1,9})$/i.exec(text);
  if (full) return { year: Number(full[1]), number: Number(full[2]) };
  const digits = /^0*(\d{1,9})$/.exec(text);
  return digits ? { year: null, number: Number(digits[1]) } : null;
}

export async function listInvoices(db: TenantDb, input: TInvoiceListInput): Promise<TInvoicePage> {
  const search: InvoiceSearch = { status: input.status, customerId: input.customerId };
  if (input.period) {
    const { from, to } = monthBounds(`${input.period}-01`);
    Object.assign(search, { issuedFrom: toDbDate(from), issuedTo: toDbDate(to) });
  }
  const text = input.search?.trim();
  if (text) {
    const number = parseInvoiceNumber(text);
    if (number) search.number = number;
    const customerNumber = parseCustomerNumber(text);
    if (customerNumber) search.customerNumber = customerNumber;
    if (!number) search.customerName = text;
  }
  const rows = await findInvoicePage(db, search, input.cursor ?? null, input.limit + 1);
  const page = rows.slice(0, input.limit);
  return { rows: page.map(toInvoiceRow), nextCursor: rows.length > input.limit ? keysetCursor(page[page.length - 1]!) : null };
}

export async function listCustomerInvoices(db: TenantDb, input: { customerId: string; statuses: readonly InvoiceStatus[] }): Promise<TInvoiceRow[]> {
  return (await findCustomerInvoices(db, input.customerId, [...input.statuses])).map(toInvoiceRow);
}

/** Open invoices (issued or part paid, something still owed) due on `dueDate`: payment reminders. */
export async function listOpenInvoicesDueOn(db: TenantDb, dueDate: string): Promise<TInvoiceRow[]> {
  return (await findOpenInvoicesDueOn(db, toDbDate(dueDate))).map(toInvoiceRow).filter((r) => r.outstandingIdr > 0);
}

export async function getInvoiceOrThrow(db: TenantDb, id: string): Promise<TInvoiceDetail> {
  const row = await findInvoiceDetail(db, id);
  if (!row) throw new AppError("NOT_FOUND", { invoiceId: id }, "billing.errors.invoiceNotFound");
  return toInvoiceDetail(row);
}

type TenantBilling = { timezone: string; taxMode: "none" | "exclusive" | "inclusive"; taxRateBp: number; invoiceDueDays: number };

async function tenantBilling(db: TenantDb | TenantTx): Promise<TenantBilling> {
  const t = await db.tenant.findFirst({ select: { timezone: true, taxMode: true, taxRateBp: true, invoiceDueDays: true } });
  if (!t) throw new AppError("TENANT_NOT_FOUND");
  return t;
}

/** Line rows for a nested createMany (tenantId comes with the invoice's compound key). */
function linesData(lines: TInvoiceLineInput[]) {
  return lines.map((line, i) => {
    if (line.discountIdr > line.quantity * line.unitPriceIdr) {
      throw fieldError(`lines.${i}.discountIdr`, "billing.validation.discountTooLarge");
    }
    return { position: i + 1, description: line.description, quantity: line.quantity, unitPriceIdr: line.unitPriceIdr, discountIdr: line.discountIdr, amountIdr: lineAmount(line), taxable: line.taxable };
  });
}

export async function createManualInvoice(db: TenantDb, actor: UserActor, input: TCreateManualInvoiceInput): Promise<TInvoiceDetail> {
  const customer = await getCustomerRefOrThrow(db, input.customerId);
  const billing = await tenantBilling(db);
  const lines = linesData(input.lines);
  const totals = invoiceTotals(input.lines, billing.taxMode, billing.taxRateBp);
  const id = await db.$transaction(async (tx) => {
    const invoice = await tx.invoice.create({
      data: {
        tenantId: db.tenantId,
        customerId: customer.id,
        kind: "manual",
        status: "draft",
        ...totals,
        taxMode: billing.taxMode,
        taxRateBp: billing.taxRateBp,
        notes: input.notes ?? null,
        lines: { createMany: { data: lines } },
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "invoice.created", target: { type: "invoice", id: invoice.id }, details: { customerId: customer.id, totalIdr: totals.totalIdr } });
    if (input.issue) await issueInTx(tx, actor, [invoice.id], billing);
    return invoice.id;
  });
  return getInvoiceOrThrow(db, id);
}

export async function updateDraft(db: TenantDb, actor: UserActor, input: TUpdateDraftInput): Promise<TInvoiceDetail> {
  const billing = await tenantBilling(db);
  const lines = linesData(input.lines);
  const totals = invoiceTotals(input.lines, billing.taxMode, billing.taxRateBp);
  await db.$transaction(async (tx) => {
    await lockInvoices(tx, [input.id]);
    const [row] = await findInvoicesByIds(tx, [input.id]);
    if (!row) throw new AppError("NOT_FOUND", { invoiceId: input.id }, "billing.errors.invoiceNotFound");
    if (row.status !== "draft") throw new AppError("CONFLICT", { reason: "not_draft" }, "billing.errors.editDraftOnly");
    await tx.invoiceLine.deleteMany({ where: { invoiceId: input.id } });
    await tx.invoice.update({
      where: { id: input.id },
      data: { ...totals, taxMode: billing.taxMode, taxRateBp: billing.taxRateBp, notes: input.notes ?? null, lines: { createMany: { data: lines } } },
    });
  });
  return getInvoiceOrThrow(db, input.id);
}

export async function deleteDraft(db: TenantDb, actor: UserActor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockInvoices(tx, [id]);
    const [row] = await findInvoicesByIds(tx, [id]);
    if (!row) throw new AppError("NOT_FOUND", { invoiceId: id }, "billing.errors.invoiceNotFound");
    if (row.status !== "draft") throw new AppError("CONFLICT", { reason: "not_draft" }, "billing.errors.deleteDraftOnly");
    await tx.invoice.delete({ where: { id } });
  });
}

/** Issues drafts: numbers, issue and due dates in the tenant's zone, events, credit applied. */
export async function issueInvoices(db: TenantDb, actor: UserActor, ids: string[]): Promise<{ issued: number }> {
  const billing = await tenantBilling(db);
  const { issued, customers } = await db.$transaction((tx) => issueInTx(tx, actor, ids, billing));
  const now = new Date();
  for (const customerId of customers) await db.$transaction((tx) => applyCredit(tx, { customerId, now }));
  return { issued };
}

async function issueInTx(tx: TenantTx, actor: UserActor, ids: string[], billing: TenantBilling) {
  await lockInvoices(tx, ids);
  const rows = await findInvoicesByIds(tx, ids);
  if (rows.length !== new Set(ids).size) throw new AppError("NOT_FOUND", { invoiceIds: ids }, "billing.errors.someInvoicesNotFound");
  const notDraft = rows.filter((r) => r.status !== "draft");
  if (notDraft.length) throw new AppError("CONFLICT", { reason: "not_draft", invoiceIds: notDraft.map((r) => r.id) }, "billing.errors.issueDraftOnly");
  const now = new Date();
  const today = localDate(now, billing.timezone);
  const year = Number(today.slice(0, 4));
  const dueDate = addDays(today, billing.invoiceDueDays);
  const events = [];
  for (const row of rows) {
    const number = await nextTenantNumber(tx, invoiceCounterKey(year));
    await tx.invoice.update({ where: { id: row.id }, data: { status: "issued", year, number, issueDate: toDbDate(today), dueDate: toDbDate(dueDate), issuedAt: now } });
    const invoiceNumber = formatInvoiceNumber(year, number);
    events.push(event(invoiceIssued, { invoiceId: row.id, customerId: row.customerId, invoiceNumber, totalIdr: row.totalIdr, dueDate }));
    await recordAudit(tx, actor, { action: "invoice.issued", target: { type: "invoice", id: row.id }, details: { number: invoiceNumber, totalIdr: row.totalIdr } });
  }
  await emitEvents(tx, events);
  return { issued: rows.length, customers: [...new Set(rows.map((r) => r.customerId))] };
}

/** Voids issued invoices that have no payments; restores customers whose arrears are gone. */
export async function voidInvoices(db: TenantDb, actor: UserActor, input: { ids: string[]; reason: string }): Promise<{ voided: number; restored: number }> {
  const { ids, reason } = input;
  return db.$transaction(async (tx) => {
    // Customers before invoices, the order payments lock in: no deadlock with a payment.
    const owners = [...new Set((await findInvoicesByIds(tx, ids)).map((r) => r.customerId))].sort();
    for (const customerId of owners) await lockCustomer(tx, customerId);
    await lockInvoices(tx, ids);
    const rows = await findInvoicesByIds(tx, ids);
    if (rows.length !== new Set(ids).size) throw new AppError("NOT_FOUND", { invoiceIds: ids }, "billing.errors.someInvoicesNotFound");
    const blocked = rows.filter((r) => r.status === "draft" || r.status === "void" || r.status === "paid" || r.paidIdr > 0);
    if (blocked.length) {
      throw new AppError(
        "CONFLICT",
        { reason: "not_voidable", invoiceIds: blocked.map((r) => r.id) },
        "billing.errors.notVoidable",
      );
    }
    const now = new Date();
    for (const row of rows) {
      await tx.invoice.update({ where: { id: row.id }, data: { status: "void", voidedAt: now, voidReason: reason } });
      await recordAudit(tx, actor, { action: "invoice.voided", target: { type: "invoice", id: row.id }, details: { number: invoiceNumberOf(row), reason } });
    }
    await supersedeStaleCharges(tx, ids);
    let restored = 0;
    for (const customerId of new Set(rows.map((r) => r.customerId))) {
      if (await restoreIfSettled(tx, { customerId, now })) restored++;
    }
    return { voided: rows.length, restored };
  });
}
