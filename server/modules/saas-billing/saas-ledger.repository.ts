// RRNET's SaaS ledger across tenants (system code: the system handle, like the platform module;
// .dependency-cruiser.cjs lists the saas-billing files that are system code). Which tenants are billed, the console's
// invoice list and totals, standing sweeps. Selects only RRNET's own books and tenant facts:
// never anything of a tenant's customers or staff.
import "server-only";
import type { Prisma } from "@/server/db/generated/client";
import type { SaasInvoiceStatus, SaasStanding } from "@/server/db/generated/enums";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { INVOICE_SELECT, type SaasInvoiceRecord } from "./saas-billing.repository";

const onlyTenants = (tenantIds: readonly string[] | undefined) => (tenantIds ? { id: { in: [...tenantIds] } } : {});
const onlyTenantRows = (tenantIds: readonly string[] | undefined) => (tenantIds ? { tenantId: { in: [...tenantIds] } } : {});

/** Tenants RRNET bills: every one that is not archived (suspended ones still owe). */
export async function findBillableTenantIds(db: SystemDb, tenantIds?: readonly string[]): Promise<string[]> {
  const rows = await db.tenant.findMany({
    where: { status: { not: "archived" }, ...onlyTenants(tenantIds) },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}

export function findTenantRef(db: SystemDb, tenantId: string) {
  return db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, name: true, saasStanding: true, saasStandingAt: true } });
}

/** Which tenant an invoice belongs to (the console addresses invoices by id alone). */
export function findInvoiceTenant(db: SystemDb, invoiceId: string): Promise<{ tenantId: string } | null> {
  return db.saasInvoice.findUnique({ where: { id: invoiceId }, select: { tenantId: true } });
}

/** Idempotency keys are unique across RRNET. */
export function findPaymentByKey(db: SystemDb, idempotencyKey: string) {
  return db.saasPayment.findUnique({
    where: { idempotencyKey },
    select: { id: true, tenantId: true, saasInvoiceId: true, amountIdr: true, method: true },
  });
}

/** Unpaid invoices past their due date become overdue. */
export async function markOverdueInvoices(db: SystemDb, today: Date, tenantIds?: readonly string[]): Promise<number> {
  const { count } = await db.saasInvoice.updateMany({
    where: { status: "issued", dueDate: { lt: today }, ...onlyTenantRows(tenantIds) },
    data: { status: "overdue" },
  });
  return count;
}

/** Per tenant, the due date of its oldest unpaid invoice that is past due. */
export async function oldestPastDueByTenant(db: SystemDb, today: Date, tenantIds?: readonly string[]): Promise<Map<string, Date>> {
  const rows = await db.saasInvoice.groupBy({
    by: ["tenantId"],
    where: { status: { in: ["issued", "overdue"] }, dueDate: { lt: today }, ...onlyTenantRows(tenantIds) },
    _min: { dueDate: true },
  });
  return new Map(rows.map((r) => [r.tenantId, r._min.dueDate!]));
}

/** Tenants whose standing may have to move: those with past-due invoices and those not good. */
export function findStandingCandidates(db: SystemDb, ids: readonly string[], tenantIds?: readonly string[]) {
  return db.tenant.findMany({
    where: { OR: [{ id: { in: [...ids] } }, { saasStanding: { not: "good" } }], ...onlyTenants(tenantIds) },
    select: { id: true, saasStanding: true },
  });
}

export type LedgerFilter = { status?: SaasInvoiceStatus; tenantId?: string };

const LIST_SELECT = { ...INVOICE_SELECT, tenant: { select: { id: true, slug: true, name: true, saasStanding: true } } } as const;
export type LedgerRow = SaasInvoiceRecord & { tenant: { id: string; slug: string; name: string; saasStanding: SaasStanding } };

export async function findInvoicePage(db: SystemDb, filter: LedgerFilter, skip: number, take: number): Promise<{ rows: LedgerRow[]; total: number }> {
  const where: Prisma.SaasInvoiceWhereInput = { ...(filter.status ? { status: filter.status } : {}), ...(filter.tenantId ? { tenantId: filter.tenantId } : {}) };
  const [rows, total] = await Promise.all([
    db.saasInvoice.findMany({ where, select: LIST_SELECT, orderBy: [{ issueDate: "desc" }, { year: "desc" }, { number: "desc" }], skip, take }),
    db.saasInvoice.count({ where }),
  ]);
  return { rows, total };
}

/** RRNET's month: billed (that period's invoices), collected (payments received in it), outstanding now. */
export async function ledgerTotals(db: SystemDb, q: { periodStart: Date; monthFrom: Date; monthTo: Date; today: Date }) {
  const [billed, collected, outstanding, overdue] = await Promise.all([
    db.saasInvoice.aggregate({ where: { periodStart: q.periodStart, status: { not: "void" } }, _sum: { totalIdr: true } }),
    db.saasPayment.aggregate({ where: { receivedAt: { gte: q.monthFrom, lt: q.monthTo } }, _sum: { amountIdr: true } }),
    db.saasInvoice.aggregate({ where: { status: { in: ["issued", "overdue"] } }, _sum: { totalIdr: true, paidIdr: true } }),
    db.saasInvoice.aggregate({ where: { status: { in: ["issued", "overdue"] }, dueDate: { lt: q.today } }, _sum: { totalIdr: true, paidIdr: true } }),
  ]);
  const unpaid = (s: { totalIdr: number | null; paidIdr: number | null }) => (s.totalIdr ?? 0) - (s.paidIdr ?? 0);
  return {
    billedIdr: billed._sum.totalIdr ?? 0,
    collectedIdr: collected._sum.amountIdr ?? 0,
    outstandingIdr: unpaid(outstanding._sum),
    overdueIdr: unpaid(overdue._sum),
  };
}
