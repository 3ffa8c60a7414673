// API rate limits (Redis, rate-limiter-flexible), per minute: the tenant's budget from its plan,
// and each signed-in user's share of it, so that one staff member (or one stolen session)
// cannot use up the ISP's minute. The user's share is counted on every signed-in call, the
// tenant's only on calls that pass the permission gate: a refused call costs its caller alone.
// Once a key is over its limit, further calls are refused from process memory until the minute
// turns (no Redis round trip): refusals are cheap. Over a limit -> RATE_LIMITED with the seconds
// to wait. If Redis is down an in-process limiter stands in, so the API stays up.
import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/server/errors/app-error";
import { redis } from "@/server/redis/client";

/** The largest tRPC batch (server/trpc/http-handler.ts): one screen's calls always fit a user's share. */
const ONE_BATCH = 20;

type Scope = "tenant" | "user";
const holder = globalThis as unknown as { __rrnetApiLimiters?: Map<string, RateLimiterRedis> };

function limiterFor(scope: Scope, perMinute: number): RateLimiterRedis {
  const limiters = (holder.__rrnetApiLimiters ??= new Map());
  const keyPrefix = `rrnet:api-rate:${scope}:${perMinute}`;
  let limiter = limiters.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterRedis({
      storeClient: redis(),
      keyPrefix,
      points: perMinute,
      duration: 60,
      // Past the limit the key is blocked in memory for the rest of its minute.
      inMemoryBlockOnConsumed: perMinute + 1,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: perMinute, duration: 60 }),
    });
    limiters.set(keyPrefix, limiter);
  }
  return limiter;
}

/** A user's share of the tenant's minute: a quarter, at least one full batch, never more than the tenant's. */
export function userQuotaPerMinute(tenantPerMinute: number): number {
  return Math.min(tenantPerMinute, Math.max(ONE_BATCH, Math.ceil(tenantPerMinute / 4)));
}

async function consume(scope: Scope, key: string, perMinute: number): Promise<void> {
  try {
    await limiterFor(scope, perMinute).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), limitPerMinute: perMinute, scope });
    }
    throw error;
  }
}

/** Every signed-in call: the caller's share of the tenant's budget. */
export function consumeUserQuota(input: { tenantId: string; userId: string; tenantPerMinute: number }): Promise<void> {
  return consume("user", `${input.tenantId}:${input.userId}`, userQuotaPerMinute(input.tenantPerMinute));
}

/** A call that passed the permission gate: the tenant's budget. */
export function consumeTenantQuota(input: { tenantId: string; perMinute: number }): Promise<void> {
  return consume("tenant", input.tenantId, input.perMinute);
}
