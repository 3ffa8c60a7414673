// Brute-force protection for sign-in, in Redis (rate-limiter-flexible): failures are counted
// per account and per client IP (callers scope the IP key, e.g. per tenant); past the limit the key is locked for a while and sign-in
// answers AUTH_LOCKED with the seconds to wait. Success clears the account's count. Other
// accounts are never slowed. If Redis is down, an in-process limiter stands in.
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
  // `points` failures pass; the next one is refused and starts the lock. So a limit of N
  // failures is N - 1 points: the N-th failure locks.
  const make = (keyPrefix: string, maxFailures: number, points = maxFailures - 1) =>
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

function locked(res: RateLimiterRes): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError("AUTH_LOCKED", { retryAfterSeconds });
}

/**
 * Throttle keys of a tenant user: the account, and the IP within the tenant (many subscribers
 * of one ISP share a CGNAT address; one tenant's abuse must not lock other ISPs' users).
 */
export function tenantThrottleKeys(tenantId: string, email: string, ip: string | null) {
  return { accountKey: `${tenantId}:${email.trim().toLowerCase()}`, ipKey: `${tenantId}:${ip ?? "unknown"}` };
}

/** Throws AUTH_LOCKED when the account or the IP is currently locked. */
export async function assertSignInAllowed(accountKey: string, ipKey: string): Promise<void> {
  const l = limiters();
  const [account, byIp] = await Promise.all([l.account.get(accountKey), l.ip.get(ipKey)]);
  if (account && account.consumedPoints > l.account.points) throw locked(account);
  if (byIp && byIp.consumedPoints > l.ip.points) throw locked(byIp);
}

/** Counts a failed attempt; throws AUTH_LOCKED when this failure reaches a limit. */
export async function recordSignInFailure(accountKey: string, ipKey: string): Promise<void> {
  const l = limiters();
  const results = await Promise.allSettled([l.account.consume(accountKey), l.ip.consume(ipKey)]);
  for (const r of results) {
    if (r.status === "rejected") {
      if (r.reason instanceof RateLimiterRes) throw locked(r.reason);
      throw r.reason;
    }
  }
}

export async function recordSignInSuccess(accountKey: string): Promise<void> {
  await limiters().account.delete(accountKey);
}
