// A tenant's MikroTik routers: add, edit, remove (plan limit on adding), test a connection,
// and withRouter() — the one way the rest of RRNET sends commands to a router: credentials
// opened from their sealed form, the process's pooled connection, and every state-changing
// command written to the router's command log with who or what caused it.
import "server-only";
import type { Actor, UserActor } from "@/server/actor/actor";
import { env } from "@/server/config/env";
import { open as openSecret, seal as sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { assertWithinLimit } from "@/server/modules/plans/entitlements.service";
import { syncRouterNas } from "@/server/modules/radius/nas.service";
import { RouterClient, type RouterCommandRecord } from "./driver/router-client";
import { connectTransport, routerPool } from "./driver/router-pool";
import type { RouterConnectionConfig, RouterTransportKind } from "./driver/router-transport";
import {
  countRouterRows,
  deleteRouterRow,
  findRouterRow,
  insertCommandLog,
  insertRouterRow,
  isUniqueViolation,
  listRouterRows,
  lockRouterRoster,
  routerStatusCounts,
  updateRouterRow,
  type RouterData,
  type RouterRow,
} from "./router.repository";
import type { TConnectionFailure, TConnectionTestResult, TCreateRouterInput, TRouter, TRouterSummary, TRouterTransport, TTestConnectionInput, TUpdateRouterInput } from "./routers.schema";

const nameTaken = () => new AppError("CONFLICT", { field: "name" }, "routers.errors.nameTaken");
const notFound = (id: string) => new AppError("NOT_FOUND", { routerId: id }, "routers.errors.notFound");

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const bytes = (value: bigint | null) => (value === null ? null : Number(value));

export function toRouter(row: RouterRow): TRouter {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    transport: row.transport,
    port: row.port,
    username: row.username,
    tlsVerify: row.tlsVerify,
    mode: row.mode,
    location: row.location,
    notes: row.notes,
    hasRadiusSecret: row.radiusSecretSealed !== null,
    status: row.status,
    lastError: row.lastError,
    lastPolledAt: iso(row.lastPolledAt),
    lastSeenAt: iso(row.lastSeenAt),
    identity: row.identity,
    version: row.version,
    boardName: row.boardName,
    uptimeSeconds: row.uptimeSeconds,
    cpuLoadPercent: row.cpuLoadPercent,
    freeMemoryBytes: bytes(row.freeMemoryBytes),
    totalMemoryBytes: bytes(row.totalMemoryBytes),
    driftCount: row.driftCount,
    driftCheckedAt: iso(row.driftCheckedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listRouters(db: TenantDb): Promise<TRouter[]> {
  return (await listRouterRows(db)).map(toRouter);
}

export async function getRouterRowOrThrow(db: TenantScope, id: string): Promise<RouterRow> {
  const row = await findRouterRow(db, id);
  if (!row) throw notFound(id);
  return row;
}

/** The tenant's router `id` by name and status, or null (for other modules that point at a router). */
export async function findRouterRef(db: TenantDb, id: string): Promise<{ id: string; name: string; status: TRouter["status"] } | null> {
  const row = await findRouterRow(db, id);
  return row ? { id: row.id, name: row.name, status: row.status } : null;
}

export async function getRouter(db: TenantDb, id: string): Promise<TRouter> {
  return toRouter(await getRouterRowOrThrow(db, id));
}

export async function routerSummary(db: TenantDb): Promise<TRouterSummary> {
  const summary: TRouterSummary = { total: 0, up: 0, down: 0, unknown: 0 };
  for (const group of await routerStatusCounts(db)) {
    summary[group.status] = group._count._all;
    summary.total += group._count._all;
  }
  return summary;
}

function fields(input: TCreateRouterInput | TUpdateRouterInput): Omit<RouterData, "passwordSealed" | "radiusSecretSealed"> {
  return {
    name: input.name,
    host: input.host,
    transport: input.transport,
    port: input.port,
    username: input.username,
    tlsVerify: input.tlsVerify,
    mode: input.mode,
    location: input.location,
    notes: input.notes,
  };
}

export async function createRouter(db: TenantDb, actor: UserActor, input: TCreateRouterInput): Promise<TRouter> {
  let row: RouterRow;
  try {
    row = await db.$transaction(async (tx) => {
      await lockRouterRoster(tx);
      await assertWithinLimit(tx, "routers", await countRouterRows(tx));
      const inserted = await insertRouterRow(tx, { ...fields(input), passwordSealed: sealSecret(input.password), radiusSecretSealed: input.radiusSecret ? sealSecret(input.radiusSecret) : null });
      await syncRouterNas(tx, { ...inserted, radiusSecret: input.radiusSecret ?? null });
      return inserted;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  await recordAudit(db, actor, { action: "router.saved", target: { type: "router", id: row.id }, details: { change: "created", name: row.name, host: row.host, transport: row.transport } });
  return toRouter(row);
}

export async function updateRouter(db: TenantDb, actor: UserActor, input: TUpdateRouterInput): Promise<TRouter> {
  const before = await getRouterRowOrThrow(db, input.id);
  const data: Partial<RouterData> = { ...fields(input) };
  if (input.password) data.passwordSealed = sealSecret(input.password);
  if (input.radiusSecret) data.radiusSecretSealed = sealSecret(input.radiusSecret);
  let row: RouterRow;
  try {
    // The router's `nas` row (FreeRADIUS's client) changes with it, or neither does.
    row = await db.$transaction(async (tx) => {
      const updated = await updateRouterRow(tx, input.id, data);
      await syncRouterNas(tx, { ...updated, radiusSecret: updated.radiusSecretSealed ? openSecret(updated.radiusSecretSealed) : null });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  // Field names only: the audit log never holds a secret.
  const changed = (Object.keys(fields(input)) as Array<keyof ReturnType<typeof fields>>).filter((k) => before[k] !== row[k]);
  if (input.password) changed.push("password" as never);
  if (input.radiusSecret) changed.push("radiusSecret" as never);
  await routerPool().drop(row.id);
  await recordAudit(db, actor, { action: "router.saved", target: { type: "router", id: row.id }, details: { change: "updated", name: row.name, fields: changed.join(",") } });
  return toRouter(row);
}

export async function removeRouter(db: TenantDb, actor: UserActor, id: string): Promise<{ id: string }> {
  const before = await getRouterRowOrThrow(db, id);
  if (!(await deleteRouterRow(db, id))) throw notFound(id);
  await routerPool().drop(id);
  await recordAudit(db, actor, { action: "router.saved", target: { type: "router", id }, details: { change: "deleted", name: before.name } });
  return { id };
}

const TRANSPORT_KIND: Record<TRouterTransport, RouterTransportKind> = { api: "api", api_ssl: "api-ssl", rest: "rest" };

function config(fields: { host: string; port: number; transport: TRouterTransport; username: string; tlsVerify: boolean }, password: string): RouterConnectionConfig {
  const settings = env();
  return {
    host: fields.host,
    port: fields.port,
    transport: TRANSPORT_KIND[fields.transport],
    username: fields.username,
    password,
    tlsVerify: fields.tlsVerify,
    connectTimeoutMs: settings.ROUTER_CONNECT_TIMEOUT_MS,
    commandTimeoutMs: settings.ROUTER_COMMAND_TIMEOUT_MS,
  };
}

export function connectionConfig(row: RouterRow): RouterConnectionConfig {
  return config(row, openSecret(row.passwordSealed));
}

const ACTOR_TYPE = { user: "user", operator: "platform_admin", system: "system", visitor: "system" } as const;

/**
 * Runs `work` with a client on the router's pooled connection. Every add/set/remove it sends is
 * written to the router's command log as caused by `actor`.
 */
export async function withRouter<T>(db: TenantDb, actor: Actor, router: RouterRow | string, work: (client: RouterClient) => Promise<T>): Promise<T> {
  const row = typeof router === "string" ? await getRouterRowOrThrow(db, router) : router;
  // Log rows are written while the next command runs, and all are in before withRouter returns.
  const logging: Array<Promise<void>> = [];
  const onCommand = (record: RouterCommandRecord) =>
    void logging.push(insertCommandLog(db, {
      routerId: row.id,
      actorType: ACTOR_TYPE[actor.kind],
      actorId: actor.kind === "user" || actor.kind === "operator" ? actor.userId : null,
      actorLabel: actor.label,
      menu: record.menu,
      action: record.action,
      itemId: record.itemId,
      params: record.values,
      ok: record.ok,
      error: record.error,
    }));
  try {
    return await routerPool().use(row.id, connectionConfig(row), work, { onCommand });
  } finally {
    await Promise.all(logging);
  }
}

/** Why a connection attempt failed, from the driver's error. Other errors are rethrown. */
export function connectionFailure(error: unknown): { code: "ROUTER_UNREACHABLE" | "ROUTER_AUTH_FAILED" | "ROUTER_COMMAND_FAILED"; failure: TConnectionFailure; routerMessage: string | null } {
  if (!(error instanceof AppError)) throw error;
  const details = error.details ?? {};
  if (error.code === "ROUTER_UNREACHABLE") return { code: error.code, failure: (details.reason as TConnectionFailure) ?? "network", routerMessage: null };
  if (error.code === "ROUTER_AUTH_FAILED") return { code: error.code, failure: details.reason === "policy" ? "policy" : "credentials", routerMessage: null };
  if (error.code === "ROUTER_COMMAND_FAILED") return { code: error.code, failure: "command", routerMessage: typeof details.message === "string" ? details.message : null };
  throw error;
}

/** Reads identity and resources: what a connection test and a health poll both need. */
export async function probe(client: RouterClient) {
  const [identity, resource] = [await client.identity(), await client.resource()];
  return { identity, resource };
}

/**
 * Tests settings not saved yet on a fresh connection (closed afterwards). A saved router is
 * tested by its health poll (router-health.service), which also records the result.
 */
export async function testUnsavedConnection(input: Extract<TTestConnectionInput, { password: string }>): Promise<TConnectionTestResult> {
  const started = Date.now();
  try {
    const transport = await connectTransport(config(input, input.password));
    try {
      const { identity, resource } = await probe(new RouterClient(transport));
      return { ok: true, identity, version: resource.version, boardName: resource.boardName, uptimeSeconds: resource.uptimeSeconds, elapsedMs: Date.now() - started };
    } finally {
      await transport.close();
    }
  } catch (error) {
    return { ok: false, ...connectionFailure(error), elapsedMs: Date.now() - started };
  }
}

/** Shutdown: closes this process's router connections. */
export function closeRouterConnections(): Promise<void> {
  return routerPool().closeAll();
}
