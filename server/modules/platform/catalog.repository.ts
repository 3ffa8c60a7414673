// Prisma queries of the plans and add-ons catalog (system code: platform tables).
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";

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

export function listPlanRows() {
  return unsafeSystemDb().plan.findMany({
    orderBy: [{ active: "desc" }, { priceIdr: "asc" }, { code: "asc" }],
    include: { _count: { select: { tenants: true } } },
  });
}

export function listAddOnRows() {
  return unsafeSystemDb().addOn.findMany({
    orderBy: [{ active: "desc" }, { priceIdr: "asc" }, { code: "asc" }],
    include: { _count: { select: { tenants: true } } },
  });
}

export function findPlanRow(id: string) {
  return unsafeSystemDb().plan.findUnique({ where: { id }, include: { _count: { select: { tenants: true } } } });
}

export function findAddOnRow(id: string) {
  return unsafeSystemDb().addOn.findUnique({ where: { id }, include: { _count: { select: { tenants: true } } } });
}

export function createPlanRow(data: PlanData) {
  return unsafeSystemDb().plan.create({ data, select: { id: true } });
}

export function updatePlanRow(id: string, data: Partial<PlanData>) {
  return unsafeSystemDb().plan.update({ where: { id }, data, select: { id: true } });
}

export function deletePlanRow(id: string) {
  return unsafeSystemDb().plan.delete({ where: { id }, select: { id: true } });
}

export function createAddOnRow(data: AddOnData) {
  return unsafeSystemDb().addOn.create({ data, select: { id: true } });
}

export function updateAddOnRow(id: string, data: Partial<AddOnData>) {
  return unsafeSystemDb().addOn.update({ where: { id }, data, select: { id: true } });
}

export function deleteAddOnRow(id: string) {
  return unsafeSystemDb().addOn.delete({ where: { id }, select: { id: true } });
}

/** Every tenant (archived included) on the plan: their entitlements change with it. */
export async function tenantIdsOnPlan(planId: string): Promise<string[]> {
  return (await unsafeSystemDb().tenant.findMany({ where: { planId }, select: { id: true } })).map((t) => t.id);
}

/** Every tenant holding the add-on. */
export async function tenantIdsWithAddOn(addOnId: string): Promise<string[]> {
  return (await unsafeSystemDb().tenantAddOn.findMany({ where: { addOnId }, select: { tenantId: true } })).map((t) => t.tenantId);
}
