// A tenant's standing with RRNET, from its unpaid SaaS invoices: good; warned once one is past
// due; restricted (read-only) once one is more than SAAS_RESTRICT_AFTER_DAYS past due. Nothing
// is ever deleted or suspended. A move is written only from the standing read (two sweeps at
// once move and audit it once), pushed to every process's host cache (publishTenantChange:
// tRPC refuses or allows mutations within seconds) and audited in the tenant's and the platform log.
import { forTenant } from "@/server/db";
import { env } from "@/server/config/env";
import type { SaasStanding } from "@/server/db/generated/enums";
import type { AuditActor } from "@/server/modules/audit/audit.service";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { publishTenantChange } from "@/server/tenancy/tenant-directory";
import { findPastDueInvoices, findStanding, markOverdue } from "./saas-billing.repository";
import { findStandingCandidates, markOverdueInvoices, moveStanding, oldestPastDueByTenant } from "./saas-ledger.repository";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import { rrnetDate, standingFor } from "./saas-calendar";

export type StandingChange = { tenantId: string; from: SaasStanding; to: SaasStanding };

async function applyStanding(change: StandingChange, at: Date, actor: AuditActor, reason: string): Promise<boolean> {
  if (!(await moveStanding(change.tenantId, change.from, change.to, at))) return false;
  await publishTenantChange(change.tenantId);
  await recordAudit(forTenant(change.tenantId), change.tenantId, {
    action: "saas.standing_changed",
    actor,
    target: { type: "tenant", id: change.tenantId },
    details: { from: change.from, to: change.to, reason },
  });
  return true;
}

/**
 * The daily sweep: unpaid invoices past due become overdue, and every tenant whose standing no
 * longer matches its invoices moves (either way). `tenantIds` limits it (tests).
 */
export async function refreshSaasStandings(opts: { now?: Date; tenantIds?: readonly string[] } = {}): Promise<{ overdueMarked: number; changes: StandingChange[] }> {
  const now = opts.now ?? new Date();
  const today = rrnetDate(now);
  const overdueMarked = await markOverdueInvoices(toDbDate(today), opts.tenantIds);
  const pastDue = await oldestPastDueByTenant(toDbDate(today), opts.tenantIds);
  const changes: StandingChange[] = [];
  for (const tenant of await findStandingCandidates([...pastDue.keys()], opts.tenantIds)) {
    const oldest = pastDue.get(tenant.id);
    if (standingFor(oldest ? fromDbDate(oldest) : null, today, env().SAAS_RESTRICT_AFTER_DAYS) === tenant.saasStanding) continue;
    // Decided again from this tenant's invoices as they are now: a payment recorded since the
    // sweep's first read must not be overruled by it.
    const change = await recomputeStanding(tenant.id, now, { type: "system", label: "daily SaaS billing run" }, "daily_run");
    if (change) changes.push(change);
  }
  return { overdueMarked, changes };
}

/** One tenant's standing, brought in line with its invoices now (after a payment: at once). */
export async function settleTenantStanding(tenantId: string, opts: { now?: Date; actor: AuditActor; reason: string }): Promise<SaasStanding> {
  const now = opts.now ?? new Date();
  const change = await recomputeStanding(tenantId, now, opts.actor, opts.reason);
  if (change) return change.to;
  return (await findStanding(forTenant(tenantId)))?.saasStanding ?? "good";
}

/** Reads one tenant's invoices and standing and moves the standing if they disagree. */
async function recomputeStanding(tenantId: string, now: Date, actor: AuditActor, reason: string): Promise<StandingChange | null> {
  const today = rrnetDate(now);
  const db = forTenant(tenantId);
  await markOverdue(db, toDbDate(today));
  const [current, pastDue] = await Promise.all([findStanding(db), findPastDueInvoices(db, toDbDate(today))]);
  if (!current) return null;
  const to = standingFor(pastDue[0] ? fromDbDate(pastDue[0].dueDate) : null, today, env().SAAS_RESTRICT_AFTER_DAYS);
  if (to === current.saasStanding) return null;
  const change = { tenantId, from: current.saasStanding, to };
  return (await applyStanding(change, now, actor, reason)) ? change : null;
}
