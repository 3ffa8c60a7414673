// Operator (super admin) sign-in and sessions on admin.<ROOT_DOMAIN>. Same rules as tenant
// users (throttle, argon2id, TOTP, revocable sliding sessions); 2FA is mandatory when
// APP_ENV=production: without it an operator can only reach the 2FA set-up.
import "server-only";
import { operatorActor, visitorActor } from "@/server/actor/actor";
import type { Locale } from "@/i18n/locales";
import { env } from "@/server/config/env";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { guardedWhere } from "@/server/modules/identity/account.service";
import { platformThrottleKeys, withTrustedDevice } from "@/server/modules/identity/login-throttle.service";
import { nextExpiry } from "@/server/modules/identity/session.service";
import { runSignIn, unchangedSecondFactor, type RequestMeta, type SignInInput, type SignInOutcome, type SignInResult } from "@/server/modules/identity/sign-in-flow.service";

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
  /** The operator's own language; null is Bahasa Indonesia. */
  locale: Locale | null;
};

const ACTIONS: Record<SignInOutcome, AuditAction> = {
  sign_in: "platform.sign_in",
  sign_in_failed: "platform.sign_in_failed",
  recovery_code_used: "auth.recovery_code_used",
  locked_out: "auth.locked_out",
};

export async function signInPlatformAdmin(db: SystemDb, input: SignInInput, meta: RequestMeta): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const request = { requestId: meta.requestId, ip: meta.ip };
  return runSignIn(
    {
      throttleKeys: withTrustedDevice(platformThrottleKeys(email, meta.ip), meta.cookies),
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
        recordAudit(db, admin ? operatorActor({ adminId: admin.id, email: admin.email, name: admin.name }, request) : visitorActor("unknown account", request), {
          action: ACTIONS[outcome],
          ...(sessionId ? { target: { type: "session", id: sessionId } } : {}),
          ...(details ? { details } : {}),
        }),
    },
    input,
  );
}

export async function resolvePlatformSession(db: SystemDb, sessionId: string): Promise<PlatformSession | null> {
  const row = await db.platformSession.findUnique({
    where: { id: sessionId },
    include: { admin: { select: { id: true, email: true, name: true, active: true, passwordChangedAt: true, totpEnabledAt: true, locale: true } } },
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
    locale: row.admin.locale,
  };
}

export async function revokePlatformSession(db: SystemDb, sessionId: string): Promise<void> {
  await db.platformSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllPlatformSessions(db: SystemDb, adminId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await db.platformSession.updateMany({
    where: { adminId, revokedAt: null, ...(exceptSessionId ? { NOT: { id: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
