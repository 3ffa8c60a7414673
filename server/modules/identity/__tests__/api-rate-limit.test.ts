// The API rate limits (plans/api-rate-limit.service.ts, applied to signed-in calls): a plan
// allowing 3 calls a minute answers the 4th with RATE_LIMITED, over HTTP 429 + Retry-After.
// Anonymous calls (the sign-in page's tenant.current) do not use the tenant's budget. Each user
// has a share of it (issue 10 §4): one staff member cannot use up the tenant's minute, and calls
// refused for want of a capability count against their caller only.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { env } from "@/server/config/env";
import { sessionCookieName } from "@/server/auth/session-cookie";
import { invalidateEntitlements } from "@/server/modules/plans/entitlements.service";
import { anonymousTenantCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { closeConnections } from "@/server/testing/lifecycle";
import { userQuotaPerMinute } from "@/server/modules/plans/api-rate-limit.service";

const PER_MINUTE = 3;
const SHARED_PER_MINUTE = 80;
let planId: string;
let sharedPlanId: string;

async function ownerOnSmallPlan(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "owner", planId);
  await invalidateEntitlements(tenant.id);
  return { tenant, ...(await userWithRole(tenant, "owner")) };
}

beforeAll(async () => {
  const code = "test-rate-3";
  const data = { name: "Rate limit 3/min", priceIdr: 1_000, maxCustomers: 10, maxRouters: 1, maxStaff: 5, features: [], apiRateLimitPerMinute: PER_MINUTE };
  planId = (await unsafeSystemDb().plan.upsert({ where: { code }, create: { code, ...data }, update: data })).id;
  const shared = { ...data, name: "Rate limit 80/min", apiRateLimitPerMinute: SHARED_PER_MINUTE };
  sharedPlanId = (await unsafeSystemDb().plan.upsert({ where: { code: "test-rate-80" }, create: { code: "test-rate-80", ...shared }, update: shared })).id;
});
afterAll(closeConnections);

describe("per-tenant API rate limit", () => {
  it(`the ${PER_MINUTE + 1}th signed-in call within the minute answers RATE_LIMITED with the seconds to wait`, async () => {
    const { caller } = await ownerOnSmallPlan("rate-a");
    for (let i = 0; i < PER_MINUTE; i++) await caller.tenant.overview();
    const error = await failure(caller.tenant.overview());
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.details?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("anonymous calls do not use the tenant's budget", async () => {
    const { tenant, caller } = await ownerOnSmallPlan("rate-anon");
    const visitor = anonymousTenantCaller(tenant);
    for (let i = 0; i < 10 * PER_MINUTE; i++) await visitor.tenant.current();
    await expect(caller.tenant.overview()).resolves.toMatchObject({ tenant: { slug: tenant.slug } });
  });

  it("each tenant has its own budget: another tenant on the same plan is not slowed", async () => {
    const busy = await ownerOnSmallPlan("rate-busy");
    for (let i = 0; i < PER_MINUTE; i++) await busy.caller.tenant.overview();
    expect((await failure(busy.caller.tenant.overview())).code).toBe("RATE_LIMITED");
    const quiet = await ownerOnSmallPlan("rate-quiet");
    await expect(quiet.caller.tenant.overview()).resolves.toBeTruthy();
  });

  it("moving a tenant to the small plan applies its limit once the entitlements are invalidated", async () => {
    const { tenant } = await createTenantWithUser("rate-move"); // the generous test plan
    const { caller } = await userWithRole(tenant, "owner");
    await caller.tenant.overview(); // caches the generous entitlements
    await unsafeSystemDb().tenant.update({ where: { id: tenant.id }, data: { planId } });
    await invalidateEntitlements(tenant.id);
    for (let i = 0; i < PER_MINUTE; i++) await caller.tenant.overview();
    expect((await failure(caller.tenant.overview())).code).toBe("RATE_LIMITED");
  });

  it("over HTTP the refusal is 429 with a Retry-After header", async () => {
    const { tenant, sessionId } = await ownerOnSmallPlan("rate-http");
    const token = await encode({ token: { sid: sessionId, kind: "tenant", tid: tenant.id }, secret: env().AUTH_SECRET });
    const get = () =>
      handleTrpcRequest(
        new Request(`http://${tenant.slug}.localhost:3000/api/trpc/tenant.overview`, {
          headers: { host: `${tenant.slug}.localhost:3000`, cookie: `${sessionCookieName()}=${token}` },
        }),
      );
    for (let i = 0; i < PER_MINUTE; i++) expect((await get()).status).toBe(200);
    const res = await get();
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60).toBe(true);
    const body = (await res.json()) as { error: { code: string; details: { retryAfterSeconds: number } } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.details.retryAfterSeconds).toBe(retryAfter);
  });
});

describe("per-user share of the tenant's API budget", () => {
  const share = userQuotaPerMinute(SHARED_PER_MINUTE);

  async function tenantOnSharedPlan(prefix: string) {
    const { tenant } = await createTenantWithUser(prefix, "owner", sharedPlanId);
    await invalidateEntitlements(tenant.id);
    return tenant;
  }

  it("a user's share is a quarter of the tenant's minute, at least one full batch, never more than the tenant's", () => {
    expect(share).toBe(20);
    expect(userQuotaPerMinute(3)).toBe(3);
    expect(userQuotaPerMinute(600)).toBe(150);
  });

  it("one staff user who uses up their share is refused; the tenant's other users are not slowed", async () => {
    const tenant = await tenantOnSharedPlan("rate-share");
    const busy = await userWithRole(tenant, "admin");
    const other = await userWithRole(tenant, "owner");
    for (let i = 0; i < share; i++) await busy.caller.tenant.overview();
    const refused = await failure(busy.caller.tenant.overview());
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.details).toMatchObject({ scope: "user" });
    await expect(other.caller.tenant.overview()).resolves.toBeTruthy();
  });

  it("calls refused for want of a capability count against their caller only, not the tenant", async () => {
    const tenant = await tenantOnSharedPlan("rate-forbidden");
    const collector = await userWithRole(tenant, "collector");
    // The collector may not read staff: a flood of refused calls, past their own share.
    for (let i = 0; i < share; i++) expect((await failure(collector.caller.staff.list())).code).toBe("FORBIDDEN");
    expect((await failure(collector.caller.staff.list())).code).toBe("RATE_LIMITED");
    // None of them used the tenant's minute: three other users can still spend their whole
    // share (60 of the tenant's 80; with the 21 refused calls counted it would be 81).
    for (const role of ["owner", "admin", "finance"] as const) {
      const user = await userWithRole(tenant, role);
      for (let i = 0; i < share; i++) await user.caller.tenant.overview();
    }
  });
});
