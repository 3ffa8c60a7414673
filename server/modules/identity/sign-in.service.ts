// Sign-in and sign-out of a tenant's user on the tenant's own host (see sign-in-flow.service.ts
// for the rules). `db` is the host's tenant's handle (next-auth makes it).
import "server-only";
import { userActor, visitorActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { recordAudit } from "@/server/modules/audit/audit.service";
import type { AuditAction } from "@/server/modules/audit/audit.actions";
import { guardedWhere } from "./account.service";
import type { TenantRole } from "./capabilities";
import { tenantThrottleKeys, withTrustedDevice } from "./login-throttle.service";
import { runSignIn, unchangedSecondFactor, type RequestMeta, type SignInInput, type SignInOutcome, type SignInResult } from "./sign-in-flow.service";
import { createTenantSession, revokeSession } from "./session.service";

export type { RequestMeta, SignInInput } from "./sign-in-flow.service";

const ACTIONS: Record<SignInOutcome, AuditAction> = {
  sign_in: "auth.sign_in",
  sign_in_failed: "auth.sign_in_failed",
  recovery_code_used: "auth.recovery_code_used",
  locked_out: "auth.locked_out",
};

export async function signInTenantUser(db: TenantDb, input: SignInInput, meta: RequestMeta): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const request = { requestId: meta.requestId, ip: meta.ip };
  return runSignIn(
    {
      throttleKeys: withTrustedDevice(tenantThrottleKeys(db.tenantId, email, meta.ip), meta.cookies),
      find: () => db.user.findFirst({ where: { email } }),
      async recordSignIn(user, update) {
        const { count } = await db.user.updateMany({
          where: guardedWhere(user.id, unchangedSecondFactor(user)),
          data: { ...update, lastSignInAt: new Date() },
        });
        return count === 1;
      },
      createSession: (user) => createTenantSession(db, { userId: user.id, ip: meta.ip, userAgent: meta.userAgent }),
      audit: (outcome, user, details, sessionId) =>
        recordAudit(
          db,
          user
            ? userActor({ tenantId: db.tenantId, userId: user.id, role: user.role as TenantRole, email: user.email, name: user.name }, request)
            : visitorActor(email, { tenantId: db.tenantId, ...request }),
          {
            action: ACTIONS[outcome],
            ...(sessionId ? { target: { type: "session", id: sessionId } } : {}),
            ...(details ? { details } : {}),
          },
        ),
    },
    input,
  );
}

/** Ends the session a sign-out came with (next-auth's signOut event); audited once. */
export async function signOutTenantUser(db: TenantDb, input: { sessionId: string }): Promise<void> {
  const ended = await revokeSession(db, input.sessionId);
  if (!ended) return;
  const actor = userActor({ tenantId: db.tenantId, userId: ended.userId, role: ended.role, email: ended.email, name: ended.name });
  await recordAudit(db, actor, { action: "auth.sign_out", target: { type: "session", id: input.sessionId } });
}
