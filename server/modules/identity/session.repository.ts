// Queries of tenant user sessions that are not plain Prisma calls.
import "server-only";
import type { Locale } from "@/i18n/locales";
import type { TenantDb } from "@/server/db";

export type SessionRow = {
  id: string;
  tenantId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  user: { id: string; role: string; email: string; name: string; active: boolean; passwordChangedAt: Date; mustChangePassword: boolean; totpEnabledAt: Date | null; locale: Locale | null };
};

/**
 * The session with its user in one statement. Raw SQL because this runs on every request and
 * the ORM's query planning is the larger part of its cost; tenantId is the first condition.
 */
export async function findSessionWithUser(db: TenantDb, sessionId: string): Promise<SessionRow | null> {
  const rows = await db.$queryRaw<(Omit<SessionRow, "user"> & { [K in keyof SessionRow["user"] as `u_${K}`]: SessionRow["user"][K] })[]>`
    SELECT s.id::text AS id, s."tenantId"::text AS "tenantId", s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt",
           u.id::text AS u_id, u.role::text AS u_role, u.email AS u_email, u.name AS u_name, u.active AS u_active,
           u."passwordChangedAt" AS "u_passwordChangedAt", u."mustChangePassword" AS "u_mustChangePassword", u."totpEnabledAt" AS "u_totpEnabledAt",
           u.locale::text AS u_locale
    FROM "UserSession" s
    JOIN "User" u ON u."tenantId" = s."tenantId" AND u.id = s."userId"
    WHERE s."tenantId" = ${db.tenantId}::uuid AND s.id = ${sessionId}::uuid`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    tenantId: r.tenantId,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    user: { id: r.u_id, role: r.u_role, email: r.u_email, name: r.u_name, active: r.u_active, passwordChangedAt: r.u_passwordChangedAt, mustChangePassword: r.u_mustChangePassword, totpEnabledAt: r.u_totpEnabledAt, locale: r.u_locale },
  };
}
