// Brute-force protection for sign-in and for re-entering a password or code, in Redis
// (rate-limiter-flexible), built so that it stops guessing without becoming a way to lock
// someone else out:
// - A stranger's attempt (no device cookie of this account) reserves one point of the account's
//   shared "strangers" budget and one of its client IP's, BEFORE the password is checked, so
//   parallel guesses cannot overtake the count.
// - A browser that has signed in as this account before (a valid device cookie, see
//   device-cookie.ts) and a signed-in user re-entering their password use a budget of their own:
//   strangers' failures never lock them out, their own failures lock only that device.
// - Each lock of the same key within a day lasts longer (progressive delay), up to an hour.
// Past a budget: AUTH_LOCKED with the seconds to wait, and onLockout() so the caller audits the
// attack. Success clears the budget it used. If Redis is down, an in-process limiter stands in.
import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/server/errors/app-error";
import { redis } from "@/server/redis/client";
import { trustedDevice } from "./device-cookie";

export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 30;
export const DEVICE_MAX_FAILURES = 10;
const WINDOW_S = 15 * 60;
/** The first lock of a key; each further lock within LOCKOUT_MEMORY_S lasts LOCK_GROWTH times longer. */
export const FIRST_LOCK_S = 5 * 60;
const LOCK_GROWTH = 4;
export const MAX_LOCK_S = 60 * 60;
const LOCKOUT_MEMORY_S = 24 * 60 * 60;

export type LockScope = "account" | "ip" | "device";
export type ThrottleKeys = {
  accountKey: string;
  ipKey: string;
  /** Set when the attempt comes from a trusted device (device cookie) or a signed-in session. */
  device?: string | null;
};
export type Lockout = { scope: LockScope; seconds: number };

type Limiters = Record<LockScope, RateLimiterRedis>;
const holder = globalThis as unknown as { __rrnetLoginLimiters?: Limiters };

function limiters(): Limiters {
  const make = (scope: LockScope, points: number) => {
    const keyPrefix = `rrnet:signin:${scope}`;
    return new RateLimiterRedis({
      storeClient: redis(),
      keyPrefix,
      points,
      duration: WINDOW_S,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_S }),
    });
  };
  return (holder.__rrnetLoginLimiters ??= { account: make("account", ACCOUNT_MAX_FAILURES), ip: make("ip", IP_MAX_FAILURES), device: make("device", DEVICE_MAX_FAILURES) });
}

/** How long this lock of `key` lasts: FIRST_LOCK_S, then growing with each lock of the day. */
async function lockSeconds(scope: LockScope, key: string): Promise<number> {
  const counter = `rrnet:signin:lockouts:${scope}:${key}`;
  let n = 1;
  try {
    const [[, count]] = (await redis().multi().incr(counter).expire(counter, LOCKOUT_MEMORY_S).exec()) as [[Error | null, number]];
    n = Number(count) || 1;
  } catch {
    // Redis down: the in-process limiter stands in, with the first lock's length.
  }
  return Math.min(MAX_LOCK_S, FIRST_LOCK_S * LOCK_GROWTH ** (n - 1));
}

function lockedError(msBeforeNext: number): AppError {
  return new AppError("AUTH_LOCKED", { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) });
}

/**
 * Throttle keys of a tenant user: the account, and the IP within the tenant (many subscribers
 * of one ISP share a CGNAT address; one tenant's abuse must not lock other ISPs' users).
 */
export function tenantThrottleKeys(tenantId: string, email: string, ip: string | null): ThrottleKeys {
  return { accountKey: `${tenantId}:${email.trim().toLowerCase()}`, ipKey: `${tenantId}:${ip ?? "unknown"}` };
}

export function platformThrottleKeys(email: string, ip: string | null): ThrottleKeys {
  return { accountKey: `platform:${email.trim().toLowerCase()}`, ipKey: `platform:${ip ?? "unknown"}` };
}

/** The keys with the device of a valid device cookie in `cookieHeader`, when there is one. */
export function withTrustedDevice(keys: ThrottleKeys, cookieHeader: string | null | undefined): ThrottleKeys {
  const device = trustedDevice(cookieHeader, keys.accountKey);
  return device ? { ...keys, device } : keys;
}

export type Attempt = {
  /** After a wrong password or code: AUTH_LOCKED if this failure used the last try, else null. */
  failed(): Promise<AppError | null>;
  /** After a right one: the budget used starts afresh (an IP gets its point back). */
  succeeded(): Promise<void>;
  /** Neither right nor wrong yet (the password was right, the code is still to come): undo. */
  released(): Promise<void>;
};

type Reservation = { scope: LockScope; key: string; res: RateLimiterRes };

/**
 * Reserves an attempt; throws AUTH_LOCKED when a budget it needs has none left. `onLockout` is
 * called once when a failure starts a lock (the caller audits it).
 */
export async function beginAttempt(keys: ThrottleKeys, hooks: { onLockout?: (lock: Lockout) => Promise<void> } = {}): Promise<Attempt> {
  const l = limiters();
  const wanted: { scope: LockScope; key: string }[] = keys.device
    ? [{ scope: "device", key: `${keys.accountKey}:${keys.device}` }]
    : [
        { scope: "account", key: keys.accountKey },
        { scope: "ip", key: keys.ipKey },
      ];
  const results = await Promise.allSettled(wanted.map(({ scope, key }) => l[scope].consume(key)));
  const reserved: Reservation[] = [];
  let refusal: RateLimiterRes | null = null;
  for (const [i, r] of results.entries()) {
    if (r.status === "fulfilled") reserved.push({ ...wanted[i]!, res: r.value });
    else if (r.reason instanceof RateLimiterRes) refusal = r.reason;
    else throw r.reason;
  }
  if (refusal) {
    // A budget under lock (or spent by parallel attempts): give back what this attempt took elsewhere.
    await Promise.all(reserved.map(({ scope, key }) => l[scope].reward(key, 1)));
    throw lockedError(refusal.msBeforeNext);
  }
  return {
    async failed() {
      const exhausted = reserved.filter(({ res }) => res.remainingPoints <= 0);
      if (exhausted.length === 0) return null;
      let longest = 0;
      for (const { scope, key } of exhausted) {
        const seconds = await lockSeconds(scope, key);
        // Spend past the budget for `seconds`: get() then reports the lock until it expires.
        await l[scope].block(key, seconds);
        longest = Math.max(longest, seconds);
        await hooks.onLockout?.({ scope, seconds });
      }
      return lockedError(longest * 1000);
    },
    async succeeded() {
      await Promise.all(reserved.map(({ scope, key }) => (scope === "ip" ? l.ip.reward(key, 1) : l[scope].delete(key))));
    },
    async released() {
      await Promise.all(reserved.map(({ scope, key }) => l[scope].reward(key, 1)));
    },
  };
}
