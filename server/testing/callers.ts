// Test callers: the real router and real procedures with a context as a signed-in user would
// have it (real session rows, so revocation and role changes behave as in production).
import { randomBytes } from "node:crypto";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import type { Role } from "@/server/db/generated/enums";
import { logger } from "@/server/log/logger";
import { createTenantSession, resolveTenantSession } from "@/server/modules/identity/session.service";
import { hashPassword } from "@/server/modules/identity/password.service";
import { nextExpiry } from "@/server/modules/identity/session.service";
import { resolvePlatformSession } from "@/server/modules/platform/platform-session.service";
import { createCaller } from "@/server/trpc/root";
import type { Context } from "@/server/trpc/context";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";

type TenantRow = { id: string; slug: string; name: string; status: string; timezone: string; requireTwoFactor: boolean; defaultLocale?: TenantSummary["defaultLocale"]; saasStanding?: TenantSummary["saasStanding"] };

export function summaryOf(tenant: TenantRow): TenantSummary {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    status: tenant.status === "suspended" ? "suspended" : "active",
    timezone: tenant.timezone,
    requireTwoFactor: tenant.requireTwoFactor,
    defaultLocale: tenant.defaultLocale ?? "id",
    saasStanding: tenant.saasStanding ?? "good",
  };
}

function baseContext(overrides: Partial<Context>): Context {
  const requestId = `test-${randomBytes(6).toString("hex")}`;
  return {
    requestId,
    log: logger().child({ request_id: requestId }),
    ip: "127.0.0.1",
    userAgent: "vitest",
    host: { kind: "unknown", host: null },
    tenant: null,
    session: null,
    db: null,
    locale: "id",
    ...overrides,
  };
}

/** A caller on the tenant's host with no one signed in. */
export function anonymousTenantCaller(tenant: TenantRow) {
  const summary = summaryOf(tenant);
  return createCaller(baseContext({ host: { kind: "tenant", tenant: summary }, tenant: summary, db: forTenant(tenant.id) }));
}

/** A caller on the tenant's host, signed in as `userId` (a fresh session row). */
export async function tenantCaller(tenant: TenantRow, userId: string) {
  const summary = summaryOf(tenant);
  const db = forTenant(tenant.id);
  const sessionId = await createTenantSession(db, { userId, ip: "127.0.0.1", userAgent: "vitest" });
  const session = await resolveTenantSession(db, { tenant: summary, sessionId });
  if (!session) throw new Error("test session did not resolve");
  const ctx = baseContext({ host: { kind: "tenant", tenant: summary }, tenant: summary, session, db });
  return { caller: createCaller(ctx), ctx, session, sessionId };
}

/** Adds a user with `role` to the tenant; returns it with a signed-in caller. */
export async function userWithRole(tenant: TenantRow, role: Role, password = "correct-horse-battery") {
  const slugPart = randomBytes(3).toString("hex");
  const user = await forTenant(tenant.id).user.create({
    data: { tenantId: tenant.id, email: `${role}-${slugPart}@${tenant.slug}.test`, name: `${role} ${slugPart}`, role, passwordHash: await hashPassword(password) },
  });
  return { user, ...(await tenantCaller(tenant, user.id)) };
}

/** A super admin (a new PlatformAdmin row) signed in on the admin host. */
export async function platformCaller() {
  const db = unsafeSystemDb();
  const admin = await db.platformAdmin.create({
    data: { email: `operator-${randomBytes(4).toString("hex")}@rrnet.test`, name: "Test Operator", passwordHash: await hashPassword("operator-password") },
  });
  const now = new Date();
  const row = await db.platformSession.create({ data: { adminId: admin.id, createdAt: now, expiresAt: nextExpiry(now) } });
  const session = await resolvePlatformSession(db, row.id);
  if (!session) throw new Error("test platform session did not resolve");
  return { admin, session, caller: createCaller(baseContext({ host: { kind: "admin" }, session })) };
}
