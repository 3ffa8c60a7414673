// Prisma queries of invoices (tenant-scoped handle or a transaction on it).
import "server-only";
import type { TenantDb, TenantTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { InvoiceStatus } from "@/server/db/generated/enums";
import { containsText } from "@/server/db/text-search";

type Db = TenantDb | TenantTx;

export const INVOICE_ROW_SELECT = {
  id: true,
  year: true,
  number: true,
  kind: true,
  status: true,
  customerId: true,
  periodStart: true,
  periodEnd: true,
  issueDate: true,
  dueDate: true,
  totalIdr: true,
  paidIdr: true,
  createdAt: true,
  customer: { select: { name: true, number: true } },
} as const;

export const INVOICE_DETAIL_SELECT = {
  ...INVOICE_ROW_SELECT,
  subtotalIdr: true,
  discountIdr: true,
  taxMode: true,
  taxRateBp: true,
  taxIdr: true,
  notes: true,
  issuedAt: true,
  paidAt: true,
  voidedAt: true,
  voidReason: true,
  customer: { select: { id: true, name: true, number: true, phone: true, address: true } },
  lines: { orderBy: { position: "asc" }, select: { id: true, position: true, description: true, quantity: true, unitPriceIdr: true, discountIdr: true, amountIdr: true, taxable: true } },
  allocations: {
    orderBy: { createdAt: "asc" },
    select: { amountIdr: true, payment: { select: { id: true, year: true, number: true, method: true, receivedAt: true } } },
  },
} as const;

export type InvoiceRowRecord = Prisma.InvoiceGetPayload<{ select: typeof INVOICE_ROW_SELECT }>;
export type InvoiceDetailRecord = Prisma.InvoiceGetPayload<{ select: typeof INVOICE_DETAIL_SELECT }>;

export type InvoiceSearch = {
  status?: InvoiceStatus;
  issuedFrom?: Date;
  issuedTo?: Date;
  customerId?: string;
  /** A parsed invoice number, or free text matched against the customer's name. */
  number?: { year: number | null; number: number };
  customerName?: string;
  customerNumber?: number;
};

function searchWhere(s: InvoiceSearch): Prisma.InvoiceWhereInput {
  const and: Prisma.InvoiceWhereInput[] = [];
  if (s.status) and.push({ status: s.status });
  if (s.issuedFrom && s.issuedTo) and.push({ issueDate: { gte: s.issuedFrom, lte: s.issuedTo } });
  if (s.customerId) and.push({ customerId: s.customerId });
  const or: Prisma.InvoiceWhereInput[] = [];
  if (s.number) or.push(s.number.year === null ? { number: s.number.number } : { year: s.number.year, number: s.number.number });
  if (s.customerNumber) or.push({ customer: { number: s.customerNumber } });
  if (s.customerName) or.push({ customer: { name: containsText(s.customerName) } });
  if (or.length) and.push({ OR: or });
  return { AND: and };
}

export function findInvoicePage(db: Db, search: InvoiceSearch, after: { createdAt: Date; id: string } | null, take: number): Promise<InvoiceRowRecord[]> {
  const where = searchWhere(search);
  const keyset: Prisma.InvoiceWhereInput | null = after
    ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
    : null;
  return db.invoice.findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: INVOICE_ROW_SELECT,
  });
}

/** A customer's invoices in the given statuses, newest first (bounded: a cashier's or portal view). */
export function findCustomerInvoices(db: Db, customerId: string, statuses: InvoiceStatus[]): Promise<InvoiceRowRecord[]> {
  return db.invoice.findMany({
    where: { customerId, status: { in: statuses } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: INVOICE_ROW_SELECT,
  });
}

export function findInvoiceDetail(db: Db, id: string): Promise<InvoiceDetailRecord | null> {
  return db.invoice.findFirst({ where: { id }, select: INVOICE_DETAIL_SELECT });
}

export function findInvoicesByIds(db: Db, ids: string[]) {
  return db.invoice.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, customerId: true, paidIdr: true, year: true, number: true, totalIdr: true } });
}

/** Locks invoices for a status change (tenantId first, as every raw statement). */
export async function lockInvoices(tx: TenantTx, ids: string[]): Promise<void> {
  const tenantId = tx.tenantId;
  await tx.$queryRaw`SELECT id FROM "Invoice" WHERE "tenantId" = ${tenantId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
}

/** Open invoices (issued or part paid) due on a calendar date, for payment reminders. */
export function findOpenInvoicesDueOn(db: Db, dueDate: Date): Promise<InvoiceRowRecord[]> {
  return db.invoice.findMany({ where: { dueDate, status: { in: ["issued", "partially_paid"] } }, orderBy: { id: "asc" }, select: INVOICE_ROW_SELECT });
}
