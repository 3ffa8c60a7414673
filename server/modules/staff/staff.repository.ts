// Prisma queries of staff management (tenant-scoped handle or a transaction on it). The two
// raw queries are row locks that serialise concurrent changes of one tenant's staff.
import "server-only";
import type { TenantDb, TenantTx } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";

/** The tenant handle or an interactive transaction opened on it. */
export type { TenantTx };
type Db = TenantDb | TenantTx;

export const STAFF_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  totpEnabledAt: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

export type StaffRow = { id: string; name: string; email: string; role: Role; active: boolean; totpEnabledAt: Date | null; lastSignInAt: Date | null; createdAt: Date };

export function listStaffRows(db: Db): Promise<StaffRow[]> {
  return db.user.findMany({ where: { role: { not: "client" } }, select: STAFF_SELECT, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export function findStaffRow(db: Db, userId: string): Promise<StaffRow | null> {
  return db.user.findFirst({ where: { id: userId, role: { not: "client" } }, select: STAFF_SELECT });
}

export function findUserIdByEmail(db: Db, email: string): Promise<{ id: string } | null> {
  return db.user.findFirst({ where: { email }, select: { id: true } });
}

/** Users per role and active flag (the dashboard's head count). */
export async function countUsersByRoleAndStatus(db: Db) {
  const rows = await db.user.groupBy({ by: ["role", "active"], _count: { _all: true } });
  return rows.map((row) => ({ role: row.role, active: row.active, count: row._count._all }));
}

/** Active staff who have not turned on two-factor sign-in. */
export function countStaffWithoutTwoFactor(db: Db): Promise<number> {
  return db.user.count({ where: { active: true, role: { not: "client" }, totpEnabledAt: null } });
}

/** Active staff without two-factor sign-in, by name (what requiring it would stop). */
export function listStaffWithoutTwoFactor(db: Db, take: number): Promise<Array<{ id: string; name: string; email: string; role: Role }>> {
  return db.user.findMany({ where: { active: true, role: { not: "client" }, totpEnabledAt: null }, select: { id: true, name: true, email: true, role: true }, orderBy: { name: "asc" }, take });
}

/** Active users who count against the plan's staff limit (every role but client). */
export function countActiveStaff(db: Db): Promise<number> {
  return db.user.count({ where: { active: true, role: { not: "client" } } });
}

/**
 * Locks the tenant's active owner rows until the transaction ends and returns their ids. A
 * concurrent demotion or deactivation waits here, then sees the committed state (PostgreSQL
 * re-checks the WHERE of a locked row that changed), so "keep one owner" cannot be raced.
 */
export async function lockActiveOwnerIds(tx: TenantTx): Promise<string[]> {
  const tenantId = tx.tenantId;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "User"
    WHERE "tenantId" = ${tenantId}::uuid AND role = 'owner'::"Role" AND active = true
    ORDER BY id
    FOR UPDATE`;
  return rows.map((r) => r.id);
}

/** Serialises changes that add to the staff count (create, reactivate) within one tenant. */
export async function lockStaffRoster(tx: TenantTx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tx.tenantId}::uuid FOR NO KEY UPDATE`;
}

export function createStaffRow(db: Db, data: { tenantId: string; name: string; email: string; role: Role; passwordHash: string; mustChangePassword: boolean }): Promise<StaffRow> {
  return db.user.create({ data, select: STAFF_SELECT });
}

export function updateStaffRow(db: Db, userId: string, data: { role?: Role; active?: boolean; passwordHash?: string; passwordChangedAt?: Date; mustChangePassword?: boolean }): Promise<StaffRow> {
  return db.user.update({ where: { id: userId }, data, select: STAFF_SELECT });
}

export { isUniqueViolation } from "@/server/db/prisma-errors";
