// An RRNET operator's own account as an AccountStore, so the console's "My account" runs the
// same password, session and two-factor rules as tenant users (identity/account.service.ts,
// identity/two-factor.service.ts): PlatformAdmin rows, the platform audit log, and the sign-in
// lock keys of platform sign-in. Two-factor sign-in is mandatory when APP_ENV=production.
import "server-only";
import type { OperatorActor } from "@/server/actor/actor";
import { env } from "@/server/config/env";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { guardedWhere, type AccountStore } from "@/server/modules/identity/account.service";
import { platformThrottleKeys } from "@/server/modules/identity/login-throttle.service";
import { revokeAllPlatformSessions } from "./platform-session.service";

/** The name authenticator apps show next to the operator's email. */
export const CONSOLE_ISSUER_LABEL = "RRNET Console";

/** The operator `actor`, signed in with `sessionId`, acting on their own account. */
export function platformAccountStore(db: SystemDb, actor: OperatorActor, sessionId: string): AccountStore {
  const adminId = actor.userId;
  return {
    sessionId,
    // The session's own budget: strangers' failed sign-ins never stop a signed-in operator.
    throttleKeys: { ...platformThrottleKeys(actor.label, actor.ip), device: `session:${sessionId}` },
    async load() {
      const admin = await db.platformAdmin.findFirst({ where: { id: adminId, active: true } });
      if (!admin) throw new AppError("AUTH_REQUIRED");
      return admin;
    },
    async update(guard, data) {
      return (await db.platformAdmin.updateMany({ where: guardedWhere(adminId, guard), data })).count;
    },
    async audit(action, extra = {}) {
      await recordAudit(db, actor, { action, target: extra.target, details: extra.details });
    },
    async twoFactorRequirement() {
      if (env().APP_ENV !== "production") return null;
      return { reason: "required_in_production" };
    },
    listSessions(since) {
      return db.platformSession.findMany({
        where: { adminId, revokedAt: null, expiresAt: { gt: new Date() }, createdAt: { gte: since } },
        orderBy: { lastSeenAt: "desc" },
        take: 100,
      });
    },
    async revokeSession(sessionId) {
      const { count } = await db.platformSession.updateMany({ where: { id: sessionId, adminId, revokedAt: null }, data: { revokedAt: new Date() } });
      return count > 0;
    },
    revokeAllSessions: () => revokeAllPlatformSessions(db, adminId),
  };
}
