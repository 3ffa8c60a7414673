// The catalog RRNET sells: plans (monthly price in integer rupiah, limits, features) and
// add-ons (extra limits per unit, features). Codes are unique and lowercase. An item a tenant
// uses is never deleted, only deactivated: a plan is then no longer offered (its tenants keep
// it), an add-on stops counting (entitlements skip inactive add-ons). Any change drops the
// entitlements cache of every tenant it affects.
import { isForeignKeyViolation, isUniqueViolation } from "@/server/db/prisma-errors";
import { AppError } from "@/server/errors/app-error";
import { invalidateEntitlements } from "@/server/modules/plans/entitlements.service";
import {
  createAddOnRow,
  createPlanRow,
  deleteAddOnRow,
  deletePlanRow,
  findAddOnRow,
  findPlanRow,
  listAddOnRows,
  listPlanRows,
  tenantIdsOnPlan,
  tenantIdsWithAddOn,
  updateAddOnRow,
  updatePlanRow,
} from "./catalog.repository";
import { recordPlatformAudit } from "./platform-audit";
import type { TAddOn, TCatalogDeleteResult, TPlan, TSaveAddOnInput, TSavePlanInput } from "./platform.schema";
import { ZFeature } from "./platform.schema";
import type { PlatformActor } from "./tenants.service";

type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlanRow>>>;
type AddOnRow = NonNullable<Awaited<ReturnType<typeof findAddOnRow>>>;

/** Stored feature codes that are no longer known are left out rather than failing the list. */
const knownFeatures = (codes: string[]) => codes.flatMap((code) => (ZFeature.safeParse(code).success ? [ZFeature.parse(code)] : []));

function toPlan(row: PlanRow): TPlan {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    priceIdr: row.priceIdr,
    maxCustomers: row.maxCustomers,
    maxRouters: row.maxRouters,
    maxStaff: row.maxStaff,
    features: knownFeatures(row.features),
    apiRateLimitPerMinute: row.apiRateLimitPerMinute,
    active: row.active,
    tenantCount: row._count.tenants,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAddOn(row: AddOnRow): TAddOn {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    priceIdr: row.priceIdr,
    extraCustomers: row.extraCustomers,
    extraRouters: row.extraRouters,
    extraStaff: row.extraStaff,
    features: knownFeatures(row.features),
    active: row.active,
    tenantCount: row._count.tenants,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const codeTaken = (code: string) => new AppError("CONFLICT", { field: "code", code }, `The code "${code}" is already used.`);
const notFound = (id: string) => new AppError("NOT_FOUND", { id }, "No such catalog item.");

/** Redis DEL with a bounded number of keys per call. */
async function invalidateMany(tenantIds: string[]): Promise<void> {
  for (let i = 0; i < tenantIds.length; i += 500) await invalidateEntitlements(...tenantIds.slice(i, i + 500));
}

function auditSave(actor: PlatformActor, action: "catalog.plan_saved" | "catalog.addon_saved", id: string, details: Record<string, string | number | boolean>) {
  return recordPlatformAudit({
    action,
    actorId: actor.adminId,
    actorLabel: actor.email,
    targetType: action === "catalog.plan_saved" ? "plan" : "addon",
    targetId: id,
    requestId: actor.requestId,
    ip: actor.ip,
    details,
  });
}

export async function listPlans(): Promise<TPlan[]> {
  return (await listPlanRows()).map(toPlan);
}

export async function listAddOns(): Promise<TAddOn[]> {
  return (await listAddOnRows()).map(toAddOn);
}

async function getPlanOrThrow(id: string): Promise<TPlan> {
  const row = await findPlanRow(id);
  if (!row) throw notFound(id);
  return toPlan(row);
}

async function getAddOnOrThrow(id: string): Promise<TAddOn> {
  const row = await findAddOnRow(id);
  if (!row) throw notFound(id);
  return toAddOn(row);
}

export async function savePlan(actor: PlatformActor, input: TSavePlanInput): Promise<TPlan> {
  const { id: existingId, ...data } = input;
  if (existingId) await getPlanOrThrow(existingId);
  let id: string;
  try {
    id = existingId ? (await updatePlanRow(existingId, data)).id : (await createPlanRow(data)).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  if (existingId) await invalidateMany(await tenantIdsOnPlan(id));
  await auditSave(actor, "catalog.plan_saved", id, { code: data.code, change: existingId ? "updated" : "created", priceIdr: data.priceIdr, active: data.active });
  return getPlanOrThrow(id);
}

export async function saveAddOn(actor: PlatformActor, input: TSaveAddOnInput): Promise<TAddOn> {
  const { id: existingId, ...data } = input;
  if (existingId) await getAddOnOrThrow(existingId);
  let id: string;
  try {
    id = existingId ? (await updateAddOnRow(existingId, data)).id : (await createAddOnRow(data)).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  if (existingId) await invalidateMany(await tenantIdsWithAddOn(id));
  await auditSave(actor, "catalog.addon_saved", id, { code: data.code, change: existingId ? "updated" : "created", priceIdr: data.priceIdr, active: data.active });
  return getAddOnOrThrow(id);
}

/** Deletes a plan no tenant has ever been on; a plan in use is deactivated instead. */
export async function deletePlan(actor: PlatformActor, id: string): Promise<TCatalogDeleteResult> {
  const plan = await getPlanOrThrow(id);
  let outcome: TCatalogDeleteResult["outcome"] = "deleted";
  if (plan.tenantCount > 0) {
    outcome = "deactivated";
  } else {
    try {
      await deletePlanRow(id);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error; // a tenant was put on it meanwhile
      outcome = "deactivated";
    }
  }
  if (outcome === "deactivated") await updatePlanRow(id, { active: false });
  await auditSave(actor, "catalog.plan_saved", id, { code: plan.code, change: outcome });
  return { outcome };
}

/** Deletes an add-on no tenant holds; one in use is deactivated (it then stops counting). */
export async function deleteAddOn(actor: PlatformActor, id: string): Promise<TCatalogDeleteResult> {
  const addOn = await getAddOnOrThrow(id);
  let outcome: TCatalogDeleteResult["outcome"] = "deleted";
  if (addOn.tenantCount > 0) {
    outcome = "deactivated";
  } else {
    try {
      await deleteAddOnRow(id);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      outcome = "deactivated";
    }
  }
  if (outcome === "deactivated") {
    await updateAddOnRow(id, { active: false });
    await invalidateMany(await tenantIdsWithAddOn(id));
  }
  await auditSave(actor, "catalog.addon_saved", id, { code: addOn.code, change: outcome });
  return { outcome };
}
