// Prisma queries of subscriptions' router accounts (PPPoE secrets, hotspot users) and the
// tenant's isolation settings (columns of Tenant). Rows keep the sealed password.
import "server-only";
import type { TenantDb, TenantScope } from "@/server/db";
import type { IsolationMode, NetworkApplyStatus, PackageType } from "@/server/db/generated/enums";

export type NetworkAccountRow = {
  id: string;
  subscriptionId: string;
  customerId: string;
  routerId: string | null;
  kind: PackageType;
  username: string;
  passwordSealed: string;
  status: NetworkApplyStatus;
  lastError: string | null;
  isolationProblem: string | null;
  appliedAccess: string | null;
  appliedProfile: string | null;
  appliedAt: Date | null;
  attempts: number;
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type NetworkAccountData = Pick<NetworkAccountRow, "subscriptionId" | "customerId" | "routerId" | "kind" | "username" | "passwordSealed">;
export type NetworkAccountOutcome = Partial<Pick<NetworkAccountRow, "status" | "lastError" | "isolationProblem" | "appliedAccess" | "appliedProfile" | "appliedAt" | "attempts" | "lastSeenAt" | "routerId" | "passwordSealed">>;

export function listAccountsOfCustomer(db: TenantScope, customerId: string): Promise<NetworkAccountRow[]> {
  return db.networkAccount.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
}

export function listAccountsOfTenant(db: TenantDb): Promise<NetworkAccountRow[]> {
  return db.networkAccount.findMany({ orderBy: { createdAt: "asc" } });
}

export function listAccountsOfRouter(db: TenantDb, routerId: string): Promise<NetworkAccountRow[]> {
  return db.networkAccount.findMany({ where: { routerId } });
}

export function findAccount(db: TenantDb, id: string): Promise<NetworkAccountRow | null> {
  return db.networkAccount.findFirst({ where: { id } });
}

export function findAccountsByUsername(db: TenantDb, usernames: string[]): Promise<NetworkAccountRow[]> {
  return db.networkAccount.findMany({ where: { username: { in: usernames } } });
}

export function listUsernamesLike(db: TenantScope, prefix: string): Promise<Array<{ username: string }>> {
  return db.networkAccount.findMany({ where: { username: { startsWith: prefix } }, select: { username: true } });
}

export function insertAccount(db: TenantScope, data: NetworkAccountData): Promise<NetworkAccountRow> {
  return db.networkAccount.create({ data: { tenantId: db.tenantId, ...data } });
}

export async function insertAccounts(db: TenantDb, data: NetworkAccountData[]): Promise<number> {
  if (data.length === 0) return 0;
  const { count } = await db.networkAccount.createMany({ data: data.map((d) => ({ tenantId: db.tenantId, ...d, status: "applied" as const, appliedAccess: "allowed", appliedAt: new Date() })), skipDuplicates: true });
  return count;
}

export function updateAccount(db: TenantScope, id: string, data: NetworkAccountOutcome): Promise<NetworkAccountRow> {
  return db.networkAccount.update({ where: { id }, data });
}

/** The same outcome for many accounts at once (a drift repair). */
export async function updateAccounts(db: TenantDb, ids: string[], data: NetworkAccountOutcome): Promise<void> {
  if (ids.length) await db.networkAccount.updateMany({ where: { id: { in: ids } }, data });
}

/** Customers with an account that is not applied yet (the sweep's retry list). */
export async function customersWithUnappliedAccounts(db: TenantDb, limit: number): Promise<string[]> {
  const rows = await db.networkAccount.findMany({ where: { status: { not: "applied" }, routerId: { not: null } }, select: { customerId: true }, distinct: ["customerId"], take: limit });
  return rows.map((r) => r.customerId);
}

export async function countAccountsWithIsolationProblem(db: TenantDb): Promise<number> {
  return db.networkAccount.count({ where: { isolationProblem: { not: null } } });
}

export function listAccountsWithProblems(db: TenantDb, limit: number): Promise<NetworkAccountRow[]> {
  return db.networkAccount.findMany({ where: { OR: [{ isolationProblem: { not: null } }, { status: "failed" }] }, orderBy: { updatedAt: "desc" }, take: limit });
}

export type IsolationSettingsRow = { isolationMode: IsolationMode; isolationProfile: string; isolationAddressList: string; isolationRateLimit: string; isolationRedirectUrl: string | null };

export function findIsolationSettings(db: TenantDb): Promise<IsolationSettingsRow> {
  return db.tenant.findFirstOrThrow({ select: { isolationMode: true, isolationProfile: true, isolationAddressList: true, isolationRateLimit: true, isolationRedirectUrl: true } });
}

export async function updateIsolationSettings(db: TenantDb, data: IsolationSettingsRow): Promise<void> {
  await db.tenant.updateMany({ data });
}

export function listRouterModesOfTenant(db: TenantDb): Promise<Array<{ id: string; mode: "api" | "radius" | "both" }>> {
  return db.router.findMany({ select: { id: true, mode: true }, orderBy: { createdAt: "asc" } });
}

export function listRouterIdsOfTenant(db: TenantScope): Promise<Array<{ id: string }>> {
  return db.router.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
}
