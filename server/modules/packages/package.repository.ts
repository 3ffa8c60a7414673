// Prisma queries of service packages (tenant-scoped handle). Subscriber counts come from a
// top-level groupBy, which the tenant scope covers.
import "server-only";
import type { TenantDb, TenantScope } from "@/server/db";
import type { PackageType } from "@/server/db/generated/enums";

export const PACKAGE_SELECT = {
  id: true,
  name: true,
  priceIdr: true,
  speedDownKbps: true,
  speedUpKbps: true,
  type: true,
  taxable: true,
  description: true,
  active: true,
} as const;

export type PackageRow = {
  id: string;
  name: string;
  priceIdr: number;
  speedDownKbps: number;
  speedUpKbps: number;
  type: PackageType;
  taxable: boolean;
  description: string | null;
  active: boolean;
};

export type PackageData = Omit<PackageRow, "id">;

export function listPackageRows(db: TenantDb): Promise<PackageRow[]> {
  return db.servicePackage.findMany({ select: PACKAGE_SELECT, orderBy: [{ active: "desc" }, { priceIdr: "asc" }, { name: "asc" }] });
}

export function findPackageRow(db: TenantScope, id: string): Promise<PackageRow | null> {
  return db.servicePackage.findFirst({ where: { id }, select: PACKAGE_SELECT });
}

export type SubscriptionCounts = { open: number; total: number };

/** Per package: subscriptions that are active or paused (open) and all of them (total). */
export async function countSubscriptionsByPackage(db: TenantDb, packageIds?: string[]): Promise<Map<string, SubscriptionCounts>> {
  const groups = await db.subscription.groupBy({
    by: ["packageId", "status"],
    where: packageIds ? { packageId: { in: packageIds } } : {},
    _count: { _all: true },
  });
  const counts = new Map<string, SubscriptionCounts>();
  for (const g of groups) {
    const c = counts.get(g.packageId) ?? { open: 0, total: 0 };
    c.total += g._count._all;
    if (g.status !== "ended") c.open += g._count._all;
    counts.set(g.packageId, c);
  }
  return counts;
}

export function createPackageRow(db: TenantScope, data: PackageData & { tenantId: string }): Promise<PackageRow> {
  return db.servicePackage.create({ data, select: PACKAGE_SELECT });
}

export function updatePackageRow(db: TenantDb, id: string, data: Partial<PackageData>): Promise<PackageRow> {
  return db.servicePackage.update({ where: { id }, data, select: PACKAGE_SELECT });
}

/** Deletes the package; a subscription referencing it makes PostgreSQL refuse (P2003). */
export async function deletePackageRow(db: TenantDb, id: string): Promise<void> {
  await db.servicePackage.delete({ where: { id } });
}

export { isUniqueViolation, isForeignKeyViolation, isRecordNotFound } from "@/server/db/prisma-errors";
