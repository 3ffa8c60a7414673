// How subscribers sign in to the client portal on their ISP's host: their customer number or
// WhatsApp number, then either a one-time code sent to the WhatsApp number on file or a password
// they set in the portal. Sessions are the staff's (UserSession of the tenant, a `client` user
// made on the first code sign-in), so the same cookie, expiry and revocation rules apply.
// Codes: 6 digits, valid CODE_VALID_MINUTES, CODE_MAX_TRIES wrong tries, used once (a
// conditional write), stored only as an HMAC; a newer code closes the older ones. Sending is
// rate-limited per customer and per client IP; the answer never says whether a login exists.
// Checking a code or password counts against the sign-in lock of identity (per customer and IP).
import "server-only";
import { createHmac, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { userActor, visitorActor } from "@/server/actor/actor";
import { env } from "@/server/config/env";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { redis } from "@/server/redis/client";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { findCustomerForPortalLogin, findPortalCustomerById, linkPortalUser } from "@/server/modules/customers/customer.service";
import { ensureClientUser, findClientUser, type ClientUser } from "@/server/modules/identity/client-user.service";
import { beginAttempt, tenantThrottleKeys, withTrustedDevice } from "@/server/modules/identity/login-throttle.service";
import { createTenantSession } from "@/server/modules/identity/session.service";
import { runSignIn, signedInDevice, type RequestMeta, type SignInResult } from "@/server/modules/identity/sign-in-flow.service";
import { sendPortalSignInCode } from "@/server/modules/notifications/notify.service";
import { closeOlderCodes, consumeSignInCode, countWrongTry, findSignInCode, insertSignInCode } from "./sign-in-code.repository";
import type { TPortalCodeRequest, TPortalCodeSent } from "./portal.schema";

export const CODE_VALID_MINUTES = 5;
export const CODE_MAX_TRIES = 5;
/** Codes sent to one customer per window, and requests from one client IP (CGNAT: generous). */
export const CODES_PER_CUSTOMER = 3;
export const CODE_REQUESTS_PER_IP = 20;
const SEND_WINDOW_S = 15 * 60;

type Limiters = { customer: RateLimiterRedis; ip: RateLimiterRedis };
const holder = globalThis as unknown as { __rrnetPortalCodeLimiters?: Limiters };

function limiters(): Limiters {
  const make = (scope: string, points: number) => {
    const keyPrefix = `rrnet:portal-code:${scope}`;
    return new RateLimiterRedis({ storeClient: redis(), keyPrefix, points, duration: SEND_WINDOW_S, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: SEND_WINDOW_S }) });
  };
  return (holder.__rrnetPortalCodeLimiters ??= { customer: make("customer", CODES_PER_CUSTOMER), ip: make("ip", CODE_REQUESTS_PER_IP) });
}

async function consumeOrRefuse(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }, "portal.errors.tooManyCodes");
    throw error;
  }
}

