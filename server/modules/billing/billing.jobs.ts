// Billing jobs on the `billing` queue. The worker schedules `billing.daily` every hour; it
// enqueues one `billing.tenant_day` per active tenant and local calendar date, with that as the
// job id, so each tenant's day runs once however often the dispatcher fires. The day's run
// issues the invoices due (generation is idempotent per subscription and period), then marks
// overdue invoices and isolates their customers.
import "server-only";
import { z } from "zod";
import { forTenant } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { enqueueTenantDays, ZTenantDayPayload } from "@/server/jobs/tenant-days";
import { generateInvoices } from "./invoice-generation.service";
import { markOverdueAndIsolate } from "./overdue.service";

export const tenantDayJob = defineJob({
  name: "billing.tenant_day",
  queue: "billing",
  payload: ZTenantDayPayload,
  // Completed ids are kept two days: a later dispatch of the same day is a no-op.
  options: { removeOnComplete: { age: 2 * 24 * 3600 } },
  async handler({ tenantId, date }, ctx) {
    const db = forTenant(tenantId);
    const generated = await generateInvoices(db, { runDate: date });
    const overdue = await markOverdueAndIsolate(db, { today: date });
    ctx.log.info({ tenant_id: tenantId, date, invoices: generated.created, overdue: overdue.overdue, isolated: overdue.isolated }, "billing day done");
    return { ...generated, ...overdue };
  },
});

export const dailyBillingJob = defineJob({
  name: "billing.daily",
  queue: "billing",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 3, removeOnComplete: { count: 50 }, removeOnFail: { count: 100 } },
  handler: () => enqueueTenantDays(tenantDayJob, "billing-day"),
});

export const BILLING_JOBS = [dailyBillingJob, tenantDayJob];
