// An operator's own security on the console: two-factor enrollment through platformAccount and
// operator sign-in then needing a fresh code, the production rule (no 2FA -> only the set-up
// answers; 2FA cannot be turned off), sign out everywhere, and wrong passwords locking the
// session's re-entry (its own budget: strangers' failed sign-ins never block it, and it never
// locks the operator out of signing in).
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/server/config/env";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { DEVICE_MAX_FAILURES } from "@/server/modules/identity/login-throttle.service";
import { nextExpiry } from "@/server/modules/identity/session.service";
import { currentTotp } from "@/server/modules/identity/totp";
import { platformCaller } from "@/server/testing/callers";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { resolvePlatformSession, signInPlatformAdmin, type PlatformSession } from "../platform-session.service";
import { failure } from "./helpers";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

const PASSWORD = "operator-password"; // platformCaller()'s
const STEP_MS = 30_000;
/** A fresh client IP, so one test's failures never lock another's IP key. */
const randomIp = () => `10.${randomBytes(3).join(".")}`;
const meta = () => ({ ip: randomIp(), userAgent: "vitest", requestId: null });

/** A caller on the admin host with `session`, as a request with its cookie would have it. */
async function callerWith(session: PlatformSession) {
  const ctx = await createContext({ headers: new Headers({ host: "admin.localhost" }) });
  return createCaller({ ...ctx, ip: randomIp(), session });
}

async function operator() {
  const { admin, session } = await platformCaller();
  return { admin, session, caller: await callerWith(session) };
}

/** Runs `fn` as if APP_ENV=production (env() is parsed once; its object is shared). */
async function inProduction<T>(fn: () => Promise<T>): Promise<T> {
  const config = env();
  const previous = config.APP_ENV;
  config.APP_ENV = "production";
  try {
    return await fn();
  } finally {
    config.APP_ENV = previous;
  }
}

