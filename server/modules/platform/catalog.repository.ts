// Prisma queries of the plans and add-ons catalog (system code: platform tables).
import "server-only";
import type { SystemDb } from "@/server/db/unsafe-system-db";

export type PlanData = {
  code: string;
  name: string;
  priceIdr: number;
  maxCustomers: number;
  maxRouters: number;
  maxStaff: number;
  features: string[];
  apiRateLimitPerMinute: number;
  active: boolean;
};

export type AddOnData = {
  code: string;
  name: string;
  priceIdr: number;
  extraCustomers: number;
  extraRouters: number;
  extraStaff: number;
  features: string[];
  active: boolean;
};

export function listPlanRows(db: SystemDb) {
  return db.plan.findMany({
    orderBy: [{ active: "desc" }, { priceIdr: "asc" }, { code: "asc" }],
    include: { _count: { select: { tenants: true } } },
  });
}

export function listAddOnRows(db: SystemDb) {
  return db.addOn.findMany({
    orderBy: [{ active: "desc" }, { priceIdr: "asc" }, { code: "asc" }],
    include: { _count: { select: { tenants: true } } },
  });
}

export function findPlanRow(db: SystemDb, id: string) {
  return db.plan.findUnique({ where: { id }, include: { _count: { select: { tenants: true } } } });
}

export function findAddOnRow(db: SystemDb, id: string) {
  return db.addOn.findUnique({ where: { id }, include: { _count: { select: { tenants: true } } } });
}

export function createPlanRow(db: SystemDb, data: PlanData) {
  return db.plan.create({ data, select: { id: true } });
}

export function updatePlanRow(db: SystemDb, id: string, data: Partial<PlanData>) {
  return db.plan.update({ where: { id }, data, select: { id: true } });
}

export function deletePlanRow(db: SystemDb, id: string) {
  return db.plan.delete({ where: { id }, select: { id: true } });
}

export function createAddOnRow(db: SystemDb, data: AddOnData) {
  return db.addOn.create({ data, select: { id: true } });
}

export function updateAddOnRow(db: SystemDb, id: string, data: Partial<AddOnData>) {
  return db.addOn.update({ where: { id }, data, select: { id: true } });
}

export function deleteAddOnRow(db: SystemDb, id: string) {
  return db.addOn.delete({ where: { id }, select: { id: true } });
}

/** Every tenant (archived included) on the plan: their entitlements change with it. */
export async function tenantIdsOnPlan(db: SystemDb, planId: string): Promise<string[]> {
  return (await db.tenant.findMany({ where: { planId }, select: { id: true } })).map((t) => t.id);
}

/** Every tenant holding the add-on. */
export async function tenantIdsWithAddOn(db: SystemDb, addOnId: string): Promise<string[]> {
  return (await db.tenantAddOn.findMany({ where: { addOnId }, select: { tenantId: true } })).map((t) => t.tenantId);
}
