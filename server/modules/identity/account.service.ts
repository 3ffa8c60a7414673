// A signed-in account's own security: password change, their sessions (list, revoke one, sign
// out everywhere). The rules live here once and work on an AccountStore, so a tenant's staff
// user (tenantAccountStore below) and an RRNET operator (platform-account.service.ts) share
// them. Changing the password ends every session, the current one included. Checks of the
// current password count against the same lock as sign-in, so they cannot be brute-forced.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import type { Locale } from "@/i18n/locales";
import type { TAccountSession, TChangePasswordInput, TOwnLocale, TTwoFactorRequiredReason } from "./account.schema";
import { beginAttempt, tenantThrottleKeys, type ThrottleKeys } from "./login-throttle.service";
import { hashPassword, verifyPassword } from "./password.service";
import { revokeUserSessions } from "./session.service";

/** The fields of an account (User, PlatformAdmin) its security services read and write. */
export type AccountRow = {
  id: string;
  email: string;
  passwordHash: string;
  passwordChangedAt: Date;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  recoveryCodeHashes: string[];
  locale: Locale | null;
};
export type AccountWrite = Partial<Omit<AccountRow, "id" | "email">>;
/** Values the row must still hold for a conditional write to apply. */
export type AccountGuard = Partial<Pick<AccountRow, "totpSecret" | "totpPendingSecret" | "totpLastStep" | "recoveryCodeHashes">> & { totpEnabledAt?: null };
export type AccountSessionRow = { id: string; createdAt: Date; lastSeenAt: Date; ip: string | null; userAgent: string | null };
/** `reason`: a stable code for FORBIDDEN's details; the user reads `account.errors.<reason>`. */
export type TwoFactorRequirement = { reason: TTwoFactorRequiredReason };
export type AccountAuditExtra = { target?: { type: string; id: string }; details?: Record<string, string | number | boolean> };

/** One signed-in account as the security services see it: storage and audit, no rules. */
export interface AccountStore {
  /** The session the request came with. */
  readonly sessionId: string;
  /** Keys of the sign-in lock, on the session's own budget: wrong passwords and codes lock this session's re-entry only. */
  readonly throttleKeys: ThrottleKeys;
  /** The account; AUTH_REQUIRED when it is gone or deactivated. */
  load(): Promise<AccountRow>;
  /** Writes `data` only while the row still holds `guard`; returns the rows written (0 or 1). */
  update(guard: AccountGuard, data: AccountWrite): Promise<number>;
  audit(action: AuditAction, extra?: AccountAuditExtra): Promise<void>;
  /** Why two-factor sign-in is mandatory for this account (it cannot be turned off), or null. */
  twoFactorRequirement(): Promise<TwoFactorRequirement | null>;
  /** Live sessions created at or after `since`, newest activity first. */
  listSessions(since: Date): Promise<AccountSessionRow[]>;
  /** Ends one of the account's own sessions; false when there is no such live session. */
  revokeSession(sessionId: string): Promise<boolean>;
  revokeAllSessions(): Promise<number>;
}

/** The Prisma `where` of a guarded write; the same shape for User and PlatformAdmin. */
export function guardedWhere(id: string, guard: AccountGuard) {
  const { recoveryCodeHashes, ...rest } = guard;
  if (!recoveryCodeHashes) return { id, ...rest };
  // An empty list must be matched with isEmpty: `equals: []` never matches.
  return { id, ...rest, recoveryCodeHashes: recoveryCodeHashes.length ? { equals: recoveryCodeHashes } : { isEmpty: true } };
}

/**
 * A tenant's staff user (or client) acting on their own account, signed in with `sessionId`, as
 * an AccountStore: TenantDb rows, the tenant's audit log.
 */
