// A staff user's own security: two-factor enrollment and sign-in with codes computed from the
// enrolled secret (no replay, recovery codes once), disabling, password change and session
// revocation ending sessions on the next request.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { open } from "@/server/crypto/secret-box";
import { resolveTenantSession } from "@/server/modules/identity/session.service";
import { signInTenantUser } from "@/server/modules/identity/sign-in.service";
import { currentTotp } from "@/server/modules/identity/totp";
import { summaryOf, tenantCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

/** A fresh client IP per call, so the sign-in throttle of one test never touches another. */
const meta = () => ({ ip: `10.${randomBytes(3).join(".")}`, userAgent: "vitest", requestId: null });
const PASSWORD = "kata-sandi-yang-panjang";
const STEP_MS = 30_000;

async function staffUser(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix);
  const me = await userWithRole(tenant, "technician", PASSWORD);
  return { tenant, summary: summaryOf(tenant), ...me };
}

/** Enrolls through the procedures; returns the secret and the recovery codes. */
async function enroll(caller: Awaited<ReturnType<typeof staffUser>>["caller"]) {
  const begin = await caller.account.twoFactor.begin();
  const { recoveryCodes } = await caller.account.twoFactor.confirm({ code: currentTotp(begin.secret) });
  return { ...begin, recoveryCodes };
}

