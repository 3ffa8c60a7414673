// Readiness of this process's dependencies. db and redis decide the status; the worker's
// heartbeat age is reported for operators but does not fail the check.
import "server-only";
import { pingDatabase } from "@/server/db/unsafe-system-db";
import { redis } from "@/server/redis/client";
import type { TCheckResult } from "./system.schema";
import { HEARTBEAT_KEY } from "./system.jobs";

type CheckResult = TCheckResult;
export type Health = {
  status: "ok" | "fail";
  checks: { db: CheckResult; redis: CheckResult };
  worker: { lastBeatAt: string | null };
};

const TIMEOUT_MS = 1_500;

function withTimeout<T>(promise: Promise<T>, ms = TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const outcome = (p: Promise<unknown>): Promise<CheckResult> => withTimeout(p).then(() => "ok" as const, () => "fail" as const);

export async function checkHealth(): Promise<Health> {
  const [db, redisCheck, beat] = await Promise.all([
    outcome(pingDatabase()),
    outcome(redis().ping()),
    withTimeout(redis().get(HEARTBEAT_KEY)).catch(() => null),
  ]);
  let lastBeatAt: string | null = null;
  try {
    lastBeatAt = beat ? (JSON.parse(beat) as { at?: string }).at ?? null : null;
  } catch {
    lastBeatAt = null;
  }
  const checks = { db, redis: redisCheck };
  return { status: db === "ok" && redisCheck === "ok" ? "ok" : "fail", checks, worker: { lastBeatAt } };
}
