// Prisma queries of the customer register (tenant-scoped handle or a transaction on it). Raw SQL
// here (number reservation, the roster lock) names tenantId in its first WHERE / VALUES.
import "server-only";
import type { TenantDb, TenantTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { CustomerStatus } from "@/server/db/generated/enums";
import { containsText } from "@/server/db/text-search";

/** The tenant handle or an interactive transaction opened on it. */
export type { TenantTx };
type Db = TenantDb | TenantTx;

export const CUSTOMER_SELECT = {
  id: true,
  number: true,
  name: true,
  phone: true,
  address: true,
  latitude: true,
  longitude: true,
  idNumberLast4: true,
  status: true,
  billingDay: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type CustomerRecord = {
  id: string;
  number: number;
  name: string;
  phone: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  idNumberLast4: string | null;
  status: CustomerStatus;
  billingDay: number;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type CustomerData = {
  name?: string;
  phone?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  idNumberSealed?: string | null;
  idNumberLast4?: string | null;
  status?: CustomerStatus;
  billingDay?: number;
  notes?: string | null;
};

export type CustomerSearch = { name?: string; number?: number; phoneDigits?: string; status?: CustomerStatus };

function searchWhere(search: CustomerSearch): Prisma.CustomerWhereInput {
  const or: Prisma.CustomerWhereInput[] = [];
  if (search.name) or.push({ name: containsText(search.name) });
  if (search.number !== undefined) or.push({ number: search.number });
  if (search.phoneDigits) or.push({ phone: containsText(search.phoneDigits, "default") });
  return { ...(search.status ? { status: search.status } : {}), ...(or.length ? { OR: or } : {}) };
}

/** Ascending by number, after `afterNumber`; served by the (tenantId, number) unique index. */
export function findCustomerPage(db: Db, search: CustomerSearch, afterNumber: number | null, take: number): Promise<CustomerRecord[]> {
  const where = searchWhere(search);
  return db.customer.findMany({
    where: afterNumber === null ? where : { AND: [where, { number: { gt: afterNumber } }] },
    orderBy: { number: "asc" },
    take,
    select: CUSTOMER_SELECT,
  });
}

export function findCustomer(db: Db, id: string): Promise<(CustomerRecord & { idNumberSealed: string | null }) | null> {
  return db.customer.findFirst({ where: { id }, select: { ...CUSTOMER_SELECT, idNumberSealed: true } });
}

export type CustomerRef = { id: string; number: number; name: string; status: CustomerStatus };
const REF_SELECT = { id: true, number: true, name: true, status: true } as const;

export function findCustomerRef(db: Db, where: { id: string } | { userId: string }): Promise<CustomerRef | null> {
  return db.customer.findFirst({ where, select: REF_SELECT });
}

export type PortalLoginCustomer = CustomerRef & { phone: string | null; userId: string | null };
const PORTAL_SELECT = { ...REF_SELECT, phone: true, userId: true } as const;

/** By customer number, or the oldest customer (not terminated first) with this WhatsApp number. */
export async function findPortalLoginCustomer(db: Db, where: { number: number } | { id: string } | { phone: string }): Promise<PortalLoginCustomer | null> {
  if (!("phone" in where)) return db.customer.findFirst({ where, select: PORTAL_SELECT });
  const rows = await db.customer.findMany({ where: { phone: where.phone }, select: PORTAL_SELECT, orderBy: { number: "asc" }, take: 20 });
  return rows.find((r) => r.status !== "terminated" && r.status !== "prospect") ?? rows.find((r) => r.status !== "terminated") ?? rows[0] ?? null;
}

/** Links a customer to their client-portal user once (a concurrent link wins; returns the linked user id). */
export async function linkPortalUserRow(db: Db, customerId: string, userId: string): Promise<void> {
  await db.customer.updateMany({ where: { id: customerId, userId: null }, data: { userId } });
}

export function findCustomerRefs(db: Db, ids: string[]): Promise<CustomerRef[]> {
  return db.customer.findMany({ where: { id: { in: ids } }, select: REF_SELECT });
}

export type CustomerContact = { id: string; number: number; name: string; phone: string | null };

export function findCustomerContacts(db: Db, ids: string[]): Promise<CustomerContact[]> {
  return db.customer.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, name: true, phone: true } });
}

