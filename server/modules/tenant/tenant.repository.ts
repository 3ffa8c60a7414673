// Prisma queries of the tenant module (tenant-scoped handle only).
import "server-only";
import type { TenantDb } from "@/server/db";

export async function countUsersByRoleAndStatus(db: TenantDb) {
  const rows = await db.user.groupBy({ by: ["role", "active"], _count: { _all: true } });
  return rows.map((row) => ({ role: row.role, active: row.active, count: row._count._all }));
}
