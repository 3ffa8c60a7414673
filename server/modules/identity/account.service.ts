// A staff user's own account: password change, their sessions (list, revoke one, sign out
// everywhere). Changing the password ends every session, the current one included. Checks of
// the current password count against the same lock as sign-in, so they cannot be brute-forced.
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import type { TAccountSession, TChangePasswordInput } from "./account.schema";
import type { TenantRole } from "./capabilities";
import { assertSignInAllowed, recordSignInFailure, tenantThrottleKeys } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password.service";
import { revokeUserSessions } from "./session.service";

/** The signed-in user acting on their own account, with the request facts the audit keeps. */
export type AccountActor = {
  tenantId: string;
  userId: string;
  sessionId: string;
  email: string;
  role: TenantRole;
  requestId: string | null;
  ip: string | null;
};

export function auditAccount(db: TenantDb, actor: AccountActor, action: AuditAction, extra: { target?: { type: string; id: string }; details?: Record<string, string | number | boolean> } = {}) {
  return recordAudit(db, actor.tenantId, {
    action,
    actor: { type: "user", id: actor.userId, label: actor.email },
    target: extra.target,
    requestId: actor.requestId,
    ip: actor.ip,
    details: extra.details,
  });
}

export async function getAccountUserOrThrow(db: TenantDb, actor: AccountActor) {
  const user = await db.user.findFirst({ where: { id: actor.userId, active: true } });
  if (!user) throw new AppError("AUTH_REQUIRED");
  return user;
}

/**
 * Verifies the user's password for a sensitive change. Wrong answers count as failed sign-ins
 * of the account (AUTH_LOCKED past the limit), like the sign-in form.
 */
export async function assertOwnPassword(actor: AccountActor, passwordHash: string, password: string): Promise<void> {
  const { accountKey, ipKey } = tenantThrottleKeys(actor.tenantId, actor.email, actor.ip);
  await assertSignInAllowed(accountKey, ipKey);
  if (await verifyPassword(passwordHash, password)) return;
  await recordSignInFailure(accountKey, ipKey);
  throw new AppError("AUTH_INVALID", { field: "password" }, "Your current password is not correct.");
}

/** Counts a wrong second-factor code against the account's sign-in lock. */
export async function recordSecondFactorFailure(actor: AccountActor): Promise<void> {
  const { accountKey, ipKey } = tenantThrottleKeys(actor.tenantId, actor.email, actor.ip);
  await recordSignInFailure(accountKey, ipKey);
}

export async function changePassword(db: TenantDb, actor: AccountActor, input: TChangePasswordInput): Promise<{ signedOut: true }> {
  const user = await getAccountUserOrThrow(db, actor);
  await assertOwnPassword(actor, user.passwordHash, input.currentPassword);
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION_FAILED", { fields: { newPassword: ["Choose a password different from the current one"] } }, "Choose a password different from the current one.");
  }
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() } });
  // passwordChangedAt already ends every older session; the rows are revoked so lists agree.
  await revokeUserSessions(db, user.id);
  await auditAccount(db, actor, "auth.password_changed");
  return { signedOut: true };
}

export async function signOutEverywhere(db: TenantDb, actor: AccountActor): Promise<{ revoked: number }> {
  const revoked = await revokeUserSessions(db, actor.userId);
  await auditAccount(db, actor, "auth.sessions_revoked", { details: { count: revoked } });
  return { revoked };
}

/** The user's live sessions, newest activity first. */
export async function listOwnSessions(db: TenantDb, actor: AccountActor): Promise<TAccountSession[]> {
  const user = await getAccountUserOrThrow(db, actor);
  const rows = await db.userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() }, createdAt: { gte: user.passwordChangedAt } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
    current: row.id === actor.sessionId,
  }));
}

/** Ends one of the user's own sessions; another user's session id is simply not found. */
export async function revokeOwnSession(db: TenantDb, actor: AccountActor, sessionId: string): Promise<{ current: boolean }> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("NOT_FOUND", { sessionId }, "No such active session.");
  await auditAccount(db, actor, "auth.sign_out", { target: { type: "session", id: sessionId } });
  return { current: sessionId === actor.sessionId };
}