describe("two-factor sign-in", () => {
  it("enrolls with a QR code and a sealed secret, then sign-in needs a code from that secret, once", async () => {
    const { caller, user, summary, tenant } = await staffUser("acct-2fa");
    const { secret, uri, qrDataUrl, recoveryCodes } = await enroll(caller);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(recoveryCodes).toHaveLength(10);
    const row = await forTenant(tenant.id).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(open(row.totpSecret!)).toBe(secret);
    expect(row.totpPendingSecret).toBeNull();

    const credentials = { email: user.email, password: PASSWORD };
    expect((await failure(signInTenantUser(forTenant(summary.id), credentials, meta()))).code).toBe("TWO_FACTOR_REQUIRED");
    // Enrollment spent the current step; the authenticator's next code is the one to use.
    const code = currentTotp(secret, Date.now() + STEP_MS);
    await expect(signInTenantUser(forTenant(summary.id), { ...credentials, code }, meta())).resolves.toHaveProperty("sessionId");
    expect((await failure(signInTenantUser(forTenant(summary.id), { ...credentials, code }, meta()))).code).toBe("TWO_FACTOR_INVALID");
  });

  it("a recovery code signs in once only", async () => {
    const { caller, user, summary } = await staffUser("acct-rec");
    const { recoveryCodes } = await enroll(caller);
    const attempt = { email: user.email, password: PASSWORD, code: recoveryCodes[3] };
    await expect(signInTenantUser(forTenant(summary.id), attempt, meta())).resolves.toHaveProperty("sessionId");
    expect((await failure(signInTenantUser(forTenant(summary.id), attempt, meta()))).code).toBe("TWO_FACTOR_INVALID");
    expect((await caller.account.twoFactor.status()).recoveryCodesLeft).toBe(9);
  });

  it("a wrong code does not turn it on, and a second begin replaces the pending secret", async () => {
    const { caller, user, tenant } = await staffUser("acct-bad");
    const first = await caller.account.twoFactor.begin();
    const second = await caller.account.twoFactor.begin();
    expect(second.secret).not.toBe(first.secret);
    expect((await failure(caller.account.twoFactor.confirm({ code: currentTotp(first.secret) }))).code).toBe("TWO_FACTOR_INVALID");
    expect((await forTenant(tenant.id).user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    await expect(caller.account.twoFactor.confirm({ code: currentTotp(second.secret) })).resolves.toHaveProperty("recoveryCodes");
  });

  it("new recovery codes replace the old ones", async () => {
    const { caller, user, summary } = await staffUser("acct-regen");
    const { secret, recoveryCodes: old } = await enroll(caller);
    const { recoveryCodes } = await caller.account.twoFactor.regenerateRecoveryCodes({ code: currentTotp(secret, Date.now() + STEP_MS) });
    expect(recoveryCodes).toHaveLength(10);
    const credentials = { email: user.email, password: PASSWORD };
    expect((await failure(signInTenantUser(forTenant(summary.id), { ...credentials, code: old[0] }, meta()))).code).toBe("TWO_FACTOR_INVALID");
    await expect(signInTenantUser(forTenant(summary.id), { ...credentials, code: recoveryCodes[0] }, meta())).resolves.toHaveProperty("sessionId");
  });

  it("disabling needs the password and a code; sign-in then asks for no code", async () => {
    const { caller, user, summary, tenant } = await staffUser("acct-off");
    const { recoveryCodes } = await enroll(caller);
    expect((await failure(caller.account.twoFactor.disable({ password: "wrong-password-1", code: recoveryCodes[0]! }))).code).toBe("AUTH_INVALID");
    expect((await failure(caller.account.twoFactor.disable({ password: PASSWORD, code: "zzzzz-zzzzz" }))).code).toBe("TWO_FACTOR_INVALID");
    await caller.account.twoFactor.disable({ password: PASSWORD, code: recoveryCodes[0]! });
    const row = await forTenant(tenant.id).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, recoveryCodeHashes: [] });
    await expect(signInTenantUser(forTenant(summary.id), { email: user.email, password: PASSWORD }, meta())).resolves.toHaveProperty("sessionId");
    const actions = (await forTenant(tenant.id).auditEvent.findMany({ where: { actorId: user.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.2fa_enabled", "auth.2fa_disabled"]));
  });

  it("cannot be turned off while the ISP requires it of staff", async () => {
    const { caller, tenant } = await staffUser("acct-req");
    const { recoveryCodes } = await enroll(caller);
    await unsafeSystemDb().tenant.update({ where: { id: tenant.id }, data: { requireTwoFactor: true } });
    const refused = await failure(caller.account.twoFactor.disable({ password: PASSWORD, code: recoveryCodes[0]! }));
    expect(refused).toMatchObject({ code: "FORBIDDEN", details: { reason: "required_by_tenant" } });
  });
});

describe("password and sessions", () => {
  it("changing the password ends every session, the current one included", async () => {
    const { caller, user, summary, tenant, sessionId } = await staffUser("acct-pw");
    const other = await tenantCaller(tenant, user.id);
    const db = forTenant(tenant.id);
    expect((await failure(caller.account.changePassword({ currentPassword: "not-my-password", newPassword: "brand-new-password" }))).code).toBe("AUTH_INVALID");
    await caller.account.changePassword({ currentPassword: PASSWORD, newPassword: "brand-new-password" });
    expect(await resolveTenantSession(db, { tenant: summary, sessionId: sessionId })).toBeNull();
    expect(await resolveTenantSession(db, { tenant: summary, sessionId: other.sessionId })).toBeNull();
    expect((await failure(signInTenantUser(forTenant(summary.id), { email: user.email, password: PASSWORD }, meta()))).code).toBe("AUTH_INVALID");
    await expect(signInTenantUser(forTenant(summary.id), { email: user.email, password: "brand-new-password" }, meta())).resolves.toHaveProperty("sessionId");
  });

  it("a new password must pass the password rules", async () => {
    const { caller } = await staffUser("acct-pw-short");
    expect((await failure(caller.account.changePassword({ currentPassword: PASSWORD, newPassword: "short" }))).code).toBe("VALIDATION_FAILED");
  });

  it("sign out everywhere ends every session", async () => {
    const { caller, user, summary, tenant, sessionId } = await staffUser("acct-all");
    const other = await tenantCaller(tenant, user.id);
    expect(await caller.account.signOutEverywhere()).toEqual({ revoked: 2 });
    const db = forTenant(tenant.id);
    expect(await resolveTenantSession(db, { tenant: summary, sessionId: sessionId })).toBeNull();
    expect(await resolveTenantSession(db, { tenant: summary, sessionId: other.sessionId })).toBeNull();
  });

  it("lists the user's own sessions and revokes one of them, never someone else's", async () => {
    const { caller, user, summary, tenant, sessionId } = await staffUser("acct-list");
    const other = await tenantCaller(tenant, user.id);
    const colleague = await userWithRole(tenant, "finance");
    const sessions = await caller.account.sessions();
    expect(sessions.map((s) => s.id).sort()).toEqual([sessionId, other.sessionId].sort());
    expect(sessions.find((s) => s.current)?.id).toBe(sessionId);
    expect((await failure(caller.account.revokeSession({ sessionId: colleague.sessionId }))).code).toBe("NOT_FOUND");
    expect(await caller.account.revokeSession({ sessionId: other.sessionId })).toEqual({ current: false });
    const db = forTenant(tenant.id);
    expect(await resolveTenantSession(db, { tenant: summary, sessionId: other.sessionId })).toBeNull();
    expect(await resolveTenantSession(db, { tenant: summary, sessionId: sessionId })).not.toBeNull();
    expect(await resolveTenantSession(db, { tenant: summary, sessionId: colleague.sessionId })).not.toBeNull();
  });
});
