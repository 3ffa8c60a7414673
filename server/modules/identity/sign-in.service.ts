// Sign-in of a tenant's user on the tenant's own host (see sign-in.flow.ts for the rules).
import { forTenant } from "@/server/db";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import { guardedWhere } from "./account.service";
import { tenantThrottleKeys } from "./login-throttle";
import { runSignIn, unchangedSecondFactor, type RequestMeta, type SignInInput, type SignInOutcome } from "./sign-in.flow";
import { createTenantSession } from "./session.service";

export type { RequestMeta, SignInInput } from "./sign-in.flow";

const ACTIONS: Record<SignInOutcome, AuditAction> = {
  sign_in: "auth.sign_in",
  sign_in_failed: "auth.sign_in_failed",
  recovery_code_used: "auth.recovery_code_used",
};

export async function signInTenantUser(tenant: TenantSummary, input: SignInInput, meta: RequestMeta): Promise<{ sessionId: string }> {
  const db = forTenant(tenant.id);
  const email = input.email.trim().toLowerCase();
  return runSignIn(
    {
      throttleKeys: tenantThrottleKeys(tenant.id, email, meta.ip),
      find: () => db.user.findFirst({ where: { email } }),
      async recordSignIn(user, update) {
        const { count } = await db.user.updateMany({
          where: guardedWhere(user.id, unchangedSecondFactor(user)),
          data: { ...update, lastSignInAt: new Date() },
        });
        return count === 1;
      },
      createSession: (user) => createTenantSession(db, { tenantId: tenant.id, userId: user.id, ip: meta.ip, userAgent: meta.userAgent }),
      audit: (outcome, user, details, sessionId) =>
        recordAudit(db, tenant.id, {
          action: ACTIONS[outcome],
          actor: user ? { type: "user", id: user.id, label: user.email } : { type: "anonymous", label: email.slice(0, 200) },
          ...(sessionId ? { target: { type: "session", id: sessionId } } : {}),
          requestId: meta.requestId,
          ip: meta.ip,
          ...(details ? { details } : {}),
        }),
    },
    input,
  );
}
