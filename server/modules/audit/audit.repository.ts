// Prisma queries of the audit logs: the tenant's own (on its scoped handle) and the platform log
// (system code: the copy of a tenant-level event is written outside the tenant's handle).
import "server-only";
import type { TenantScope } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { unsafeSystemDb, type SystemDb } from "@/server/db/unsafe-system-db";

export type AuditRow = Prisma.AuditEventUncheckedCreateInput;
export type PlatformAuditRow = Prisma.PlatformAuditEventUncheckedCreateInput;

export async function insertAuditEvent(db: TenantScope, row: AuditRow): Promise<void> {
  await db.auditEvent.create({ data: row, select: { id: true } });
}

/** On `db` when given (the caller's system handle or transaction), else on the system client. */
export async function insertPlatformAuditEvent(db: SystemDb | null, row: PlatformAuditRow): Promise<void> {
  await (db ?? unsafeSystemDb()).platformAuditEvent.create({ data: row, select: { id: true } });
}

export type AuditPageQuery = { after: { createdAt: Date; id: string } | null; take: number; action?: string };

/** Newest first; keyset paging on (createdAt, id), served by the (tenantId, createdAt) index. */
export function findAuditEvents(db: TenantScope, { after, take, action }: AuditPageQuery) {
  return db.auditEvent.findMany({
    where: {
      ...(action ? { action } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      action: true,
      actorType: true,
      actorLabel: true,
      targetType: true,
      targetId: true,
      ip: true,
      requestId: true,
      createdAt: true,
      details: true,
    },
  });
}

export type PlatformAuditPageQuery = { tenantId?: string; after: { createdAt: Date; id: string } | null; take: number };

/** The platform log, newest first; keyset paging on (createdAt, id). System handle. */
export function findPlatformAuditEvents(db: SystemDb, { tenantId, after, take }: PlatformAuditPageQuery) {
  return db.platformAuditEvent.findMany({
    where: {
      ...(tenantId ? { targetTenantId: tenantId } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
