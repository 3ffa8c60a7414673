// The lease on a message being sent. A claim names its owner (this process) and the end of the
// time its provider call may take; while the process holds claims it keeps a heartbeat key in
// Redis. A message found "sending" whose owner has no heartbeat, or whose lease ran out, was
// abandoned mid-call (send.service.ts decides what becomes of it). An owner whose own heartbeat
// is late (its event loop stalled past the key's life) starts no call: others may already have
// taken its messages over.
import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { redis } from "@/server/redis/client";

/** This process, as named in the claims it makes. */
export const OWNER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
/** How long a provider call may last after its claim (the adapters give up after 15 s). */
export const LEASE_MS = 20_000;
const HEARTBEAT_TTL_MS = 5_000;
const HEARTBEAT_EVERY_MS = 1_000;
const keyOf = (owner: string) => `rrnet:wa:sender:${owner}`;

let held = 0;
let lastBeatAt = 0;
let timer: NodeJS.Timeout | null = null;

async function beat(): Promise<void> {
  const at = Date.now();
  await redis().set(keyOf(OWNER_ID), String(at), "PX", HEARTBEAT_TTL_MS);
  lastBeatAt = at;
}

/** Whether this process may start a provider call for a claim that lasts until `leaseUntil`. */
export function mayCall(leaseUntil: Date, now = Date.now()): boolean {
  return now - lastBeatAt < HEARTBEAT_TTL_MS - 2 * HEARTBEAT_EVERY_MS && now < leaseUntil.getTime() - 1_000;
}

/** Runs `work` (claims, calls, records) with this process's heartbeat alive in Redis. */
export async function withHeartbeat<T>(work: () => Promise<T>): Promise<T> {
  held++;
  try {
    if (!timer) {
      timer = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_EVERY_MS);
      timer.unref();
    }
    if (!mayCall(new Date(Date.now() + LEASE_MS))) await beat();
    return await work();
  } finally {
    if (--held === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }
}

/** The owners among `owners` whose heartbeat is alive. */
export async function liveOwners(owners: string[]): Promise<Set<string>> {
  const unique = [...new Set(owners)];
  if (unique.length === 0) return new Set();
  const beats = await redis().mget(...unique.map(keyOf));
  return new Set(unique.filter((_, i) => beats[i] !== null));
}
