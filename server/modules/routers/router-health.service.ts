// Router health: a poll reads identity and resources over the router's pooled connection and
// records the result on the router (status, last seen, version, board, uptime, CPU, memory) and
// as a sample of its short history (7 days). Two failed polls in a row mark it down; one good
// poll marks it up. The worker polls every router each minute (routers.jobs.ts). A change of
// status is written with a routers.status_changed event in one transaction, so whoever follows
// routers (the FTTH plant) hears of every change exactly when it commits.
import "server-only";
import { systemActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { event } from "@/server/events/define-event";
import { emitEvents } from "@/server/events/outbox";
import { routerStatusChanged } from "./routers.events";
import { connectionFailure, getRouterRowOrThrow, probe, withRouter } from "./router.service";
import {
  insertHealthSample,
  listCommandLog,
  listHealthSamples,
  listRouterRows,
  pruneHealthSamples,
  updateRouterHealth,
  type RouterHealthData,
  type RouterRow,
} from "./router.repository";
import type { TCommandLogEntry, TConnectionTestResult, THealthSample } from "./routers.schema";

export const DOWN_AFTER_FAILED_POLLS = 2;
const HISTORY_DAYS = 7;

/** Writes a poll's result on the router; a change of status goes with its event. */
async function recordHealth(db: TenantDb, row: RouterRow, data: RouterHealthData & { status: RouterRow["status"] }, at: Date): Promise<void> {
  if (data.status === row.status) {
    await updateRouterHealth(db, row.id, data);
    return;
  }
  await db.$transaction(async (tx) => {
    await updateRouterHealth(tx, row.id, data);
    await emitEvents(tx, [event(routerStatusChanged, { routerId: row.id, from: row.status, to: data.status, at: at.toISOString() })]);
  });
}

export async function pollRouter(db: TenantDb, routerId: string, now: () => Date = () => new Date()): Promise<TConnectionTestResult> {
  const row = await getRouterRowOrThrow(db, routerId);
  const started = Date.now();
  const at = now();
  try {
    const { identity, resource } = await withRouter(db, systemActor("router health poll", { tenantId: db.tenantId }), row, probe);
    await recordHealth(db, row, {
      status: "up",
      failedPolls: 0,
      lastError: null,
      lastPolledAt: at,
      lastSeenAt: at,
      identity,
      version: resource.version,
      boardName: resource.boardName,
      uptimeSeconds: resource.uptimeSeconds,
      cpuLoadPercent: resource.cpuLoadPercent,
      freeMemoryBytes: BigInt(resource.freeMemoryBytes),
      totalMemoryBytes: BigInt(resource.totalMemoryBytes),
    }, at);
    await insertHealthSample(db, {
      routerId: row.id,
      at,
      ok: true,
      error: null,
      cpuLoadPercent: resource.cpuLoadPercent,
      freeMemoryBytes: BigInt(resource.freeMemoryBytes),
      totalMemoryBytes: BigInt(resource.totalMemoryBytes),
      uptimeSeconds: resource.uptimeSeconds,
    });
    await pruneHealthSamples(db, row.id, new Date(at.getTime() - HISTORY_DAYS * 86_400_000));
    return { ok: true, identity, version: resource.version, boardName: resource.boardName, uptimeSeconds: resource.uptimeSeconds, elapsedMs: Date.now() - started };
  } catch (error) {
    const failure = connectionFailure(error);
    const failedPolls = row.failedPolls + 1;
    const status = failedPolls >= DOWN_AFTER_FAILED_POLLS ? "down" : row.status;
    const errorText = failure.routerMessage ? `${failure.code}: ${failure.routerMessage}` : `${failure.code}: ${failure.failure}`;
    await recordHealth(db, row, { failedPolls, status, lastError: errorText.slice(0, 500), lastPolledAt: at }, at);
    await insertHealthSample(db, { routerId: row.id, at, ok: false, error: errorText.slice(0, 500), cpuLoadPercent: null, freeMemoryBytes: null, totalMemoryBytes: null, uptimeSeconds: null });
    return { ok: false, ...failure, elapsedMs: Date.now() - started };
  }
}

/** Every router of the tenant, one after another (one router's failure never stops the rest). */
export async function pollAllRouters(db: TenantDb): Promise<{ polled: number; up: number }> {
  let up = 0;
  const rows = await listRouterRows(db);
  for (const row of rows) if ((await pollRouter(db, row.id)).ok) up++;
  return { polled: rows.length, up };
}

export async function routerIds(db: TenantDb): Promise<string[]> {
  return (await listRouterRows(db)).map((row) => row.id);
}

export async function healthHistory(db: TenantDb, routerId: string, limit = 60): Promise<THealthSample[]> {
  const rows = await listHealthSamples(db, routerId, limit);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    ok: r.ok,
    error: r.error,
    cpuLoadPercent: r.cpuLoadPercent,
    freeMemoryBytes: r.freeMemoryBytes === null ? null : Number(r.freeMemoryBytes),
    totalMemoryBytes: r.totalMemoryBytes === null ? null : Number(r.totalMemoryBytes),
    uptimeSeconds: r.uptimeSeconds,
  }));
}

export async function commandLog(db: TenantDb, routerId: string, limit = 50): Promise<TCommandLogEntry[]> {
  const rows = await listCommandLog(db, routerId, limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorType: r.actorType,
    actorLabel: r.actorLabel,
    menu: r.menu,
    action: r.action,
    itemId: r.itemId,
    params: (r.params ?? {}) as Record<string, string>,
    ok: r.ok,
    error: r.error,
  }));
}
