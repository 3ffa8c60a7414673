// SaaS billing's job on the `billing` queue. The worker runs it daily just after midnight in
// RRNET's zone (SAAS_BILLING_SCHEDULE): it issues the current month's invoices that are missing
// (on the 1st: all of them) and moves tenants' standings (overdue -> warned -> restricted, paid ->
// good). Both steps are idempotent, so a retry or a second run changes nothing.
import "server-only";
import { z } from "zod";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { defineJob } from "@/server/jobs/define-job";
import { currentPeriod } from "./saas-invoice.service";
import { issueSaasInvoices, refreshSaasStandings } from "./saas-sweep.service";
import { RRNET_TIME_ZONE } from "./saas-calendar";

/** 00:10 every day, Asia/Jakarta. */
export const SAAS_BILLING_SCHEDULE = { pattern: "10 0 * * *", tz: RRNET_TIME_ZONE } as const;

export const saasBillingDailyJob = defineJob({
  name: "saas-billing.daily",
  queue: "billing",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 5, backoff: { type: "exponential", delay: 30_000 }, removeOnComplete: { count: 60 }, removeOnFail: { count: 100 } },
  async handler(_payload, ctx) {
    const now = new Date();
    // A run over every tenant: system code with the system handle.
    const db = unsafeSystemDb();
    const issuing = await issueSaasInvoices(db, { period: currentPeriod(now), now, log: ctx.log });
    const standings = await refreshSaasStandings(db, { now });
    const summary = { ...issuing, failed: issuing.failed.length, overdueMarked: standings.overdueMarked, standingChanges: standings.changes.length };
    ctx.log.info(summary, "saas billing day done");
    // A tenant that could not be billed is retried with the whole (idempotent) run.
    if (issuing.failed.length > 0) throw new Error(`SaaS invoices not issued for ${issuing.failed.length} tenant(s)`);
    return summary;
  },
});

export const SAAS_BILLING_JOBS = [saasBillingDailyJob];
