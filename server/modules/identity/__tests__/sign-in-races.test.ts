// Sign-in under concurrency: parallel guesses cannot overtake the lockout, and one code or
// recovery code signs in once however many requests carry it at the same moment.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { ACCOUNT_MAX_FAILURES } from "@/server/modules/identity/login-throttle.service";
import { signInTenantUser } from "@/server/modules/identity/sign-in.service";
import { currentTotp } from "@/server/modules/identity/totp";
import { summaryOf, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

const PASSWORD = "kata-sandi-yang-panjang";
const meta = () => ({ ip: `10.${randomBytes(3).join(".")}`, userAgent: "vitest", requestId: null });

async function userWithTwoFactor(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix);
  const { user, caller } = await userWithRole(tenant, "finance", PASSWORD);
  const begin = await caller.account.twoFactor.begin();
  // Enrol with the previous step's code, so the current step is still unused.
  const { recoveryCodes } = await caller.account.twoFactor.confirm({ code: currentTotp(begin.secret, Date.now() - 30_000) });
  return { tenant: summaryOf(tenant), user, secret: begin.secret, recoveryCodes };
}

describe("sign-in races", () => {
  it("20 parallel wrong passwords for one account: at most the allowed number are even checked", async () => {
    const { tenant } = await createTenantWithUser("race-lock");
    const { user } = await userWithRole(tenant, "collector", PASSWORD);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => failure(signInTenantUser(forTenant(tenant.id), { email: user.email, password: "wrong-guess" }, meta()))),
    );
    const checked = results.filter((e) => e.code === "AUTH_INVALID").length;
    expect(checked).toBeLessThan(ACCOUNT_MAX_FAILURES);
    expect(results.filter((e) => e.code === "AUTH_LOCKED").length).toBe(20 - checked);
    // And the right password is refused while locked.
    expect((await failure(signInTenantUser(forTenant(tenant.id), { email: user.email, password: PASSWORD }, meta()))).code).toBe("AUTH_LOCKED");
  });

  it("the same TOTP code sent in parallel signs in once", async () => {
    const { tenant, user, secret } = await userWithTwoFactor("race-totp");
    const code = currentTotp(secret);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => signInTenantUser(forTenant(tenant.id), { email: user.email, password: PASSWORD, code }, meta())),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  });

  it("two different recovery codes used at once both work, and neither comes back", async () => {
    const { tenant, user, recoveryCodes } = await userWithTwoFactor("race-recovery");
    const [a, b] = recoveryCodes as [string, string];
    const outcomes = await Promise.allSettled([
      signInTenantUser(forTenant(tenant.id), { email: user.email, password: PASSWORD, code: a }, meta()),
      signInTenantUser(forTenant(tenant.id), { email: user.email, password: PASSWORD, code: b }, meta()),
    ]);
    // A lost race answers TWO_FACTOR_INVALID; retrying that code then works, the used one never.
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === "rejected") await signInTenantUser(forTenant(tenant.id), { email: user.email, password: PASSWORD, code: i === 0 ? a : b }, meta());
    }
    for (const used of [a, b]) {
      expect((await failure(signInTenantUser(forTenant(tenant.id), { email: user.email, password: PASSWORD, code: used }, meta()))).code).toBe("TWO_FACTOR_INVALID");
    }
  });
});
