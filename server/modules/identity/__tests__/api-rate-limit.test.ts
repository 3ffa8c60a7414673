// The per-tenant API rate limit (plans/api-rate-limit.ts, applied by tenantProcedure): a plan
// allowing 3 calls a minute answers the 4th with RATE_LIMITED, over HTTP 429 + Retry-After.
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { invalidateEntitlements } from "@/server/modules/plans/entitlements.service";
import { anonymousTenantCaller } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { toAppError } from "@/server/trpc/errors";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { closeConnections } from "@/server/testing/lifecycle";

const PER_MINUTE = 3;
let planId: string;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof TRPCError) return toAppError(error);
  if (error instanceof AppError) return error;
  throw new Error(`expected a refusal, got ${String(error)}`);
}

async function tenantOnSmallPlan(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "owner", planId);
  await invalidateEntitlements(tenant.id);
  return tenant;
}

beforeAll(async () => {
  const code = "test-rate-3";
  const data = { name: "Rate limit 3/min", priceIdr: 1_000, maxCustomers: 10, maxRouters: 1, maxStaff: 5, features: [], apiRateLimitPerMinute: PER_MINUTE };
  planId = (await unsafeSystemDb().plan.upsert({ where: { code }, create: { code, ...data }, update: data })).id;
});
afterAll(closeConnections);

describe("per-tenant API rate limit", () => {
  it(`the ${PER_MINUTE + 1}th tenant call within the minute answers RATE_LIMITED with the seconds to wait`, async () => {
    const tenant = await tenantOnSmallPlan("rate-a");
    const caller = anonymousTenantCaller(tenant);
    for (let i = 0; i < PER_MINUTE; i++) await expect(caller.tenant.current()).resolves.toMatchObject({ slug: tenant.slug });
    const error = await refusal(caller.tenant.current());
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.details?.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("each tenant has its own budget: another tenant on the same plan is not slowed", async () => {
    const busy = anonymousTenantCaller(await tenantOnSmallPlan("rate-busy"));
    for (let i = 0; i < PER_MINUTE; i++) await busy.tenant.current();
    expect((await refusal(busy.tenant.current())).code).toBe("RATE_LIMITED");
    const other = await tenantOnSmallPlan("rate-quiet");
    await expect(anonymousTenantCaller(other).tenant.current()).resolves.toMatchObject({ slug: other.slug });
  });

  it("moving a tenant to the small plan applies its limit once the entitlements are invalidated", async () => {
    const { tenant } = await createTenantWithUser("rate-move"); // the generous test plan
    const caller = anonymousTenantCaller(tenant);
    await caller.tenant.current(); // caches the generous entitlements
    await unsafeSystemDb().tenant.update({ where: { id: tenant.id }, data: { planId } });
    await invalidateEntitlements(tenant.id);
    for (let i = 0; i < PER_MINUTE; i++) await caller.tenant.current();
    expect((await refusal(caller.tenant.current())).code).toBe("RATE_LIMITED");
  });

  it("over HTTP the refusal is 429 with a Retry-After header", async () => {
    const tenant = await tenantOnSmallPlan("rate-http");
    const get = () =>
      handleTrpcRequest(
        new Request(`http://${tenant.slug}.localhost:3000/api/trpc/tenant.current`, {
          headers: { host: `${tenant.slug}.localhost:3000`, "x-request-id": `rate-${randomBytes(6).toString("hex")}` },
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
