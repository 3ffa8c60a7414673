// Operator (super admin) sign-in and sessions on admin.<ROOT_DOMAIN>. Same rules as tenant
// users (throttle, argon2id, TOTP, revocable sliding sessions); 2FA is mandatory when
// APP_ENV=production: without it an operator can only reach the 2FA set-up.
import { env } from "@/server/config/env";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import { guardedWhere } from "@/server/modules/identity/account.service";
import { platformThrottleKeys } from "@/server/modules/identity/login-throttle";
import { nextExpiry } from "@/server/modules/identity/session.service";
import { runSignIn, unchangedSecondFactor, type RequestMeta, type SignInInput, type SignInOutcome } from "@/server/modules/identity/sign-in.flow";
import { recordPlatformAudit } from "./platform-audit";

const TOUCH_EVERY_MS = 5 * 60_000;

export type PlatformSession = {
  kind: "platform";
  sessionId: string;
  adminId: string;
  role: "super_admin";
  email: string;
  name: string;
  twoFactorEnabled: boolean;
  needsTwoFactorSetup: boolean;
};

const ACTIONS: Record<SignInOutcome, AuditAction> = {
  sign_in: "platform.sign_in",
  sign_in_failed: "platform.sign_in_failed",
  recovery_code_used: "auth.recovery_code_used",
};

export async function signInPlatformAdmin(input: SignInInput, meta: RequestMeta): Promise<{ sessionId: string }> {
  const db = unsafeSystemDb();
  const email = input.email.trim().toLowerCase();
  return runSignIn(
    {
      throttleKeys: platformThrottleKeys(email, meta.ip),
      find: () => db.platformAdmin.findUnique({ where: { email } }),
      async recordSignIn(admin, update) {
        const { count } = await db.platformAdmin.updateMany({
          where: guardedWhere(admin.id, unchangedSecondFactor(admin)),
          data: { ...update, lastSignInAt: new Date() },
        });
        return count === 1;
      },
      async createSession(admin) {
        const now = new Date();
        const row = await db.platformSession.create({
          data: { adminId: admin.id, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null, createdAt: now, expiresAt: nextExpiry(now) },
          select: { id: true },
        });
        return row.id;
      },
      // An unknown email is not recorded: it may be a tenant user's address typed on the wrong
      // host, and the super admin must not see tenants' people.
      audit: (outcome, admin, details, sessionId) =>
        recordPlatformAudit({
          action: ACTIONS[outcome],
          actorId: admin?.id ?? null,
          actorLabel: admin ? admin.email : "unknown account",
          ...(sessionId ? { targetType: "session", targetId: sessionId } : {}),
          requestId: meta.requestId,
          ip: meta.ip,
          ...(details ? { details } : {}),
        }),
    },
    input,
  );
}

export async function resolvePlatformSession(sessionId: string): Promise<PlatformSession | null> {
  const db = unsafeSystemDb();
  const row = await db.platformSession.findUnique({
    where: { id: sessionId },
    include: { admin: { select: { id: true, email: true, name: true, active: true, passwordChangedAt: true, totpEnabledAt: true } } },
  });
  const now = Date.now();
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now) return null;
  if (!row.admin.active || row.createdAt < row.admin.passwordChangedAt) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.platformSession.update({ where: { id: row.id }, data: { lastSeenAt: new Date(now), expiresAt: nextExpiry(row.createdAt, now) } });
  }
  const twoFactorEnabled = row.admin.totpEnabledAt !== null;
  return {
    kind: "platform",
    sessionId: row.id,
    adminId: row.admin.id,
    role: "super_admin",
    email: row.admin.email,
    name: row.admin.name,
    twoFactorEnabled,
    needsTwoFactorSetup: env().APP_ENV === "production" && !twoFactorEnabled,
  };
}

export async function revokePlatformSession(sessionId: string): Promise<void> {
  await unsafeSystemDb().platformSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllPlatformSessions(adminId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await unsafeSystemDb().platformSession.updateMany({
    where: { adminId, revokedAt: null, ...(exceptSessionId ? { NOT: { id: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
