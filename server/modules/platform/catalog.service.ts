// The catalog RRNET sells: plans (monthly price in integer rupiah, limits, features) and
// add-ons (extra limits per unit, features). Codes are unique and lowercase. An item a tenant
// uses is never deleted, only deactivated: a plan is then no longer offered (its tenants keep
// it), an add-on stops counting (entitlements skip inactive add-ons). Any change drops the
// entitlements cache of every tenant it affects. Changes belong to no tenant: audited in the
// platform log (recordAudit with the system handle).
import "server-only";
import type { OperatorActor } from "@/server/actor/actor";
import { isForeignKeyViolation, isUniqueViolation } from "@/server/db/prisma-errors";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
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
import type { TAddOn, TCatalogDeleteResult, TPlan, TSaveAddOnInput, TSavePlanInput } from "./platform.schema";
import { ZFeature } from "./platform.schema";

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

const codeTaken = (code: string) => new AppError("CONFLICT", { field: "code", code }, "console.catalog.errors.codeTaken");
const notFound = (id: string) => new AppError("NOT_FOUND", { id }, "console.catalog.errors.notFound");

/** Redis DEL with a bounded number of keys per call. */
async function invalidateMany(tenantIds: string[]): Promise<void> {
  for (let i = 0; i < tenantIds.length; i += 500) await invalidateEntitlements(...tenantIds.slice(i, i + 500));
}

export async function listPlans(db: SystemDb): Promise<TPlan[]> {
  return (await listPlanRows(db)).map(toPlan);
}

export async function listAddOns(db: SystemDb): Promise<TAddOn[]> {
  return (await listAddOnRows(db)).map(toAddOn);
}

async function getPlanOrThrow(db: SystemDb, id: string): Promise<TPlan> {
  const row = await findPlanRow(db, id);
  if (!row) throw notFound(id);
  return toPlan(row);
}

async function getAddOnOrThrow(db: SystemDb, id: string): Promise<TAddOn> {
  const row = await findAddOnRow(db, id);
  if (!row) throw notFound(id);
  return toAddOn(row);
}

export async function savePlan(db: SystemDb, actor: OperatorActor, input: TSavePlanInput): Promise<TPlan> {
  const { id: existingId, ...data } = input;
  if (existingId) await getPlanOrThrow(db, existingId);
  let id: string;
  try {
    id = existingId ? (await updatePlanRow(db, existingId, data)).id : (await createPlanRow(db, data)).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  if (existingId) await invalidateMany(await tenantIdsOnPlan(db, id));
  await recordAudit(db, actor, { action: "catalog.plan_saved", target: { type: "plan", id }, details: { code: data.code, change: existingId ? "updated" : "created", priceIdr: data.priceIdr, active: data.active } });
  return getPlanOrThrow(db, id);
}

export async function saveAddOn(db: SystemDb, actor: OperatorActor, input: TSaveAddOnInput): Promise<TAddOn> {
  const { id: existingId, ...data } = input;
  if (existingId) await getAddOnOrThrow(db, existingId);
  let id: string;
  try {
    id = existingId ? (await updateAddOnRow(db, existingId, data)).id : (await createAddOnRow(db, data)).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(input.code);
    throw error;
  }
  if (existingId) await invalidateMany(await tenantIdsWithAddOn(db, id));
  await recordAudit(db, actor, { action: "catalog.addon_saved", target: { type: "addon", id }, details: { code: data.code, change: existingId ? "updated" : "created", priceIdr: data.priceIdr, active: data.active } });
  return getAddOnOrThrow(db, id);
}

/** Deletes a plan no tenant has ever been on; a plan in use is deactivated instead. */
export async function deletePlan(db: SystemDb, actor: OperatorActor, id: string): Promise<TCatalogDeleteResult> {
  const plan = await getPlanOrThrow(db, id);
  let outcome: TCatalogDeleteResult["outcome"] = "deleted";
  if (plan.tenantCount > 0) {
    outcome = "deactivated";
  } else {
    try {
      await deletePlanRow(db, id);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error; // a tenant was put on it meanwhile
      outcome = "deactivated";
    }
  }
  if (outcome === "deactivated") await updatePlanRow(db, id, { active: false });
  await recordAudit(db, actor, { action: "catalog.plan_saved", target: { type: "plan", id }, details: { code: plan.code, change: outcome } });
  return { outcome };
}

/** Deletes an add-on no tenant holds; one in use is deactivated (it then stops counting). */
export async function deleteAddOn(db: SystemDb, actor: OperatorActor, id: string): Promise<TCatalogDeleteResult> {
  const addOn = await getAddOnOrThrow(db, id);
  let outcome: TCatalogDeleteResult["outcome"] = "deleted";
  if (addOn.tenantCount > 0) {
    outcome = "deactivated";
  } else {
    try {
      await deleteAddOnRow(db, id);
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      outcome = "deactivated";
    }
  }
  if (outcome === "deactivated") {
    await updateAddOnRow(db, id, { active: false });
    await invalidateMany(await tenantIdsWithAddOn(db, id));
  }
  await recordAudit(db, actor, { action: "catalog.addon_saved", target: { type: "addon", id }, details: { code: addOn.code, change: outcome } });
  return { outcome };
}