export function tenantAccountStore(db: TenantDb, actor: UserActor, sessionId: string): AccountStore {
  return {
    sessionId,
    throttleKeys: { ...tenantThrottleKeys(db.tenantId, actor.label, actor.ip), device: `session:${sessionId}` },
    async load() {
      const user = await db.user.findFirst({ where: { id: actor.userId, active: true } });
      if (!user) throw new AppError("AUTH_REQUIRED");
      return user;
    },
    async update(guard, data) {
      // Their own new password replaces a generated one: the user is free to work again.
      const write = data.passwordHash ? { ...data, mustChangePassword: false } : data;
      return (await db.user.updateMany({ where: guardedWhere(actor.userId, guard), data: write })).count;
    },
    async audit(action, extra = {}) {
      await recordAudit(db, actor, { action, target: extra.target, details: extra.details });
    },
    async twoFactorRequirement() {
      if (actor.role === "client") return null;
      const tenant = await db.tenant.findFirst({ select: { requireTwoFactor: true } });
      if (!tenant?.requireTwoFactor) return null;
      return { reason: "required_by_tenant" };
    },
    listSessions(since) {
      return db.userSession.findMany({
        where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() }, createdAt: { gte: since } },
        orderBy: { lastSeenAt: "desc" },
        take: 100,
      });
    },
    async revokeSession(sessionId) {
      const { count } = await db.userSession.updateMany({ where: { id: sessionId, userId: actor.userId, revokedAt: null }, data: { revokedAt: new Date() } });
      return count > 0;
    },
    revokeAllSessions: () => revokeUserSessions(db, actor.userId),
  };
}

/**
 * Verifies the account's password for a sensitive change. Wrong answers count as failed
 * sign-ins of the account (AUTH_LOCKED past the limit), like the sign-in form.
 */
export async function assertOwnPassword(store: AccountStore, passwordHash: string, password: string): Promise<void> {
  const attempt = await beginAttempt(store.throttleKeys);
  if (await verifyPassword(passwordHash, password)) return attempt.succeeded();
  throw (await attempt.failed()) ?? new AppError("AUTH_INVALID", { field: "password" }, "account.errors.currentPasswordWrong");
}

export async function changePassword(store: AccountStore, input: TChangePasswordInput): Promise<{ signedOut: true }> {
  const account = await store.load();
  await assertOwnPassword(store, account.passwordHash, input.currentPassword);
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION_FAILED", { fields: { newPassword: ["account.validation.passwordUnchanged"] } });
  }
  await store.update({}, { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() });
  // passwordChangedAt already ends every older session; the rows are revoked so lists agree.
  await store.revokeAllSessions();
  await store.audit("auth.password_changed");
  return { signedOut: true };
}

export async function signOutEverywhere(store: AccountStore): Promise<{ revoked: number }> {
  const revoked = await store.revokeAllSessions();
  await store.audit("auth.sessions_revoked", { details: { count: revoked } });
  return { revoked };
}

/** The account's live sessions, newest activity first. */
export async function listOwnSessions(store: AccountStore): Promise<TAccountSession[]> {
  const account = await store.load();
  const rows = await store.listSessions(account.passwordChangedAt);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
    current: row.id === store.sessionId,
  }));
}

/** Ends one of the account's own sessions; anyone else's session id is simply not found. */
export async function revokeOwnSession(store: AccountStore, sessionId: string): Promise<{ current: boolean }> {
  if (!(await store.revokeSession(sessionId))) throw new AppError("NOT_FOUND", { sessionId }, "account.errors.sessionNotFound");
  await store.audit("auth.sign_out", { target: { type: "session", id: sessionId } });
  return { current: sessionId === store.sessionId };
}

/** The account's own language (menus, dates, error messages); null follows the ISP's default. */
export async function getOwnLocale(store: AccountStore): Promise<TOwnLocale> {
  return { locale: (await store.load()).locale };
}

export async function setOwnLocale(store: AccountStore, locale: Locale): Promise<TOwnLocale> {
  await store.load();
  await store.update({}, { locale });
  return { locale };
}