function codeHash(challengeId: string, code: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`portal-code:${challengeId}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sends a code to the WhatsApp number on file of the customer `login` names. Answers the same
 * way whether or not such a customer exists (a challenge id that will never verify), so the
 * form cannot be used to find out who is a subscriber.
 */
export async function requestSignInCode(db: TenantDb, input: TPortalCodeRequest, meta: Pick<RequestMeta, "ip" | "requestId">): Promise<TPortalCodeSent> {
  const l = limiters();
  await consumeOrRefuse(l.ip, `${db.tenantId}:${meta.ip}`);
  const challengeId = randomUUID();
  const answer: TPortalCodeSent = { challengeId, validMinutes: CODE_VALID_MINUTES };
  const customer = await findCustomerForPortalLogin(db, input.login);
  if (!customer || !customer.phone || customer.status === "terminated") return answer;
  await consumeOrRefuse(l.customer, `${db.tenantId}:${customer.id}`);

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const now = new Date();
  await insertSignInCode(db, { id: challengeId, customerId: customer.id, codeHash: codeHash(challengeId, code), expiresAt: new Date(now.getTime() + CODE_VALID_MINUTES * 60_000), ip: meta.ip });
  await closeOlderCodes(db, customer.id, challengeId, now);
  const sent = await sendPortalSignInCode(db, { challengeId, customerId: customer.id, code, validMinutes: CODE_VALID_MINUTES });
  // The ISP has no WhatsApp gateway: nobody could ever get a code. Said for the tenant, not the customer.
  if (sent === null) throw new AppError("CONFLICT", { reason: "whatsapp_off" }, "portal.errors.whatsappOff");
  return answer;
}

function signInAudit(db: TenantDb, meta: RequestMeta) {
  const request = { requestId: meta.requestId, ip: meta.ip };
  return {
    async succeeded(user: ClientUser, sessionId: string, method: string) {
      await recordAudit(db, userActor({ tenantId: db.tenantId, userId: user.id, role: "client", email: user.email }, request), {
        action: "auth.sign_in",
        target: { type: "session", id: sessionId },
        details: { method },
      });
    },
    async failed(label: string, reason: string) {
      await recordAudit(db, visitorActor(label, { tenantId: db.tenantId, ...request }), { action: "auth.sign_in_failed", details: { reason, portal: true } });
    },
  };
}

/** Signs the customer of challenge `challengeId` in with its code; AUTH_INVALID for anything wrong. */
export async function signInWithCode(db: TenantDb, input: { challengeId: string; code: string }, meta: RequestMeta): Promise<SignInResult> {
  const audit = signInAudit(db, meta);
  const row = await findSignInCode(db, input.challengeId);
  const keys = withTrustedDevice(tenantThrottleKeys(db.tenantId, `portal:${row?.customerId ?? input.challengeId}`, meta.ip), meta.cookies);
  const attempt = await beginAttempt(keys, { onLockout: ({ scope, seconds }) => audit.failed(`portal:${input.challengeId}`, `locked_${scope}_${seconds}s`) });
  const now = new Date();
  const fail = async (reason: string): Promise<never> => {
    await audit.failed(`portal:${input.challengeId}`, reason);
    throw (await attempt.failed()) ?? new AppError("AUTH_INVALID", { reason: "code" });
  };
  if (!row) return fail("unknown_code");
  if (row.usedAt) return fail("code_used");
  if (row.expiresAt <= now) return fail("code_expired");
  if (row.attempts >= CODE_MAX_TRIES) return fail("code_tries_spent");
  if (!sameHash(row.codeHash, codeHash(row.id, input.code.trim()))) {
    // The last allowed wrong try closes the code: guessing needs a new one (rate-limited).
    if ((await countWrongTry(db, row.id)) >= CODE_MAX_TRIES) await consumeSignInCode(db, row.id, now);
    return fail("bad_code");
  }
  if (!(await consumeSignInCode(db, row.id, now))) return fail("code_used");

  const customer = await findPortalCustomerById(db, row.customerId);
  if (!customer || customer.status === "terminated") return fail("customer_gone");
  const user = await ensureClientUser(db, customer);
  if (!customer.userId) await linkPortalUser(db, { customerId: customer.id, userId: user.id });
  if (!user.active) return fail("inactive");
  const sessionId = await createTenantSession(db, { userId: user.id, ip: meta.ip, userAgent: meta.userAgent });
  await attempt.succeeded();
  await audit.succeeded(user, sessionId, "whatsapp_code");
  return { sessionId, device: signedInDevice(keys) };
}

/** Customer number or WhatsApp number + the password the customer set in the portal. */
export async function signInWithPassword(db: TenantDb, input: { login: string; password: string }, meta: RequestMeta): Promise<SignInResult> {
  const login = input.login.trim().toLowerCase();
  const request = { requestId: meta.requestId, ip: meta.ip };
  const customer = await findCustomerForPortalLogin(db, login);
  return runSignIn<ClientUser>(
    {
      throttleKeys: withTrustedDevice(tenantThrottleKeys(db.tenantId, `portal:${customer?.id ?? login}`, meta.ip), meta.cookies),
      find: async () => (customer?.userId && customer.status !== "terminated" ? findClientUser(db, customer.userId) : null),
      recordSignIn: async () => true,
      createSession: (user) => createTenantSession(db, { userId: user.id, ip: meta.ip, userAgent: meta.userAgent }),
      audit: (outcome, user, details, sessionId) =>
        recordAudit(db, user ? userActor({ tenantId: db.tenantId, userId: user.id, role: "client", email: user.email }, request) : visitorActor(`portal:${login}`, { tenantId: db.tenantId, ...request }), {
          action: outcome === "sign_in" ? "auth.sign_in" : outcome === "locked_out" ? "auth.locked_out" : "auth.sign_in_failed",
          ...(sessionId ? { target: { type: "session", id: sessionId } } : {}),
          details: { ...details, method: "portal_password" },
        }),
    },
    { email: login, password: input.password },
  );
}