export function countCustomersWithStatus(db: Db, status: CustomerStatus): Promise<number> {
  return db.customer.count({ where: { status } });
}

/** How many customers have each status, in one query (a status nobody has is absent). */
export async function countCustomersPerStatus(db: Db): Promise<Partial<Record<CustomerStatus, number>>> {
  const rows = await db.customer.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

/** Customers added in [from, to): the dashboard's "new this month". */
export function countCustomersCreatedBetween(db: Db, from: Date, to: Date): Promise<number> {
  return db.customer.count({ where: { createdAt: { gte: from, lt: to } } });
}

/** Customers that count against the plan: every status but terminated. */
export function countBillableCustomers(db: Db): Promise<number> {
  return db.customer.count({ where: { status: { not: "terminated" } } });
}

/** Serialises changes that add to the customer count (create, import, un-terminate) per tenant. */
export async function lockCustomerRoster(tx: TenantTx): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Tenant" WHERE id = ${tx.tenantId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Reserves `count` consecutive numbers from the tenant's counter `key` (the same row
 * nextTenantNumber uses) in one statement; returns the first. Inside the importing
 * transaction, so a rollback gives them back.
 */
export async function reserveNumbers(tx: TenantTx, key: string, count: number): Promise<number> {
  const tenantId = tx.tenantId;
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "TenantCounter" ("tenantId", "key", "value") VALUES (${tenantId}::uuid, ${key}, ${count})
    ON CONFLICT ("tenantId", "key") DO UPDATE SET "value" = "TenantCounter"."value" + ${count}
    RETURNING "value"`;
  return rows[0]!.value - count + 1;
}

export function createCustomerRow(db: Db, data: CustomerData & { tenantId: string; number: number; name: string }): Promise<CustomerRecord> {
  return db.customer.create({ data, select: CUSTOMER_SELECT });
}

export async function createCustomerRows(tx: TenantTx, rows: Array<CustomerData & { tenantId: string; number: number; name: string }>): Promise<number> {
  let created = 0;
  // Well under PostgreSQL's 65 535 bind parameters per statement.
  for (let i = 0; i < rows.length; i += 1000) created += (await tx.customer.createMany({ data: rows.slice(i, i + 1000) })).count;
  return created;
}

export function updateCustomerRow(db: Db, id: string, data: CustomerData): Promise<CustomerRecord> {
  return db.customer.update({ where: { id }, data, select: CUSTOMER_SELECT });
}

export type AudienceSearch = { statuses: CustomerStatus[]; packageId?: string | null; area?: string | null; odpId?: string | null };

/**
 * Customers matching a broadcast's filter, with their contacts; every given criterion must hold.
 * The package filter follows the customer's active subscriptions; the ODP one the customer's drop;
 * the area is part of the address or of the area recorded on the customer's ODP (relation
 * filters: each relation is keyed on tenantId too, so none reaches another tenant's rows).
 */
export function findAudience(db: Db, search: AudienceSearch): Promise<CustomerContact[]> {
  return db.customer.findMany({
    where: {
      status: { in: search.statuses },
      ...(search.area ? { OR: [{ address: containsText(search.area) }, { ftthDrop: { is: { tenantId: db.tenantId, odp: { area: containsText(search.area) } } } }] } : {}),
      ...(search.packageId ? { subscriptions: { some: { tenantId: db.tenantId, packageId: search.packageId, status: "active" } } } : {}),
      ...(search.odpId ? { ftthDrop: { is: { tenantId: db.tenantId, odpId: search.odpId } } } : {}),
    },
    orderBy: { number: "asc" },
    select: { id: true, number: true, name: true, phone: true },
  });
}
