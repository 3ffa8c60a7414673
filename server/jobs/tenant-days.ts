// The fan-out of daily per-tenant work (billing days, payment reminders): a dispatcher scheduled
// hourly enqueues one job per active tenant and *local* date, with that as its job id, so each
// tenant's day runs once however often the dispatcher fires and starts soon after its midnight.
import "server-only";
import { z } from "zod";
import { unsafeListActiveTenants } from "@/server/tenancy/active-tenants";
import { localDate } from "@/server/time/calendar-date";
import type { JobDefinition } from "./define-job";
import { enqueueMany } from "./enqueue";

export const ZTenantDayPayload = z.object({ tenantId: z.uuid(), date: z.iso.date() });

/** Enqueues `job` for every active tenant's date today; job ids `<idPrefix>-<tenant>-<date>`. */
export async function enqueueTenantDays(job: JobDefinition<typeof ZTenantDayPayload>, idPrefix: string, now = new Date()): Promise<{ tenants: number }> {
  const tenants = await unsafeListActiveTenants();
  await enqueueMany(
    job,
    tenants.map((t) => {
      const date = localDate(now, t.timezone);
      return { payload: { tenantId: t.id, date }, jobId: `${idPrefix}-${t.id}-${date}` };
    }),
  );
  return { tenants: tenants.length };
}
