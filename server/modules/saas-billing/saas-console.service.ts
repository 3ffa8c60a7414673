// The console's view of RRNET's SaaS books: every tenant's SaaS invoices with this month's
// totals, one tenant's invoices, payments and standing, and issuing this month's invoices on
// demand. RRNET's own books only: nothing of the tenants' customers or staff. System code (the
// console's): the system handle for the ledger, a tenant's scoped handle for its own books.
import "server-only";
import type { OperatorActor } from "@/server/actor/actor";
import { forTenant } from "@/server/db";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import type { Logger } from "@/server/log/logger";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { listInvoices, listPayments } from "./saas-billing.repository";
import { findInvoicePage, findTenantRef, ledgerTotals } from "./saas-ledger.repository";
import { ZSaasInvoiceListInput, type TIssuingResult, type TSaasInvoiceListInput, type TSaasInvoicePage, type TTenantSaasBilling } from "./saas-billing.schema";
import { currentPeriod, toSaasInvoice } from "./saas-invoice.service";
import { issueSaasInvoices } from "./saas-sweep.service";
import { addDays, toDbDate } from "@/server/time/calendar-date";
import { toPaymentRecord } from "./saas-payment.service";
import { periodBounds, rrnetDate, rrnetStartOfDay } from "./saas-calendar";

export async function listSaasInvoices(db: SystemDb, input: TSaasInvoiceListInput, now: Date = new Date()): Promise<TSaasInvoicePage> {
  const { status, tenantId, page, pageSize } = ZSaasInvoiceListInput.parse(input);
  const period = currentPeriod(now);
  const { start, end } = periodBounds(period);
  const [{ rows, total }, totals] = await Promise.all([
    findInvoicePage(db, { status, tenantId }, (page - 1) * pageSize, pageSize),
    ledgerTotals(db, { periodStart: toDbDate(start), monthFrom: rrnetStartOfDay(start), monthTo: rrnetStartOfDay(addDays(end, 1)), today: toDbDate(rrnetDate(now)) }),
  ]);
  return {
    items: rows.map((row) => {
      const { lines: _lines, ...invoice } = toSaasInvoice(row);
      return { ...invoice, tenant: row.tenant };
    }),
    total,
    page,
    pageSize,
    totals: { period, ...totals },
  };
}

export async function getTenantSaasBilling(db: SystemDb, tenantId: string): Promise<TTenantSaasBilling> {
  const tenant = await findTenantRef(db, tenantId);
  if (!tenant) throw new AppError("NOT_FOUND", { tenantId }, "console.tenants.errors.notFound");
  const books = forTenant(tenantId);
  const [invoices, payments] = await Promise.all([listInvoices(books), listPayments(books)]);
  const shown = invoices.map(toSaasInvoice);
  return {
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    standing: tenant.saasStanding,
    standingAt: tenant.saasStandingAt?.toISOString() ?? null,
    outstandingIdr: shown.reduce((sum, i) => sum + (i.status === "issued" || i.status === "overdue" ? i.outstandingIdr : 0), 0),
    invoices: shown,
    payments: payments.map(toPaymentRecord),
  };
}

/**
 * The console's "issue now": this month's invoices for every billable tenant. `period` is the
 * month the operator's screen shows; a page left open across midnight on the 1st is refused
 * rather than billing a month the operator did not see.
 */
export async function runIssuingNow(db: SystemDb, actor: OperatorActor, input: { period: string; log?: Logger; now?: Date }): Promise<TIssuingResult> {
  const { period, log } = input;
  const now = input.now ?? new Date();
  const current = currentPeriod(now);
  if (period !== current) {
    throw new AppError("CONFLICT", { period, current }, "console.saas.errors.notCurrentMonth");
  }
  const result = await issueSaasInvoices(db, { period, now, log });
  await recordAudit(db, actor, {
    action: "saas.invoices_issued",
    details: { period, issued: result.issued, existing: result.existing, free: result.free, failed: result.failed.length },
  });
  return result;
}
