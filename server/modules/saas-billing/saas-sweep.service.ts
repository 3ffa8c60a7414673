// RRNET's daily runs over every tenant (system code: the system handle reads the ledger across
// tenants, each tenant's own work goes through its scoped handle): issue the month's missing
// invoices, then move standings that no longer match the invoices. `tenantIds` limits a run
// (tests, the seed).
import "server-only";
import { systemActor } from "@/server/actor/actor";
import { forTenant } from "@/server/db";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { env } from "@/server/config/env";
import { AppError } from "@/server/errors/app-error";
import type { Logger } from "@/server/log/logger";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import type { TIssuingResult } from "./saas-billing.schema";
import { rrnetDate, standingFor } from "./saas-calendar";
import { issueTenantInvoice } from "./saas-invoice.service";
import { findBillableTenantIds, findStandingCandidates, markOverdueInvoices, oldestPastDueByTenant } from "./saas-ledger.repository";
import { recomputeStanding, type StandingChange } from "./saas-standing.service";

/** Issues `period`'s invoices of every billable tenant. One tenant's failure is logged and reported; the others are still billed. */
export async function issueSaasInvoices(db: SystemDb, opts: { period: string; now?: Date; tenantIds?: readonly string[]; log?: Logger }): Promise<TIssuingResult> {
  const today = rrnetDate(opts.now ?? new Date());
  const result: TIssuingResult = { period: opts.period, issued: 0, existing: 0, free: 0, failed: [] };
  for (const tenantId of await findBillableTenantIds(db, opts.tenantIds)) {
    try {
      const { outcome } = await issueTenantInvoice(forTenant(tenantId), { period: opts.period, today });
      result[outcome] += 1;
    } catch (error) {
      const code = error instanceof AppError ? error.code : "INTERNAL";
      opts.log?.error({ tenant_id: tenantId, period: opts.period, code, error: error instanceof Error ? error.message : String(error) }, "saas invoice not issued");
      result.failed.push({ tenantId, code });
    }
  }
  return result;
}

/**
 * The daily sweep: unpaid invoices past due become overdue, and every tenant whose standing no
 * longer matches its invoices moves (either way).
 */
export async function refreshSaasStandings(db: SystemDb, opts: { now?: Date; tenantIds?: readonly string[] } = {}): Promise<{ overdueMarked: number; changes: StandingChange[] }> {
  const now = opts.now ?? new Date();
  const today = rrnetDate(now);
  const overdueMarked = await markOverdueInvoices(db, toDbDate(today), opts.tenantIds);
  const pastDue = await oldestPastDueByTenant(db, toDbDate(today), opts.tenantIds);
  const changes: StandingChange[] = [];
  for (const tenant of await findStandingCandidates(db, [...pastDue.keys()], opts.tenantIds)) {
    const oldest = pastDue.get(tenant.id);
    if (standingFor(oldest ? fromDbDate(oldest) : null, today, env().SAAS_RESTRICT_AFTER_DAYS) === tenant.saasStanding) continue;
    // Decided again from this tenant's invoices as they are now: a payment recorded since the
    // sweep's first read must not be overruled by it.
    const actor = systemActor("daily SaaS billing run", { tenantId: tenant.id });
    const change = await recomputeStanding(forTenant(tenant.id), actor, { reason: "daily_run", now });
    if (change) changes.push(change);
  }
  return { overdueMarked, changes };
}
