// Brute-force protection of tenant sign-in (login-throttle.service.ts): an account locks at its fifth
// failure, an IP at its thirtieth; a lock refuses even the right password; nobody else is slowed.
// Redis is shared between test files and runs, so every test uses fresh IPs and accounts.
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { type TenantSummary } from "@/server/tenancy/tenant-directory";
import { summaryOf } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES } from "../login-throttle.service";
import { hashPassword } from "../password.service";
import { signInTenantUser } from "../sign-in.service";
import { closeConnections } from "@/server/testing/lifecycle";

const PASSWORD = "correct-horse-battery";
let tenant: TenantSummary;

const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const meta = (ip: string) => ({ ip, userAgent: "vitest", requestId: `req-${randomBytes(6).toString("hex")}` });

async function addUser(): Promise<string> {
  const email = `staff-${randomBytes(4).toString("hex")}@${tenant.slug}.test`;
  await forTenant(tenant.id).user.create({
    data: { tenantId: tenant.id, email, name: email, role: "admin", passwordHash: await hashPassword(PASSWORD) },
  });
  return email;
}

/** The AppError a sign-in attempt was refused with (fails the test if it succeeded). */
async function refusal(email: string, password: string, ip: string): Promise<AppError> {
  const outcome = await signInTenantUser(forTenant(tenant.id), { email, password }, meta(ip)).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof AppError)) throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

async function failuresUntilLocked(email: string, ip: string | (() => string)): Promise<AppError> {
  for (let i = 1; i < ACCOUNT_MAX_FAILURES; i++) {
    expect((await refusal(email, "wrong-password", typeof ip === "string" ? ip : ip())).code).toBe("AUTH_INVALID");
  }
  return refusal(email, "wrong-password", typeof ip === "string" ? ip : ip());
}

beforeAll(async () => {
  tenant = summaryOf((await createTenantWithUser("throttle")).tenant);
});
afterAll(closeConnections);

describe("per-account lock", () => {
  it(`the ${ACCOUNT_MAX_FAILURES}th wrong password answers AUTH_LOCKED with the seconds to wait`, async () => {
    const locked = await failuresUntilLocked(await addUser(), freshIp());
    expect(locked.code).toBe("AUTH_LOCKED");
    expect(locked.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.details?.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("a locked account refuses the right password too, from any IP", async () => {
    const email = await addUser();
    await failuresUntilLocked(email, freshIp());
    const fromSameAccount = await refusal(email, PASSWORD, freshIp());
    expect(fromSameAccount.code).toBe("AUTH_LOCKED");
    expect(fromSameAccount.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("failures spread over many IPs still lock the account", async () => {
    expect((await failuresUntilLocked(await addUser(), freshIp)).code).toBe("AUTH_LOCKED");
  });

  it("another account of the same tenant, from another IP, still signs in at once", async () => {
    await failuresUntilLocked(await addUser(), freshIp());
    const other = await addUser();
    await expect(signInTenantUser(forTenant(tenant.id), { email: other, password: PASSWORD }, meta(freshIp()))).resolves.toMatchObject({ sessionId: expect.any(String) });
  });

  it("a successful sign-in clears the account's failure count", async () => {
    const email = await addUser();
    const ip = freshIp();
    for (let i = 1; i < ACCOUNT_MAX_FAILURES; i++) await refusal(email, "wrong-password", ip);
    await signInTenantUser(forTenant(tenant.id), { email, password: PASSWORD }, meta(ip));
    expect((await refusal(email, "wrong-password", ip)).code).toBe("AUTH_INVALID");
  });
});

describe("per-IP lock", () => {
  it(`${IP_MAX_FAILURES} failures across different emails from one IP lock that IP, and only that IP`, async () => {
    const ip = freshIp();
    const prefix = randomBytes(4).toString("hex");
    for (let i = 1; i < IP_MAX_FAILURES; i++) {
      expect((await refusal(`nobody-${prefix}-${i}@${tenant.slug}.test`, "wrong-password", ip)).code).toBe("AUTH_INVALID");
    }
    const last = await refusal(`nobody-${prefix}-last@${tenant.slug}.test`, "wrong-password", ip);
    expect(last.code).toBe("AUTH_LOCKED");
    expect(last.details?.retryAfterSeconds).toBeGreaterThan(0);

    // A real account with the right password is refused from the locked IP...
    const email = await addUser();
    expect((await refusal(email, PASSWORD, ip)).code).toBe("AUTH_LOCKED");
    // ...and signs in from anywhere else.
    await expect(signInTenantUser(forTenant(tenant.id), { email, password: PASSWORD }, meta(freshIp()))).resolves.toMatchObject({ sessionId: expect.any(String) });
  });
});
