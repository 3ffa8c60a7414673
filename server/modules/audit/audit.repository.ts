// Prisma queries for reading the audit log (tenant-scoped handle only).
import type { TenantDb } from "@/server/db";

export type AuditPageQuery = { after: { createdAt: Date; id: string } | null; take: number; action?: string };

/** Newest first; keyset paging on (createdAt, id), served by the (tenantId, createdAt) index. */
export function findAuditEvents(db: TenantDb, { after, take, action }: AuditPageQuery) {
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
