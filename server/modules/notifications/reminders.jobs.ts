// Payment reminders: `notifications.reminders_daily` runs hourly and enqueues one
// `notifications.tenant_reminders` per active tenant and local date (that is its job id), so each
// tenant's reminders are written once a day however often the dispatcher fires; the messages
// themselves are keyed per invoice, recipient and day (outbound.service.ts queueDueReminders),
// so a repeated run sends nothing twice. They wait out quiet hours like any message.
import "server-only";
import { z } from "zod";
import { forTenant } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { enqueueTenantDays, ZTenantDayPayload } from "@/server/jobs/tenant-days";
import { queueDueReminders } from "./outbound.service";

export const tenantRemindersJob = defineJob({
  name: "notifications.tenant_reminders",
  queue: "notification",
  payload: ZTenantDayPayload,
  options: { removeOnComplete: { age: 2 * 24 * 3600 } },
  async handler({ tenantId, date }, ctx) {
    const result = await queueDueReminders(forTenant(tenantId), date);
    if (result.invoices > 0) ctx.log.info({ tenant_id: tenantId, date, ...result }, "payment reminders queued");
    return result;
  },
});

export const dailyRemindersJob = defineJob({
  name: "notifications.reminders_daily",
  queue: "notification",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 3, removeOnComplete: { count: 50 }, removeOnFail: { count: 100 } },
  handler: () => enqueueTenantDays(tenantRemindersJob, "wa-reminders"),
});

export const REMINDER_JOBS = [dailyRemindersJob, tenantRemindersJob];
