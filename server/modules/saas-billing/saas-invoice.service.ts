// Monthly SaaS invoices: each tenant that is not archived gets one invoice per calendar month
// (RRNET's zone), a line for its plan and one per add-on × quantity, numbered RRN/<year>/<n>
// across RRNET without gaps. Idempotent per (tenant, period) by the unique constraint: running
// twice, or two workers at once, never writes a second invoice nor burns a number. The run
// over every tenant is saas-sweep.service.ts.
import "server-only";
import type { TenantDb } from "@/server/db";
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { env } from "@/server/config/env";
import { AppError } from "@/server/errors/app-error";
import {
  createInvoice,
  findBillingBasis,
  findInvoiceForPeriod,
  nextPlatformNumber,
  type SaasInvoiceRecord,
  type SaasPaymentRecord,
} from "./saas-billing.repository";
import { ZSaasInvoiceLine, type TSaasInvoice, type TSaasPayment } from "./saas-billing.schema";
import {
  formatSaasInvoiceNumber,
  invoiceDates,
  MAX_INVOICE_IDR,
  periodBounds,
  periodOf,
  rrnetDate,
  saasCounterKey,
  saasInvoiceLines,
} from "./saas-calendar";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";


export function toSaasInvoice(row: SaasInvoiceRecord): TSaasInvoice {
  const periodStart = fromDbDate(row.periodStart);
  return {
    id: row.id,
    number: formatSaasInvoiceNumber(row.year, row.number),
    period: periodOf(periodStart),
    periodStart,
    periodEnd: fromDbDate(row.periodEnd),
    issueDate: fromDbDate(row.issueDate),
    dueDate: fromDbDate(row.dueDate),
    status: row.status,
    lines: ZSaasInvoiceLine.array().parse(row.lines),
    totalIdr: row.totalIdr,
    paidIdr: row.paidIdr,
    outstandingIdr: row.status === "void" ? 0 : row.totalIdr - row.paidIdr,
    paidAt: row.paidAt?.toISOString() ?? null,
  };
}

export function toSaasPayment(row: SaasPaymentRecord): TSaasPayment {
  return {
    id: row.id,
    invoiceId: row.saasInvoiceId,
    invoiceNumber: formatSaasInvoiceNumber(row.invoice.year, row.invoice.number),
    method: row.method,
    amountIdr: row.amountIdr,
    reference: row.reference,
    receivedAt: row.receivedAt.toISOString(),
  };
}

export type IssueOutcome = { outcome: "issued" | "existing"; invoice: SaasInvoiceRecord } | { outcome: "free"; invoice: null };

/**
 * Issues the handle's tenant's invoice for `period` ("2026-05") unless it exists. `issueDate`
 * overrides the calendar rule (seed data); otherwise the 1st, or `today` when written later.
 */
export async function issueTenantInvoice(db: TenantDb, input: { period: string; today: string; issueDate?: string }): Promise<IssueOutcome> {
  const { period, today, issueDate } = input;
  const tenantId = db.tenantId;
  const { start, end } = periodBounds(period);
  const existing = await findInvoiceForPeriod(db, toDbDate(start));
  if (existing) return { outcome: "existing", invoice: existing };
  const dates = issueDate
    ? { issueDate, dueDate: invoiceDates(period, issueDate, env().SAAS_INVOICE_DUE_DAYS).dueDate }
    : invoiceDates(period, today, env().SAAS_INVOICE_DUE_DAYS);
  try {
    return await db.$transaction(async (tx): Promise<IssueOutcome> => {
      const basis = await findBillingBasis(tx);
      if (!basis) throw new AppError("NOT_FOUND", { tenantId }, "console.tenants.errors.notFound");
      const { lines, totalIdr } = saasInvoiceLines(
        { plan: basis.plan, addOns: basis.addOns.map((a) => ({ name: a.addOn.name, priceIdr: a.addOn.priceIdr, active: a.addOn.active, quantity: a.quantity })) },
        period,
        basis.defaultLocale,
      );
      if (totalIdr === 0) return { outcome: "free", invoice: null };
      if (totalIdr > MAX_INVOICE_IDR) throw new AppError("CONFLICT", { tenantId, totalIdr }, "console.saas.errors.invoiceTooLarge");
      const year = Number(dates.issueDate.slice(0, 4));
      const number = await nextPlatformNumber(tx, saasCounterKey(year));
      const invoice = await createInvoice(tx, {
        tenantId,
        year,
        number,
        periodStart: toDbDate(start),
        periodEnd: toDbDate(end),
        issueDate: toDbDate(dates.issueDate),
        dueDate: toDbDate(dates.dueDate),
        lines,
        totalIdr,
      });
      return { outcome: "issued", invoice };
    });
  } catch (error) {
    // Another run wrote this (tenant, period) first: its transaction (and number) won, ours rolled back.
    if (isUniqueViolation(error)) {
      const winner = await findInvoiceForPeriod(db, toDbDate(start));
      if (winner) return { outcome: "existing", invoice: winner };
    }
    throw error;
  }
}

/** The current month in RRNET's zone, "2026-05". */
export const currentPeriod = (now: Date = new Date()) => periodOf(rrnetDate(now));
