// Prisma queries for a tenant's custom domains (tenant-scoped handle only).
import "server-only";
import type { TenantDb } from "@/server/db";

export type DomainRow = { id: string; domain: string; verificationToken: string; verifiedAt: Date | null; createdAt: Date };
const SELECT = { id: true, domain: true, verificationToken: true, verifiedAt: true, createdAt: true } as const;

export function listDomainRows(db: TenantDb): Promise<DomainRow[]> {
  return db.tenantDomain.findMany({ select: SELECT, orderBy: { createdAt: "asc" } });
}

export function findDomainRow(db: TenantDb, where: { id: string } | { domain: string }): Promise<DomainRow | null> {
  return db.tenantDomain.findFirst({ where, select: SELECT });
}

export function createDomainRow(db: TenantDb, data: { tenantId: string; domain: string; verificationToken: string }): Promise<DomainRow> {
  return db.tenantDomain.create({ data, select: SELECT });
}

/** Marks the domain verified unless it already is; returns the row. */
export async function markDomainVerified(db: TenantDb, id: string, at: Date): Promise<DomainRow | null> {
  await db.tenantDomain.updateMany({ where: { id, verifiedAt: null }, data: { verifiedAt: at } });
  return findDomainRow(db, { id });
}

export async function deleteDomainRow(db: TenantDb, id: string): Promise<boolean> {
  const { count } = await db.tenantDomain.deleteMany({ where: { id } });
  return count > 0;
}

export { isUniqueViolation } from "@/server/db/prisma-errors";
