// A tenant's standing with RRNET, from its unpaid SaaS invoices: good; warned once one is past
// due; restricted (read-only) once one is more than SAAS_RESTRICT_AFTER_DAYS past due. Nothing
// is ever deleted or suspended. A move is written only from the standing read (two sweeps at
// once move and audit it once), pushed to every process's host cache (publishTenantChange:
// tRPC refuses or allows mutations within seconds) and audited in the tenant's and the platform
// log. The daily sweep over every tenant is saas-sweep.service.ts.
import "server-only";
import type { Actor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { env } from "@/server/config/env";
import type { SaasStanding } from "@/server/db/generated/enums";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { publishTenantChange } from "@/server/tenancy/tenant-directory";
import { findPastDueInvoices, findStanding, markOverdue, moveStanding } from "./saas-billing.repository";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import { rrnetDate, standingFor } from "./saas-calendar";

export type StandingChange = { tenantId: string; from: SaasStanding; to: SaasStanding };

/**
 * Reads the tenant's invoices and standing and moves the standing if they disagree (after a
 * payment: at once). `reason` goes to the audit log ("payment", "daily_run").
 */
export async function recomputeStanding(db: TenantDb, actor: Actor, input: { reason: string; now?: Date }): Promise<StandingChange | null> {
  const now = input.now ?? new Date();
  const today = rrnetDate(now);
  await markOverdue(db, toDbDate(today));
  const [current, pastDue] = await Promise.all([findStanding(db), findPastDueInvoices(db, toDbDate(today))]);
  if (!current) return null;
  const to = standingFor(pastDue[0] ? fromDbDate(pastDue[0].dueDate) : null, today, env().SAAS_RESTRICT_AFTER_DAYS);
  if (to === current.saasStanding) return null;
  const change = { tenantId: db.tenantId, from: current.saasStanding, to };
  if (!(await moveStanding(db, change.from, change.to, now))) return null;
  await publishTenantChange(db.tenantId);
  await recordAudit(db, actor, {
    action: "saas.standing_changed",
    target: { type: "tenant", id: db.tenantId },
    details: { from: change.from, to: change.to, reason: input.reason },
  });
  return change;
}

/** The tenant's standing once brought in line with its invoices now. */
export async function settleTenantStanding(db: TenantDb, actor: Actor, input: { reason: string; now?: Date }): Promise<SaasStanding> {
  const change = await recomputeStanding(db, actor, input);
  if (change) return change.to;
  return (await findStanding(db))?.saasStanding ?? "good";
}
