// Brute-force protection for sign-in and for re-entering a password or code, in Redis
// (rate-limiter-flexible). Every attempt reserves one point per account and per client IP
// (callers scope the IP key, e.g. per tenant) BEFORE the password is checked, so parallel
// guesses cannot overtake the count. Past the limit the key is locked for a while: AUTH_LOCKED
// with the seconds to wait. Success clears the account's count and returns the IP's point.
// Other accounts are never slowed. If Redis is down, an in-process limiter stands in.
import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/server/errors/app-error";
import { redis } from "@/server/redis/client";

export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 30;
const WINDOW_S = 15 * 60;
const LOCK_S = 15 * 60;

type Limiters = { account: RateLimiterRedis; ip: RateLimiterRedis };
const holder = globalThis as unknown as { __rrnetLoginLimiters?: Limiters };

function limiters(): Limiters {
  const make = (keyPrefix: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis(),
      keyPrefix,
      points,
      duration: WINDOW_S,
      blockDuration: LOCK_S,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_S, blockDuration: LOCK_S }),
    });
  return (holder.__rrnetLoginLimiters ??= { account: make("rrnet:signin:account", ACCOUNT_MAX_FAILURES), ip: make("rrnet:signin:ip", IP_MAX_FAILURES) });
}

function lockedError(msBeforeNext: number): AppError {
  return new AppError("AUTH_LOCKED", { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) });
}

/**
 * Throttle keys of a tenant user: the account, and the IP within the tenant (many subscribers
 * of one ISP share a CGNAT address; one tenant's abuse must not lock other ISPs' users).
 */
export function tenantThrottleKeys(tenantId: string, email: string, ip: string | null) {
  return { accountKey: `${tenantId}:${email.trim().toLowerCase()}`, ipKey: `${tenantId}:${ip ?? "unknown"}` };
}

export function platformThrottleKeys(email: string, ip: string | null) {
  return { accountKey: `platform:${email.trim().toLowerCase()}`, ipKey: `platform:${ip ?? "unknown"}` };
}

export type Attempt = {
  /** After a wrong password or code: AUTH_LOCKED if this failure used the last try, else null. */
  failed(): Promise<AppError | null>;
  /** After a right one: the account starts afresh, the IP gets its point back. */
  succeeded(): Promise<void>;
  /** Neither right nor wrong yet (the password was right, the code is still to come): undo. */
  released(): Promise<void>;
};

/** Reserves an attempt; throws AUTH_LOCKED when the account or the IP has none left. */
export async function beginAttempt(keys: { accountKey: string; ipKey: string }): Promise<Attempt> {
  const l = limiters();
  const results = await Promise.allSettled([l.account.consume(keys.accountKey), l.ip.consume(keys.ipKey)]);
  const reserved: RateLimiterRes[] = [];
  for (const r of results) {
    if (r.status === "rejected") {
      if (r.reason instanceof RateLimiterRes) throw lockedError(r.reason.msBeforeNext);
      throw r.reason;
    }
    reserved.push(r.value);
  }
  const [account, ip] = reserved as [RateLimiterRes, RateLimiterRes];
  return {
    async failed() {
      if (account.remainingPoints > 0 && ip.remainingPoints > 0) return null;
      if (account.remainingPoints <= 0) await l.account.block(keys.accountKey, LOCK_S);
      if (ip.remainingPoints <= 0) await l.ip.block(keys.ipKey, LOCK_S);
      return lockedError(LOCK_S * 1000);
    },
    async succeeded() {
      await Promise.all([l.account.delete(keys.accountKey), l.ip.reward(keys.ipKey, 1)]);
    },
    async released() {
      await Promise.all([l.account.reward(keys.accountKey, 1), l.ip.reward(keys.ipKey, 1)]);
    },
  };
}
