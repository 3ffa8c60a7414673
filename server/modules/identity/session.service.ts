// Tenant user sessions. The session cookie (a next-auth JWT) carries only the session id; the
// row decides: revoked, expired, user deactivated or password changed since -> no session, on
// the very next request. Sessions slide: each use extends them up to an absolute maximum.
import "server-only";
import type { Locale } from "@/i18n/locales";
import type { TenantDb } from "@/server/db";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import type { TenantRole } from "./capabilities";
import { findSessionWithUser } from "./session.repository";

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
  /** Signed in with a password someone else generated: only security pages work until they set their own. */
  needsPasswordChange: boolean;
  /** The user's own language; null follows the tenant's default. */
  locale: Locale | null;
};

export function nextExpiry(createdAt: Date, now = Date.now()): Date {
  return new Date(Math.min(createdAt.getTime() + SESSION_MAX_MS, now + SESSION_IDLE_MS));
}

export async function createTenantSession(db: TenantDb, input: { userId: string; ip: string | null; userAgent: string | null }): Promise<string> {
  const now = new Date();
  const row = await db.userSession.create({
    data: { tenantId: db.tenantId, userId: input.userId, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null, createdAt: now, expiresAt: nextExpiry(now) },
    select: { id: true },
  });
  return row.id;
}

/** The session `sessionId` of the handle's tenant (`tenant`: its cached record), or null when it no longer counts. */
export async function resolveTenantSession(db: TenantDb, input: { tenant: TenantSummary; sessionId: string }): Promise<TenantSession | null> {
  const { tenant, sessionId } = input;
  const row = await findSessionWithUser(db, sessionId);
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
    needsPasswordChange: user.mustChangePassword,
    locale: user.locale,
  };
}

/** Revokes one session; returns whose it was, or null if it was already ended. */
export async function revokeSession(db: TenantDb, sessionId: string): Promise<{ userId: string; email: string; name: string; role: TenantRole } | null> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) return null;
  const row = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, user: { select: { email: true, name: true, role: true } } } });
  return row ? { userId: row.userId, email: row.user.email, name: row.user.name, role: row.user.role as TenantRole } : null;
}

/** Ends every session of a user (sign out everywhere, deactivation), optionally but one. */
export async function revokeUserSessions(db: TenantDb, userId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { NOT: { id: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
