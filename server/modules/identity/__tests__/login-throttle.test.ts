// Brute-force protection of tenant sign-in (login-throttle.service.ts): strangers lock an account at
// its fifth failure, an IP at its thirtieth; a lock refuses even the right password; nobody else is
// slowed. It is not a denial-of-service tool: a browser that signed in as the account before (its
// device cookie) keeps signing in while strangers are locked out, and the owner sees the lock in
// the audit log. Locks grow longer each time within a day.
// Redis is shared between test files and runs, so every test uses fresh IPs and accounts.
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { type TenantSummary } from "@/server/tenancy/tenant-directory";
import { summaryOf } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { redis } from "@/server/redis/client";
import { ACCOUNT_MAX_FAILURES, DEVICE_MAX_FAILURES, FIRST_LOCK_S, IP_MAX_FAILURES } from "../login-throttle.service";
import { hashPassword } from "../password.service";
import { signInTenantUser } from "../sign-in.service";
import { closeConnections } from "@/server/testing/lifecycle";

const PASSWORD = "correct-horse-battery";
let tenant: TenantSummary;

const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const meta = (ip: string, cookies: string | null = null) => ({ ip, userAgent: "vitest", requestId: `req-${randomBytes(6).toString("hex")}`, cookies });

async function addUser(): Promise<string> {
  const email = `staff-${randomBytes(4).toString("hex")}@${tenant.slug}.test`;
  await forTenant(tenant.id).user.create({
    data: { tenantId: tenant.id, email, name: email, role: "admin", passwordHash: await hashPassword(PASSWORD) },
  });
  return email;
}

/** The AppError a sign-in attempt was refused with (fails the test if it succeeded). */
async function refusal(email: string, password: string, ip: string, cookies: string | null = null): Promise<AppError> {
  const outcome = await signInTenantUser(forTenant(tenant.id), { email, password }, meta(ip, cookies)).then(
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

describe("not a denial-of-service tool", () => {
  /** Signs in once and returns the Cookie header the browser would send back afterwards. */
  async function signedInBrowser(email: string): Promise<string> {
    const { device } = await signInTenantUser(forTenant(tenant.id), { email, password: PASSWORD }, meta(freshIp()));
    return `other=1; ${device.name}=${device.value}`;
  }

  it("a browser that signed in before still signs in while strangers have locked the account", async () => {
    const email = await addUser();
    const browser = await signedInBrowser(email);
    expect((await failuresUntilLocked(email, freshIp)).code).toBe("AUTH_LOCKED");
    expect((await refusal(email, PASSWORD, freshIp())).code).toBe("AUTH_LOCKED");
    await expect(signInTenantUser(forTenant(tenant.id), { email, password: PASSWORD }, meta(freshIp(), browser))).resolves.toMatchObject({ sessionId: expect.any(String) });
  });

  it("a trusted browser's own failures lock that browser only, after its own budget", async () => {
    const email = await addUser();
    const browser = await signedInBrowser(email);
    for (let i = 1; i < DEVICE_MAX_FAILURES; i++) expect((await refusal(email, "wrong-password", freshIp(), browser)).code).toBe("AUTH_INVALID");
    expect((await refusal(email, "wrong-password", freshIp(), browser)).code).toBe("AUTH_LOCKED");
    expect((await refusal(email, PASSWORD, freshIp(), browser)).code).toBe("AUTH_LOCKED");
    await expect(signInTenantUser(forTenant(tenant.id), { email, password: PASSWORD }, meta(freshIp()))).resolves.toMatchObject({ sessionId: expect.any(String) });
  });

  it("a forged device cookie, or another account's, counts as a stranger", async () => {
    const email = await addUser();
    const [name, value] = (await signedInBrowser(email)).split("; ")[1]!.split("=") as [string, string];
    const forged = `${name}=${value.split(".")[0]}.${randomBytes(32).toString("base64url")}`;
    const otherAccounts = await signedInBrowser(await addUser());
    await failuresUntilLocked(email, freshIp);
    expect((await refusal(email, PASSWORD, freshIp(), forged)).code).toBe("AUTH_LOCKED");
    expect((await refusal(email, PASSWORD, freshIp(), otherAccounts)).code).toBe("AUTH_LOCKED");
  });

  it("the owner sees the lock in the audit log, with its scope and length", async () => {
    const email = await addUser();
    await failuresUntilLocked(email, freshIp);
    const rows = await forTenant(tenant.id).auditEvent.findMany({ where: { action: "auth.locked_out", actorLabel: email } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ scope: "account", seconds: String(FIRST_LOCK_S) });
  });

  it("each lock of the same account within a day lasts longer", async () => {
    const email = await addUser();
    const first = await failuresUntilLocked(email, freshIp);
    expect(first.details?.retryAfterSeconds).toBe(FIRST_LOCK_S);
    // The first lock runs out (its Redis key expires); the next five failures lock it again, longer.
    await redis().del(`rrnet:signin:account:${tenant.id}:${email}`);
    const second = await failuresUntilLocked(email, freshIp);
    expect(second.details?.retryAfterSeconds).toBeGreaterThan(FIRST_LOCK_S);
  });
});
