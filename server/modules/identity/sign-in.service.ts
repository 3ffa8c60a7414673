// Sign-in of a tenant's user on the tenant's own host: throttled per account and per IP,
// password (argon2id), then the second factor when the user has one. Every outcome is audited.
import { forTenant } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess, tenantThrottleKeys } from "./login-throttle";
import { verifyPasswordOrDummy } from "./password.service";
import { checkSecondFactor } from "./second-factor";
import { createTenantSession } from "./session.service";

export type SignInInput = { email: string; password: string; code?: string };
export type RequestMeta = { ip: string; userAgent: string | null; requestId: string | null };

export async function signInTenantUser(tenant: TenantSummary, input: SignInInput, meta: RequestMeta): Promise<{ sessionId: string }> {
  const db = forTenant(tenant.id);
  const email = input.email.trim().toLowerCase();
  const { accountKey, ipKey } = tenantThrottleKeys(tenant.id, email, meta.ip);
  try {
    await assertSignInAllowed(accountKey, ipKey);
  } catch (error) {
    await recordAudit(db, tenant.id, {
      action: "auth.sign_in_failed",
      actor: { type: "anonymous", label: email.slice(0, 200) },
      requestId: meta.requestId,
      ip: meta.ip,
      details: { reason: "locked" },
    });
    throw error;
  }

  const user = await db.user.findFirst({ where: { email } });
  const passwordOk = await verifyPasswordOrDummy(user?.passwordHash ?? null, input.password);
  const fail = async (reason: string, error: AppError) => {
    await recordAudit(db, tenant.id, {
      action: "auth.sign_in_failed",
      actor: user ? { type: "user", id: user.id, label: user.email } : { type: "anonymous", label: email.slice(0, 200) },
      requestId: meta.requestId,
      ip: meta.ip,
      details: { reason },
    });
    await recordSignInFailure(accountKey, ipKey); // throws AUTH_LOCKED at the limit
    throw error;
  };
  if (!user || !passwordOk) return fail(user ? "bad_password" : "unknown_email", new AppError("AUTH_INVALID"));
  if (!user.active) return fail("inactive", new AppError("AUTH_INVALID"));

  let secondFactor;
  try {
    secondFactor = checkSecondFactor(user, input.code);
  } catch (error) {
    if (error instanceof AppError && error.code === "TWO_FACTOR_INVALID") return fail("bad_second_factor", error);
    throw error; // TWO_FACTOR_REQUIRED: the password was right, the form now asks for the code
  }

  await db.user.update({ where: { id: user.id }, data: { ...secondFactor.update, lastSignInAt: new Date() } });
  const sessionId = await createTenantSession(db, { tenantId: tenant.id, userId: user.id, ip: meta.ip, userAgent: meta.userAgent });
  await recordSignInSuccess(accountKey);
  const actor = { type: "user", id: user.id, label: user.email } as const;
  if (secondFactor.usedRecoveryCode) {
    await recordAudit(db, tenant.id, { action: "auth.recovery_code_used", actor, requestId: meta.requestId, ip: meta.ip });
  }
  await recordAudit(db, tenant.id, { action: "auth.sign_in", actor, target: { type: "session", id: sessionId }, requestId: meta.requestId, ip: meta.ip });
  return { sessionId };
}
