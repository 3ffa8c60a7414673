// Prisma queries of the super-admin tenant pages (system code: the system handle for lists and
// counts across tenants; a tenant's own scoped handle for what happens inside one tenant).
// Selects name only what the console may show: never a user's email, name or anything else
// personal — counts only.
import "server-only";
import type { TenantDb } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantStatus } from "@/server/db/generated/enums";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { containsText } from "@/server/db/text-search";

const TENANT_SELECT = {
  id: true,
  slug: true,
  name: true,
  status: true,
  timezone: true,
  requireTwoFactor: true,
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
  plan: { select: { id: true, code: true, name: true } },
} as const;

export type TenantRowData = Prisma.TenantGetPayload<{ select: typeof TENANT_SELECT }>;

export type TenantCounts = { staffActive: number; staffTotal: number; clients: number; domainsVerified: number; domainsPending: number };

export type TenantListQuery = { search?: string; status?: TenantStatus; skip: number; take: number };

function listWhere(query: Pick<TenantListQuery, "search" | "status">): Prisma.TenantWhereInput {
  const search = query.search?.trim();
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(search
      ? { OR: [{ name: containsText(search) }, { slug: containsText(search.toLowerCase(), "default") }] }
      : {}),
  };
}

export async function findTenantPage(db: SystemDb, query: TenantListQuery): Promise<{ rows: TenantRowData[]; total: number }> {
  const where = listWhere(query);
  const [rows, total] = await Promise.all([
    db.tenant.findMany({ where, select: TENANT_SELECT, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: query.skip, take: query.take }),
    db.tenant.count({ where }),
  ]);
  return { rows, total };
}

export function findTenantRow(db: SystemDb, tenantId: string): Promise<TenantRowData | null> {
  return db.tenant.findUnique({ where: { id: tenantId }, select: TENANT_SELECT });
}

export function findTenantIdBySlug(db: SystemDb, slug: string): Promise<{ id: string } | null> {
  return db.tenant.findUnique({ where: { slug }, select: { id: true } });
}

/** Aggregate counts per tenant: users by role/active, domains verified/pending. No rows leave. */
export async function countsForTenants(db: SystemDb, tenantIds: string[]): Promise<Map<string, TenantCounts>> {
  const counts = new Map<string, TenantCounts>(
    tenantIds.map((id) => [id, { staffActive: 0, staffTotal: 0, clients: 0, domainsVerified: 0, domainsPending: 0 }]),
  );
  if (tenantIds.length === 0) return counts;
  const inTenants = { tenantId: { in: tenantIds } };
  const [users, verified, pending] = await Promise.all([
    db.user.groupBy({ by: ["tenantId", "role", "active"], where: inTenants, _count: { _all: true } }),
    db.tenantDomain.groupBy({ by: ["tenantId"], where: { ...inTenants, verifiedAt: { not: null } }, _count: { _all: true } }),
    db.tenantDomain.groupBy({ by: ["tenantId"], where: { ...inTenants, verifiedAt: null }, _count: { _all: true } }),
  ]);
  for (const row of users) {
    const c = counts.get(row.tenantId)!;
    const n = row._count._all;
    if (row.role === "client") {
      c.clients += n;
    } else {
      c.staffTotal += n;
      if (row.active) c.staffActive += n;
    }
  }
  for (const row of verified) counts.get(row.tenantId)!.domainsVerified = row._count._all;
  for (const row of pending) counts.get(row.tenantId)!.domainsPending = row._count._all;
  return counts;
}

/** `tenant`: the tenant's own scoped handle. */
export function listTenantDomains(tenant: TenantDb) {
  return tenant.tenantDomain.findMany({
    select: { id: true, domain: true, verifiedAt: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export function listTenantAddOns(tenant: TenantDb) {
  return tenant.tenantAddOn.findMany({
    select: { quantity: true, addOn: { select: { id: true, code: true, name: true, active: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** Creates the tenant and its first owner in one transaction. */
export function createTenantWithOwner(db: SystemDb, data: {
  slug: string;
  name: string;
  timezone: string;
  planId: string;
  owner: { name: string; email: string; passwordHash: string };
}): Promise<{ tenantId: string; ownerUserId: string }> {
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.create({ data: { slug: data.slug, name: data.name, timezone: data.timezone, planId: data.planId }, select: { id: true } });
    const owner = await tx.user.create({
      data: { tenantId: tenant.id, name: data.owner.name, email: data.owner.email, role: "owner", passwordHash: data.owner.passwordHash, mustChangePassword: true },
      select: { id: true },
    });
    return { tenantId: tenant.id, ownerUserId: owner.id };
  });
}

/** Moves the tenant from one of `from` to `to`; false when it was in none of them (raced or wrong state). */
export async function transitionTenantStatus(db: SystemDb, tenantId: string, from: readonly TenantStatus[], to: TenantStatus, archivedAt: Date | null): Promise<boolean> {
  const { count } = await db.tenant.updateMany({ where: { id: tenantId, status: { in: [...from] } }, data: { status: to, archivedAt } });
  return count === 1;
}

export async function setTenantPlan(db: SystemDb, tenantId: string, planId: string): Promise<void> {
  await db.tenant.update({ where: { id: tenantId }, data: { planId } });
}

/** Replaces the tenant's add-ons with `items` (absent ones are removed). */
export async function replaceTenantAddOns(db: TenantDb, items: { addOnId: string; quantity: number }[]): Promise<void> {
  const tenantId = db.tenantId;
  await db.$transaction(async (tx) => {
    await tx.tenantAddOn.deleteMany({ where: { addOnId: { notIn: items.map((i) => i.addOnId) } } });
    for (const item of items) {
      await tx.tenantAddOn.upsert({
        where: { tenantId_addOnId: { tenantId, addOnId: item.addOnId } },
        create: { tenantId, addOnId: item.addOnId, quantity: item.quantity },
        update: { quantity: item.quantity },
      });
    }
  });
}

export async function deleteTenantDomain(db: TenantDb, domainId: string): Promise<{ domain: string } | null> {
  const row = await db.tenantDomain.findFirst({ where: { id: domainId }, select: { domain: true } });
  if (!row) return null;
  const { count } = await db.tenantDomain.deleteMany({ where: { id: domainId } });
  return count === 1 ? row : null;
}

export function findPlansByIds(db: SystemDb, ids: string[]) {
  return db.plan.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, active: true } });
}

export function findAddOnsByIds(db: SystemDb, ids: string[]) {
  return db.addOn.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, active: true } });
}
