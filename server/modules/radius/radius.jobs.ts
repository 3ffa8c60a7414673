// RADIUS jobs: `radius.session_request` sends one CoA or Disconnect request to a router (see
// session-request.service); its last attempt records a timeout instead of failing.
import "server-only";
import { forTenant } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { SESSION_REQUEST_JOB, sendSessionRequest } from "./session-request.service";

export const sessionRequestJob = defineJob({
  ...SESSION_REQUEST_JOB,
  async handler({ tenantId, requestId }, ctx) {
    const result = await sendSessionRequest(forTenant(tenantId), requestId, { lastAttempt: ctx.attempt >= SESSION_REQUEST_JOB.options.attempts });
    ctx.log.info({ tenant_id: tenantId, request_id: requestId, ...result }, "RADIUS session request");
    return result;
  },
});

export const RADIUS_JOBS = [sessionRequestJob];
