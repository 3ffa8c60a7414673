// Per-tenant API rate limit (Redis, rate-limiter-flexible): requests per minute from the
// tenant's plan. Over the limit -> RATE_LIMITED with the seconds to wait. If Redis is down an
// in-process limiter stands in, so the API stays up.
import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/server/errors/app-error";
import { redis } from "@/server/redis/client";

const holder = globalThis as unknown as { __rrnetApiLimiters?: Map<number, RateLimiterRedis> };

function limiterFor(perMinute: number): RateLimiterRedis {
  const limiters = (holder.__rrnetApiLimiters ??= new Map());
  let limiter = limiters.get(perMinute);
  if (!limiter) {
    const keyPrefix = `rrnet:api-rate:${perMinute}`;
    limiter = new RateLimiterRedis({
      storeClient: redis(),
      keyPrefix,
      points: perMinute,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: perMinute, duration: 60 }),
    });
    limiters.set(perMinute, limiter);
  }
  return limiter;
}

export async function consumeApiQuota(tenantId: string, perMinute: number): Promise<void> {
  try {
    await limiterFor(perMinute).consume(tenantId);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), limitPerMinute: perMinute });
    }
    throw error;
  }
}
