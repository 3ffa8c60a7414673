// Router jobs on the `default` queue. `routers.poll_all` runs every minute: it enqueues one
// `routers.poll` per router of every active tenant, with the router and the minute as job id,
// so a router is polled at most once a minute however often the dispatcher fires; each poll is
// its own job, so a slow or dead router holds up nobody else.
import "server-only";
import { z } from "zod";
import { forTenant } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { enqueueMany } from "@/server/jobs/enqueue";
import { unsafeListActiveTenants } from "@/server/tenancy/active-tenants";
import { pollRouter, routerIds } from "./router-health.service";
import { CONVERGE_JOB, convergeCustomer, enqueuePendingConverges, networkActor } from "./provisioning.service";
import { reconcileAllRouters } from "./drift.service";
import { checkRadiusConsistency } from "./radius-consistency.service";
import { enqueuePendingSessionRequests } from "@/server/modules/radius/session-request.service";

export const POLL_EVERY_MS = 60_000;

export const pollRouterJob = defineJob({
  name: "routers.poll",
  queue: "default",
  payload: z.object({ tenantId: z.uuid(), routerId: z.uuid() }),
  options: { attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } },
  async handler({ tenantId, routerId }, ctx) {
    const db = forTenant(tenantId);
    if (!(await routerIds(db)).includes(routerId)) return { skipped: "router removed" };
    const result = await pollRouter(db, routerId);
    ctx.log.info({ tenant_id: tenantId, router_id: routerId, ok: result.ok }, "router polled");
    return { ok: result.ok };
  },
});

export const pollAllRoutersJob = defineJob({
  name: "routers.poll_all",
  queue: "default",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } },
  async handler() {
    const minute = Math.floor(Date.now() / POLL_EVERY_MS);
    let routers = 0;
    for (const tenant of await unsafeListActiveTenants()) {
      const ids = await routerIds(forTenant(tenant.id));
      routers += ids.length;
      await enqueueMany(
        pollRouterJob,
        ids.map((routerId) => ({ payload: { tenantId: tenant.id, routerId }, jobId: `router-poll-${routerId}-${minute}` })),
      );
    }
    return { routers };
  },
});

/** One customer's router accounts brought to what they must be (see provisioning.service). */
export const convergeJob = defineJob({
  ...CONVERGE_JOB,
  async handler({ tenantId, customerId, reason }, ctx) {
    const result = await convergeCustomer(forTenant(tenantId), networkActor(tenantId), customerId);
    ctx.log.info({ tenant_id: tenantId, customer_id: customerId, reason, ...result }, "network converged");
    return result;
  },
});

export const SWEEP_EVERY_MS = 60_000;

/**
 * Every minute: accounts not applied yet are converged again (a job that ran out of retries, a
 * router that was down), and CoA / Disconnect requests whose enqueue was lost go out.
 */
export const networkSweepJob = defineJob({
  name: "network.sweep",
  queue: "default",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } },
  async handler() {
    let customers = 0;
    let sessionRequests = 0;
    for (const tenant of await unsafeListActiveTenants()) {
      const db = forTenant(tenant.id);
      customers += await enqueuePendingConverges(db);
      sessionRequests += await enqueuePendingSessionRequests(db);
    }
    return { customers, sessionRequests };
  },
});

export const RECONCILE_EVERY_MS = 15 * 60_000;

/**
 * Every 15 minutes: each router's drift report (read only); one router failing holds up no
 * other. RADIUS rows that differ from the accounts (edited by hand, a lost write) are repaired.
 */
export const reconcileAllJob = defineJob({
  name: "network.reconcile_all",
  queue: "default",
  payload: z.object({ source: z.enum(["schedule", "manual"]).default("manual") }),
  options: { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } },
  async handler(_payload, ctx) {
    let routers = 0;
    let radiusRepaired = 0;
    for (const tenant of await unsafeListActiveTenants()) {
      const db = forTenant(tenant.id);
      const results = await reconcileAllRouters(db, networkActor(tenant.id));
      routers += results.length;
      for (const r of results) if (!r.ok) ctx.log.warn({ tenant_id: tenant.id, router_id: r.routerId, error: r.error }, "router reconcile failed");
      const radius = await checkRadiusConsistency(db, { repair: true });
      radiusRepaired += radius.repaired;
      if (radius.differences.length) ctx.log.warn({ tenant_id: tenant.id, differences: radius.differences.slice(0, 20), repaired: radius.repaired }, "RADIUS rows differed from the accounts");
    }
    return { routers, radiusRepaired };
  },
});

export const ROUTER_JOBS = [pollAllRoutersJob, pollRouterJob, convergeJob, networkSweepJob, reconcileAllJob];
