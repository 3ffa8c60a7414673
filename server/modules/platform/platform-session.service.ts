// Operator (super admin) sign-in and sessions on admin.<ROOT_DOMAIN>. Same rules as tenant
// users (throttle, argon2id, TOTP, revocable sliding sessions); 2FA is mandatory when
// APP_ENV=production: without it an operator can only reach the 2FA set-up.
import { env } from "@/server/config/env";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "@/server/modules/identity/login-throttle";
import { verifyPasswordOrDummy } from "@/server/modules/identity/password.service";
import { checkSecondFactor } from "@/server/modules/identity/second-factor";
import { nextExpiry } from "@/server/modules/identity/session.service";
import type { RequestMeta, SignInInput } from "@/server/modules/identity/sign-in.service";
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

export async function signInPlatformAdmin(input: SignInInput, meta: RequestMeta): Promise<{ sessionId: string }> {
  const db = unsafeSystemDb();
  const email = input.email.trim().toLowerCase();
  const accountKey = `platform:${email}`;
  const ipKey = `platform:${meta.ip}`;
  await assertSignInAllowed(accountKey, ipKey);
  const admin = await db.platformAdmin.findUnique({ where: { email } });
  const passwordOk = await verifyPasswordOrDummy(admin?.passwordHash ?? null, input.password);
  const fail = async (reason: string, error: AppError) => {
    // An unknown email is not recorded: it may be a tenant user's address typed on the wrong
    // host, and the super admin must not see tenants' people.
    await recordPlatformAudit({ action: "platform.sign_in_failed", actorId: admin?.id ?? null, actorLabel: admin ? admin.email : "unknown account", requestId: meta.requestId, ip: meta.ip, details: { reason } });
    await recordSignInFailure(accountKey, ipKey);
    throw error;
  };
  if (!admin || !passwordOk || !admin.active) return fail(!admin ? "unknown_email" : !passwordOk ? "bad_password" : "inactive", new AppError("AUTH_INVALID"));
  let secondFactor;
  try {
    secondFactor = checkSecondFactor(admin, input.code);
  } catch (error) {
    if (error instanceof AppError && error.code === "TWO_FACTOR_INVALID") return fail("bad_second_factor", error);
    throw error;
  }
  const now = new Date();
  const [, session] = await db.$transaction([
    db.platformAdmin.update({ where: { id: admin.id }, data: { ...secondFactor.update, lastSignInAt: now } }),
    db.platformSession.create({
      data: { adminId: admin.id, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null, createdAt: now, expiresAt: nextExpiry(now) },
      select: { id: true },
    }),
  ]);
  await recordSignInSuccess(accountKey);
  await recordPlatformAudit({ action: "platform.sign_in", actorId: admin.id, actorLabel: admin.email, requestId: meta.requestId, ip: meta.ip });
  return { sessionId: session.id };
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