describe("operator two-factor sign-in", () => {
  it("enrolls on My account, then operator sign-in needs a fresh code from that secret, once", async () => {
    const { admin, caller } = await operator();
    const { secret, uri } = await caller.platformAccount.twoFactor.begin();
    expect(uri).toContain("RRNET%20Console");
    const { recoveryCodes } = await caller.platformAccount.twoFactor.confirm({ code: currentTotp(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await caller.platformAccount.twoFactor.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10, requiredReason: null });

    const credentials = { email: admin.email, password: PASSWORD };
    expect((await failure(signInPlatformAdmin(unsafeSystemDb(), credentials, meta()))).code).toBe("TWO_FACTOR_REQUIRED");
    // Enrollment spent the current step; the authenticator's next code is the one to use.
    const code = currentTotp(secret, Date.now() + STEP_MS);
    const { sessionId } = await signInPlatformAdmin(unsafeSystemDb(), { ...credentials, code }, meta());
    expect(await resolvePlatformSession(unsafeSystemDb(), sessionId)).toMatchObject({ adminId: admin.id, twoFactorEnabled: true, needsTwoFactorSetup: false });
    expect((await failure(signInPlatformAdmin(unsafeSystemDb(), { ...credentials, code }, meta()))).code).toBe("TWO_FACTOR_INVALID");

    const actions = (await unsafeSystemDb().platformAuditEvent.findMany({ where: { actorId: admin.id } })).map((e) => e.action);
    expect(actions).toContain("auth.2fa_enabled");
  });

  it("outside production it can be turned off with the password and a code", async () => {
    const { admin, caller } = await operator();
    const { secret } = await caller.platformAccount.twoFactor.begin();
    const { recoveryCodes } = await caller.platformAccount.twoFactor.confirm({ code: currentTotp(secret) });
    expect((await failure(caller.platformAccount.twoFactor.disable({ password: PASSWORD, code: "zzzzz-zzzzz" }))).code).toBe("TWO_FACTOR_INVALID");
    await caller.platformAccount.twoFactor.disable({ password: PASSWORD, code: recoveryCodes[0]! });
    await expect(signInPlatformAdmin(unsafeSystemDb(), { email: admin.email, password: PASSWORD }, meta())).resolves.toHaveProperty("sessionId");
  });
});

describe("in production an operator without two-factor sign-in", () => {
  it("reaches only the set-up until it is on, and then cannot turn it off", async () => {
    const { session } = await operator();
    await inProduction(async () => {
      const pending = await resolvePlatformSession(unsafeSystemDb(), session.sessionId);
      expect(pending).toMatchObject({ needsTwoFactorSetup: true });
      const caller = await callerWith(pending!);
      expect((await failure(caller.platform.tenants.list({}))).code).toBe("TWO_FACTOR_SETUP_REQUIRED");
      expect((await failure(caller.platformAccount.changePassword({ currentPassword: PASSWORD, newPassword: "another-long-password" }))).code).toBe(
        "TWO_FACTOR_SETUP_REQUIRED",
      );
      const { secret } = await caller.platformAccount.twoFactor.begin();
      const { recoveryCodes } = await caller.platformAccount.twoFactor.confirm({ code: currentTotp(secret) });

      const enrolled = await resolvePlatformSession(unsafeSystemDb(), session.sessionId);
      expect(enrolled).toMatchObject({ needsTwoFactorSetup: false });
      const after = await callerWith(enrolled!);
      await expect(after.platform.tenants.list({})).resolves.toHaveProperty("items");
      expect((await after.platformAccount.twoFactor.status()).requiredReason).toMatch(/production/);
      const refused = await failure(after.platformAccount.twoFactor.disable({ password: PASSWORD, code: recoveryCodes[0]! }));
      expect(refused).toMatchObject({ code: "FORBIDDEN", details: { reason: "required_in_production" } });
    });
  });
});

describe("operator password and sessions", () => {
  it("sign out everywhere ends every session of the operator, and no one else's", async () => {
    const { admin, session, caller } = await operator();
    const db = unsafeSystemDb();
    const now = new Date();
    const other = await db.platformSession.create({ data: { adminId: admin.id, createdAt: now, expiresAt: nextExpiry(now) } });
    const colleague = await operator();
    expect((await caller.platformAccount.sessions()).map((s) => s.id).sort()).toEqual([session.sessionId, other.id].sort());
    expect((await failure(caller.platformAccount.revokeSession({ sessionId: colleague.session.sessionId }))).code).toBe("NOT_FOUND");
    expect(await caller.platformAccount.signOutEverywhere()).toEqual({ revoked: 2 });
    expect(await resolvePlatformSession(unsafeSystemDb(), session.sessionId)).toBeNull();
    expect(await resolvePlatformSession(unsafeSystemDb(), other.id)).toBeNull();
    expect(await resolvePlatformSession(unsafeSystemDb(), colleague.session.sessionId)).not.toBeNull();
  });

  it("wrong current passwords lock the session's password re-entry, not the operator's sign-in", async () => {
    const { admin, caller } = await operator();
    const attempt = (currentPassword: string) => failure(caller.platformAccount.changePassword({ currentPassword, newPassword: "another-long-password" }));
    for (let i = 1; i < DEVICE_MAX_FAILURES; i++) expect((await attempt("not-my-password")).code).toBe("AUTH_INVALID");
    expect((await attempt("not-my-password")).code).toBe("AUTH_LOCKED");
    expect((await attempt(PASSWORD)).code).toBe("AUTH_LOCKED");
    await expect(signInPlatformAdmin(unsafeSystemDb(), { email: admin.email, password: PASSWORD }, meta())).resolves.toHaveProperty("sessionId");
  });

  it("changing the password ends the operator's sessions; the new one signs in", async () => {
    const { admin, session, caller } = await operator();
    await caller.platformAccount.changePassword({ currentPassword: PASSWORD, newPassword: "another-long-password" });
    expect(await resolvePlatformSession(unsafeSystemDb(), session.sessionId)).toBeNull();
    await expect(signInPlatformAdmin(unsafeSystemDb(), { email: admin.email, password: "another-long-password" }, meta())).resolves.toHaveProperty("sessionId");
  });
});
