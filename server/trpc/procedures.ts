// Base procedures. Every procedure starts from one of these (all from publicProcedure, which
// refuses NUL bytes in any input string: PostgreSQL cannot store them in text), and each puts who is acting in
// `ctx.actor` (server/actor/actor.ts) and the database handle its callers may use in `ctx.db`:
//   publicProcedure              anyone, on any host (no actor, no handle)
//   tenantProcedure              an active tenant's host (public: what a sign-in page shows);
//                                actor: a visitor; db: the tenant's scoped handle
//   requireCapability(cap)       a signed-in user of this tenant whose role has `cap` in the
//                                permission table (server/modules/identity/capabilities.ts);
//                                every call counts against the user's share of the tenant's
//                                API rate limit (plan), calls that pass the gate against the
//                                tenant's too;
//                                actor: the user; db: the tenant's scoped handle
//   platformProcedure(cap)       a signed-in RRNET operator on admin.<ROOT_DOMAIN>;
//                                actor: the operator; db: the system handle (console code is
//                                system code: it reads across tenants, aggregates only)
//   .use(requireFeature(f))      the tenant's plan or add-ons include feature f
// A procedure passes them on: `service(ctx.db, ctx.actor, input)`.
// Refusals: TENANT_NOT_FOUND, TENANT_SUSPENDED, RATE_LIMITED, AUTH_REQUIRED,
// PASSWORD_CHANGE_REQUIRED, TWO_FACTOR_SETUP_REQUIRED, TENANT_READ_ONLY, FORBIDDEN (logged), FEATURE_NOT_IN_PLAN.
import "server-only";
import { operatorActor, userActor, visitorActor } from "@/server/actor/actor";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { fieldErrors } from "@/server/errors/field-errors";
import { can, type Capability, type PlatformCapability } from "@/server/modules/identity/capabilities";
import type { TenantSession } from "@/server/modules/identity/session.service";
import type { PlatformSession } from "@/server/modules/platform/platform-session.service";
import { consumeTenantQuota, consumeUserQuota } from "@/server/modules/plans/api-rate-limit.service";
import { assertFeature, getEntitlements } from "@/server/modules/plans/entitlements.service";
import type { Feature } from "@/server/modules/plans/features";
import { t, type ProcedureMeta } from "./init";
import { toAppError } from "./errors";
import { SpanKind } from "@opentelemetry/api";
import { recordFailure, withSpan } from "@/server/telemetry/span";

/**
 * Every procedure is one span ("trpc <path>") under its HTTP request's span; a refusal or
 * failure marks it with the error's stable code.
 */
const traced = t.middleware(({ ctx, path, type, next }) =>
  withSpan(`trpc ${path}`, { kind: SpanKind.INTERNAL, attributes: { "rpc.system": "trpc", "rpc.method": path, "rrnet.trpc.type": type, ...(ctx.tenant ? { "rrnet.tenant_id": ctx.tenant.id } : {}) } }, async (span) => {
    const result = await next();
    if (!result.ok) recordFailure(span, toAppError(result.error));
    return result;
  }),
);

const baseProcedure = t.procedure.use(traced);

/** Paths of the strings in `value` that contain a NUL byte ("tags.1"), as zod-like issues. */
function nulByteIssues(value: unknown, path: PropertyKey[] = [], found: { path: PropertyKey[]; code: "custom"; message: string }[] = []) {
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push({ path, code: "custom", message: "validation.nulByte" });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulByteIssues(item, [...path, i], found));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) nulByteIssues(item, [...path, key], found);
  }
  return found;
}

export const publicProcedure = baseProcedure.use(async ({ getRawInput, next }) => {
  const issues = nulByteIssues(await getRawInput());
  if (issues.length) {
    const error = new AppError("VALIDATION_FAILED", { fields: fieldErrors(issues) });
    error.issues = issues;
    throw error;
  }
  return next();
});

export const tenantProcedure = publicProcedure.use(({ ctx, next }) => {
  const { tenant, db } = ctx;
  if (!tenant || !db) throw new AppError("TENANT_NOT_FOUND", { host: ctx.host.kind });
  if (tenant.status === "suspended") throw new AppError("TENANT_SUSPENDED", { tenant: tenant.slug });
  return next({ ctx: { ...ctx, tenant, db, actor: visitorActor("visitor", { tenantId: tenant.id, requestId: ctx.requestId, ip: ctx.ip }) } });
});

