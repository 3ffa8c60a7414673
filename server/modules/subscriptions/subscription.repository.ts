// Prisma queries of subscriptions (tenant-scoped handle). The package comes through a select on
// the relation; the compound foreign key (tenantId, packageId) keeps it the tenant's own.
import "server-only";
import type { TenantDb, TenantScope } from "@/server/db";
import type { SubscriptionStatus } from "@/server/db/generated/enums";

const SUBSCRIPTION_SELECT = {
  id: true,
  customerId: true,
  packageId: true,
  startDate: true,
  endDate: true,
  prorateFirstPeriod: true,
  discountIdr: true,
  installationFeeIdr: true,
  status: true,
  createdAt: true,
  package: { select: { name: true, priceIdr: true, active: true, speedDownKbps: true, speedUpKbps: true } },
} as const;

export type SubscriptionRow = {
  id: string;
  customerId: string;
  packageId: string;
  startDate: Date;
  endDate: Date | null;
  prorateFirstPeriod: boolean;
  discountIdr: number;
  installationFeeIdr: number;
  status: SubscriptionStatus;
  createdAt: Date;
  package: { name: string; priceIdr: number; active: boolean; speedDownKbps: number; speedUpKbps: number };
};

export function listSubscriptionRows(db: TenantDb, customerId: string): Promise<SubscriptionRow[]> {
  return db.subscription.findMany({ where: { customerId }, select: SUBSCRIPTION_SELECT, orderBy: [{ startDate: "desc" }, { createdAt: "desc" }] });
}

export function findSubscriptionRow(db: TenantScope, id: string): Promise<SubscriptionRow | null> {
  return db.subscription.findFirst({ where: { id }, select: SUBSCRIPTION_SELECT });
}

export function createSubscriptionRow(
  db: TenantScope,
  data: { tenantId: string; customerId: string; packageId: string; startDate: Date; prorateFirstPeriod: boolean; discountIdr: number; installationFeeIdr: number },
): Promise<SubscriptionRow> {
  return db.subscription.create({ data, select: SUBSCRIPTION_SELECT });
}

export function updateSubscriptionRow(
  db: TenantScope,
  id: string,
  data: { packageId?: string; discountIdr?: number; status?: SubscriptionStatus; endDate?: Date | null },
): Promise<SubscriptionRow> {
  return db.subscription.update({ where: { id }, data, select: SUBSCRIPTION_SELECT });
}

/** The customer's billing day, or null when the customer is not this tenant's. */

export type NetworkSubscriptionRow = {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  package: { id: string; name: string; type: "pppoe" | "hotspot"; speedDownKbps: number; speedUpKbps: number; active: boolean };
};

/** Subscriptions of these customers (or these ids) with what a router needs of their package. */
export function listNetworkSubscriptionRows(db: TenantScope, where: { customerIds?: string[]; ids?: string[] }): Promise<NetworkSubscriptionRow[]> {
  return db.subscription.findMany({
    where: { ...(where.customerIds ? { customerId: { in: where.customerIds } } : {}), ...(where.ids ? { id: { in: where.ids } } : {}) },
    select: { id: true, customerId: true, status: true, package: { select: { id: true, name: true, type: true, speedDownKbps: true, speedUpKbps: true, active: true } } },
    orderBy: { createdAt: "asc" },
  });
}
