// RADIUS jobs: `radius.session_request` sends one CoA or Disconnect request to a router (see
// session-request.service); its last attempt records a timeout instead of failing.
// `radius.fold_usage` runs every minute and folds accounting into each tenant's usage days.
import "server-only";
import { z } from "zod";
import { forTenant } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { unsafeListActiveTenants } from "@/server/tenancy/active-tenants";
import { foldUsage } from "./usage.service";
import { SESSION_REQUEST_JOB, sendSessionRequest } from "./session-request.service";

export const sessionRequestJob = defineJob({
  ...SESSION_REQUEST_JOB,
  async handler({ tenantId, requestId }, ctx) {
    const result = await sendSessionRequest(forTenant(tenantId), requestId, { lastAttempt: ctx.attempt >= SESSION_REQUEST_JOB.options.attempts });
    ctx.log.info({ tenant_id: tenantId, request_id: requestId, ...result }, "RADIUS session request");
    return result;
  },
});

export const FOLD_USAGE_EVERY_MS = 60_000;

export const foldUsageJob = defineJob({
  name: "radius.fold_usage",
  queue: "default",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } },
  async handler() {
    let sessions = 0;
    for (const tenant of await unsafeListActiveTenants()) sessions += await foldUsage(forTenant(tenant.id), tenant.timezone);
    return { sessions };
  },
});

export const RADIUS_JOBS = [sessionRequestJob, foldUsageJob];
