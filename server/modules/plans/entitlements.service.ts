// What a tenant may use: its plan's limits and features plus its add-ons. Cached in Redis
// (cache-aside, 5 min TTL) so requests do not read the catalog tables every time, and for a few
// seconds in each process (it is read on every API call); any change of plan, add-ons or
// catalog calls invalidateEntitlements(), which drops both everywhere. Redis down -> read through.
import "server-only";
import { z } from "zod";
import type { TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { logger } from "@/server/log/logger";
import { redis } from "@/server/redis/client";
import { onTenantChange, publishTenantChange } from "@/server/tenancy/tenant-directory";
import { FEATURE_CODES, type Feature, type LimitedResource } from "./features";

const TTL_S = 300;
const LOCAL_TTL_MS = 5_000;
const key = (tenantId: string) => `rrnet:tenant-entitlements:${tenantId}`;

type Local = Map<string, { value: Entitlements; expiresAt: number }>;
const holder = globalThis as unknown as { __rrnetEntitlements?: Local };
function local(): Local {
  if (!holder.__rrnetEntitlements) {
    const map: Local = new Map();
    holder.__rrnetEntitlements = map;
    onTenantChange((tenantId) => (tenantId ? map.delete(tenantId) : map.clear()));
  }
  return holder.__rrnetEntitlements;
}

export const ZEntitlements = z.object({
  planCode: z.string(),
  planName: z.string(),
  limits: z.object({ customers: z.number().int(), routers: z.number().int(), staff: z.number().int() }),
  features: z.array(z.enum(FEATURE_CODES as [Feature, ...Feature[]])),
  apiRateLimitPerMinute: z.number().int(),
});
export type Entitlements = z.infer<typeof ZEntitlements>;

async function load(db: TenantScope): Promise<Entitlements> {
  const tenant = await db.tenant.findFirst({ include: { plan: true, addOns: { include: { addOn: true } } } });
  if (!tenant) throw new AppError("TENANT_NOT_FOUND");
  const limits = { customers: tenant.plan.maxCustomers, routers: tenant.plan.maxRouters, staff: tenant.plan.maxStaff };
  const features = new Set(tenant.plan.features);
  for (const { addOn, quantity } of tenant.addOns) {
    if (!addOn.active) continue;
    limits.customers += addOn.extraCustomers * quantity;
    limits.routers += addOn.extraRouters * quantity;
    limits.staff += addOn.extraStaff * quantity;
    for (const f of addOn.features) features.add(f);
  }
  return {
    planCode: tenant.plan.code,
    planName: tenant.plan.name,
    limits,
    features: FEATURE_CODES.filter((f) => features.has(f)),
    apiRateLimitPerMinute: tenant.plan.apiRateLimitPerMinute,
  };
}

/** The entitlements of the handle's tenant. */
export async function getEntitlements(db: TenantScope): Promise<Entitlements> {
  const hit = local().get(db.tenantId);
  if (hit && hit.expiresAt > Date.now()) return hit.value;
  const value = await readShared(db);
  local().set(db.tenantId, { value, expiresAt: Date.now() + LOCAL_TTL_MS });
  return value;
}

async function readShared(db: TenantScope): Promise<Entitlements> {
  const tenantId = db.tenantId;
  try {
    const cached = await redis().get(key(tenantId));
    if (cached) {
      const parsed = ZEntitlements.safeParse(JSON.parse(cached));
      if (parsed.success) return parsed.data;
    }
  } catch (error) {
    logger().warn({ error: String(error) }, "entitlements cache unavailable: reading through");
    return load(db);
  }
  const fresh = await load(db);
  await redis().set(key(tenantId), JSON.stringify(fresh), "EX", TTL_S).catch(() => undefined);
  return fresh;
}

export async function invalidateEntitlements(...tenantIds: string[]): Promise<void> {
  if (!tenantIds.length) return;
  await redis().del(...tenantIds.map(key));
  await Promise.all(tenantIds.map((id) => publishTenantChange(id)));
}

/** Throws PLAN_LIMIT_EXCEEDED when creating one more `resource` would pass the limit. */
export async function assertWithinLimit(db: TenantScope, resource: LimitedResource, used: number): Promise<void> {
  const e = await getEntitlements(db);
  const limit = e.limits[resource];
  if (used + 1 > limit) throw new AppError("PLAN_LIMIT_EXCEEDED", { resource, limit, used, plan: e.planCode });
}

export async function assertFeature(db: TenantScope, feature: Feature): Promise<void> {
  const e = await getEntitlements(db);
  if (!e.features.includes(feature)) throw new AppError("FEATURE_NOT_IN_PLAN", { feature, plan: e.planCode });
}
