// Tenant user sessions. The session cookie (a next-auth JWT) carries only the session id; the
// row decides: revoked, expired, user deactivated or password changed since -> no session, on
// the very next request. Sessions slide: each use extends them up to an absolute maximum.
import type { TenantDb } from "@/server/db";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import type { TenantRole } from "./capabilities";

export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 30 * 24 * 3600_000;
const TOUCH_EVERY_MS = 5 * 60_000;

export type TenantSession = {
  kind: "tenant";
  sessionId: string;
  tenantId: string;
  userId: string;
  role: TenantRole;
  email: string;
  name: string;
  twoFactorEnabled: boolean;
  /** The tenant requires 2FA and this staff user has not set it up: only security pages work. */
  needsTwoFactorSetup: boolean;
};

export function nextExpiry(createdAt: Date, now = Date.now()): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_MAX_MS, now + SESSION_IDLE_MS));
}

export async function createTenantSession(db: TenantDb, input: { tenantId: string; userId: string; ip: string | null; userAgent: string | null }): Promise<string> {
  const now = new Date();
  const row = await db.userSession.create({
    data: { tenantId: input.tenantId, userId: input.userId, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null, createdAt: now, expiresAt: nextExpiry(now) },
    select: { id: true },
  });
  return row.id;
}

type SessionRow = {
  id: string;
  tenantId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  user: { id: string; role: string; email: string; name: string; active: boolean; passwordChangedAt: Date; totpEnabledAt: Date | null };
};

/**
 * The session with its user in one statement. Raw SQL because this runs on every request and
 * the ORM's query planning is the larger part of its cost; tenantId is the first condition.
 */
async function findSessionRow(db: TenantDb, tenantId: string, sessionId: string): Promise<SessionRow | null> {
  const rows = await db.$queryRaw<(Omit<SessionRow, "user"> & { [K in keyof SessionRow["user"] as `u_${K}`]: SessionRow["user"][K] })[]>`
    SELECT s.id::text AS id, s."tenantId"::text AS "tenantId", s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt",
           u.id::text AS u_id, u.role::text AS u_role, u.email AS u_email, u.name AS u_name, u.active AS u_active,
           u."passwordChangedAt" AS "u_passwordChangedAt", u."totpEnabledAt" AS "u_totpEnabledAt"
    FROM "UserSession" s
    JOIN "User" u ON u."tenantId" = s."tenantId" AND u.id = s."userId"
    WHERE s."tenantId" = ${tenantId}::uuid AND s.id = ${sessionId}::uuid`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    tenantId: r.tenantId,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    user: { id: r.u_id, role: r.u_role, email: r.u_email, name: r.u_name, active: r.u_active, passwordChangedAt: r.u_passwordChangedAt, totpEnabledAt: r.u_totpEnabledAt },
  };
}

export async function resolveTenantSession(db: TenantDb, tenant: TenantSummary, sessionId: string): Promise<TenantSession | null> {
  const row = await findSessionRow(db, tenant.id, sessionId);
  const now = Date.now();
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now) return null;
  const { user } = row;
  if (!user.active || row.createdAt < user.passwordChangedAt) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now), expiresAt: nextExpiry(row.createdAt, now) } });
  }
  const role = user.role as TenantRole;
  return {
    kind: "tenant",
    sessionId: row.id,
    tenantId: row.tenantId,
    userId: user.id,
    role,
    email: user.email,
    name: user.name,
    twoFactorEnabled: user.totpEnabledAt !== null,
    needsTwoFactorSetup: tenant.requireTwoFactor && role !== "client" && user.totpEnabledAt === null,
  };
}

/** Revokes one session; returns whose it was, or null if it was already ended. */
export async function revokeSession(db: TenantDb, sessionId: string): Promise<{ userId: string; email: string } | null> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) return null;
  const row = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, user: { select: { email: true } } } });
  return row ? { userId: row.userId, email: row.user.email } : null;
}

/** Ends every session of a user (sign out everywhere, deactivation), optionally but one. */
export async function revokeUserSessions(db: TenantDb, userId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { NOT: { id: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
