// Prisma queries of routers, their health samples and command log (tenant-scoped handle).
// Rows keep the sealed secrets; the service decides who sees what (nobody sees those).
import "server-only";
import type { TenantDb, TenantScope, TenantTx } from "@/server/db";
import type { AuditActorType, RouterMode, RouterStatus, RouterTransport } from "@/server/db/generated/enums";
import type { Prisma } from "@/server/db/generated/client";

export type RouterRow = {
  id: string;
  name: string;
  host: string;
  transport: RouterTransport;
  port: number;
  username: string;
  passwordSealed: string;
  radiusSecretSealed: string | null;
  tlsVerify: boolean;
  mode: RouterMode;
  location: string | null;
  notes: string | null;
  status: RouterStatus;
  failedPolls: number;
  lastError: string | null;
  lastPolledAt: Date | null;
  lastSeenAt: Date | null;
  identity: string | null;
  version: string | null;
  boardName: string | null;
  uptimeSeconds: number | null;
  cpuLoadPercent: number | null;
  freeMemoryBytes: bigint | null;
  totalMemoryBytes: bigint | null;
  driftCount: number | null;
  driftCheckedAt: Date | null;
  createdAt: Date;
};

export type RouterData = Pick<RouterRow, "name" | "host" | "transport" | "port" | "username" | "passwordSealed" | "radiusSecretSealed" | "tlsVerify" | "mode" | "location" | "notes">;

export type RouterHealthData = Partial<
  Pick<RouterRow, "status" | "failedPolls" | "lastError" | "lastPolledAt" | "lastSeenAt" | "identity" | "version" | "boardName" | "uptimeSeconds" | "cpuLoadPercent" | "freeMemoryBytes" | "totalMemoryBytes">
>;

export function listRouterRows(db: TenantDb): Promise<RouterRow[]> {
  return db.router.findMany({ orderBy: { name: "asc" } });
}

export function findRouterRow(db: TenantScope, id: string): Promise<RouterRow | null> {
  return db.router.findFirst({ where: { id } });
}

export function countRouterRows(db: TenantScope): Promise<number> {
  return db.router.count();
}

export function insertRouterRow(db: TenantScope, data: RouterData): Promise<RouterRow> {
  return db.router.create({ data: { tenantId: db.tenantId, ...data } });
}

export function updateRouterRow(db: TenantScope, id: string, data: Partial<RouterData>): Promise<RouterRow> {
  return db.router.update({ where: { id }, data });
}

export function updateRouterHealth(db: TenantScope, id: string, data: RouterHealthData): Promise<RouterRow> {
  return db.router.update({ where: { id }, data });
}

export async function updateRouterDrift(db: TenantDb, id: string, data: { driftCount: number; driftCheckedAt: Date }): Promise<void> {
  await db.router.updateMany({ where: { id }, data });
}

export async function deleteRouterRow(db: TenantDb, id: string): Promise<boolean> {
  const { count } = await db.router.deleteMany({ where: { id } });
  return count > 0;
}

export function routerStatusCounts(db: TenantDb): Promise<Array<{ status: RouterStatus; _count: { _all: number } }>> {
  return db.router.groupBy({ by: ["status"], _count: { _all: true } }) as unknown as Promise<Array<{ status: RouterStatus; _count: { _all: number } }>>;
}

export type HealthSampleData = {
  routerId: string;
  at: Date;
  ok: boolean;
  error: string | null;
  cpuLoadPercent: number | null;
  freeMemoryBytes: bigint | null;
  totalMemoryBytes: bigint | null;
  uptimeSeconds: number | null;
};

export async function insertHealthSample(db: TenantDb, data: HealthSampleData): Promise<void> {
  await db.routerHealthSample.create({ data: { tenantId: db.tenantId, ...data } });
}

export async function pruneHealthSamples(db: TenantDb, routerId: string, before: Date): Promise<void> {
  await db.routerHealthSample.deleteMany({ where: { routerId, at: { lt: before } } });
}

export function listHealthSamples(db: TenantDb, routerId: string, limit: number): Promise<Array<HealthSampleData & { id: string }>> {
  return db.routerHealthSample.findMany({ where: { routerId }, orderBy: { at: "desc" }, take: limit });
}

export type CommandLogData = {
  routerId: string;
  actorType: AuditActorType;
  actorId: string | null;
  actorLabel: string;
  menu: string;
  action: string;
  itemId: string | null;
  params: Record<string, string>;
  ok: boolean;
  error: string | null;
};

export async function insertCommandLog(db: TenantDb, data: CommandLogData): Promise<void> {
  await db.routerCommandLog.create({ data: { tenantId: db.tenantId, ...data, params: data.params as Prisma.InputJsonObject } });
}

export function listCommandLog(db: TenantDb, routerId: string, limit: number) {
  return db.routerCommandLog.findMany({ where: { routerId }, orderBy: { at: "desc" }, take: limit });
}

export { isUniqueViolation } from "@/server/db/prisma-errors";

/** Serialises router creation per tenant, so two adds at once cannot both pass the plan limit. */
export async function lockRouterRoster(tx: TenantTx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tx.tenantId}::uuid FOR NO KEY UPDATE`;
}