/**
 * Whether a mutation stays open while RRNET has made the tenant read-only (unpaid SaaS invoice,
 * server/modules/saas-billing): the user's own account security (a leaked password must stay
 * changeable; signing out is next-auth's, outside tRPC), procedures marked allowWhenReadOnly,
 * and the ISP's subscribers (clients), who are not staff and keep paying their own bills.
 */
function openWhenReadOnly(role: TenantSession["role"], meta: ProcedureMeta | undefined): boolean {
  return role === "client" || meta?.capability === "account.security" || meta?.allowWhenReadOnly === true;
}

/**
 * A signed-in user of this tenant (any role). Prefer requireCapability(). The user's share of
 * the tenant's API quota is counted here, for signed-in calls only: anonymous visitors cannot
 * use it up; the tenant's own count comes after the permission gate (requireCapability). While
 * the tenant's SaaS standing is "restricted", its staff's mutations answer TENANT_READ_ONLY
 * (queries keep working); the standing comes with the cached tenant record, which every process
 * drops when it changes.
 */
export const tenantUserProcedure = tenantProcedure.use(async ({ ctx, meta, type, next }) => {
  const session = ctx.session;
  if (!session || session.kind !== "tenant" || session.tenantId !== ctx.tenant.id) throw new AppError("AUTH_REQUIRED");
  const entitlements = await getEntitlements(ctx.db);
  const apiRatePerMinute = entitlements.apiRateLimitPerMinute;
  await consumeUserQuota({ tenantId: ctx.tenant.id, userId: session.userId, tenantPerMinute: apiRatePerMinute });
  // The account's own security procedures (allowWithoutTwoFactor) are the way out of both.
  if (session.needsPasswordChange && !meta?.allowWithoutTwoFactor) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  if (session.needsTwoFactorSetup && !meta?.allowWithoutTwoFactor) throw new AppError("TWO_FACTOR_SETUP_REQUIRED");
  if (type === "mutation" && ctx.tenant.saasStanding === "restricted" && !openWhenReadOnly(session.role, meta)) {
    throw new AppError("TENANT_READ_ONLY", { tenant: ctx.tenant.slug, standing: "restricted" });
  }
  const actor = userActor(session, { requestId: ctx.requestId, ip: ctx.ip });
  return next({ ctx: { ...ctx, session: session as TenantSession, actor, apiRatePerMinute } });
});

export function requireCapability(capability: Capability) {
  return tenantUserProcedure.meta({ capability }).use(async ({ ctx, path, next }) => {
    if (!can(ctx.session.role, capability)) {
      ctx.log.warn({ path, role: ctx.session.role, capability }, "forbidden call");
      throw new AppError("FORBIDDEN", { capability });
    }
    await consumeTenantQuota({ tenantId: ctx.tenant.id, perMinute: ctx.apiRatePerMinute });
    return next();
  });
}

export function platformProcedure(capability: PlatformCapability) {
  return publicProcedure.meta({ capability }).use(({ ctx, meta, path, next }) => {
    if (ctx.host.kind !== "admin") throw new AppError("NOT_FOUND");
    const session = ctx.session;
    if (!session || session.kind !== "platform") throw new AppError("AUTH_REQUIRED");
    if (session.needsTwoFactorSetup && !meta?.allowWithoutTwoFactor) throw new AppError("TWO_FACTOR_SETUP_REQUIRED");
    if (!can("super_admin", capability)) {
      ctx.log.warn({ path, capability }, "forbidden call");
      throw new AppError("FORBIDDEN", { capability });
    }
    const actor = operatorActor(session, { requestId: ctx.requestId, ip: ctx.ip });
    return next({ ctx: { ...ctx, session: session as PlatformSession, actor, db: unsafeSystemDb() } });
  });
}

/** Middleware: the tenant's plan (with add-ons) must include `feature`. */
export function requireFeature(feature: Feature) {
  return t.middleware(async ({ ctx, next }) => {
    if (!ctx.db) throw new AppError("TENANT_NOT_FOUND");
    await assertFeature(ctx.db, feature);
    return next();
  });
}
