// Service packages: the internet plans an ISP sells (price, speeds, PPPoE or hotspot, whether
// PPN applies). Names are unique per tenant. A package that any subscription references is
// deactivated instead of deleted, so invoices and history keep pointing at it.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import {
  countSubscriptionsByPackage,
  createPackageRow,
  deletePackageRow,
  findPackageRow,
  isForeignKeyViolation,
  isRecordNotFound,
  isUniqueViolation,
  listPackageRows,
  updatePackageRow,
  type PackageRow,
  type SubscriptionCounts,
} from "./package.repository";
import type { TCreatePackageInput, TRemovePackageResult, TServicePackage, TUpdatePackageInput } from "./packages.schema";

function toPackage(row: PackageRow, counts: SubscriptionCounts | undefined): TServicePackage {
  return { ...row, subscriberCount: counts?.open ?? 0, subscriptionCount: counts?.total ?? 0 };
}

const nameTaken = () => new AppError("CONFLICT", { field: "name" }, "packages.errors.nameTaken");
const notFound = (id: string) => new AppError("NOT_FOUND", { packageId: id }, "packages.errors.notFound");

async function withCounts(db: TenantDb, row: PackageRow): Promise<TServicePackage> {
  return toPackage(row, (await countSubscriptionsByPackage(db, [row.id])).get(row.id));
}

export async function listPackages(db: TenantDb): Promise<TServicePackage[]> {
  const [rows, counts] = await Promise.all([listPackageRows(db), countSubscriptionsByPackage(db)]);
  return rows.map((row) => toPackage(row, counts.get(row.id)));
}

export async function getPackageOrThrow(db: TenantScope, id: string): Promise<PackageRow> {
  const row = await findPackageRow(db, id);
  if (!row) throw notFound(id);
  return row;
}

export async function createPackage(db: TenantScope, actor: UserActor, input: TCreatePackageInput): Promise<TServicePackage> {
  let row: PackageRow;
  try {
    row = await createPackageRow(db, { tenantId: db.tenantId, ...input });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  await recordAudit(db, actor, { action: "package.saved", target: { type: "package", id: row.id }, details: { change: "created", name: row.name, priceIdr: row.priceIdr } });
  return toPackage(row, undefined);
}

export async function updatePackage(db: TenantDb, actor: UserActor, input: TUpdatePackageInput): Promise<TServicePackage> {
  const { id, ...data } = input;
  const before = await getPackageOrThrow(db, id);
  let row: PackageRow;
  try {
    row = await updatePackageRow(db, id, data);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    if (isRecordNotFound(error)) throw notFound(id);
    throw error;
  }
  const details: Record<string, string | number | boolean> = { change: "updated", name: row.name };
  if (before.priceIdr !== row.priceIdr) Object.assign(details, { priceFrom: before.priceIdr, priceTo: row.priceIdr });
  if (before.active !== row.active) details.active = row.active;
  await recordAudit(db, actor, { action: "package.saved", target: { type: "package", id: row.id }, details });
  return withCounts(db, row);
}

/**
 * Deletes a package nobody ever subscribed to; otherwise deactivates it (no new subscriptions,
 * existing ones keep it). The delete itself is the check: a subscription created meanwhile
 * makes the foreign key refuse it, and we deactivate instead.
 */
export async function removePackage(db: TenantDb, actor: UserActor, id: string): Promise<TRemovePackageResult> {
  const before = await getPackageOrThrow(db, id);
  const counts = (await countSubscriptionsByPackage(db, [id])).get(id);
  if (!counts || counts.total === 0) {
    try {
      await deletePackageRow(db, id);
      await recordAudit(db, actor, { action: "package.saved", target: { type: "package", id }, details: { change: "deleted", name: before.name } });
      return { outcome: "deleted", id };
    } catch (error) {
      if (isRecordNotFound(error)) throw notFound(id);
      if (!isForeignKeyViolation(error)) throw error;
    }
  }
  const row = before.active ? await updatePackageRow(db, id, { active: false }) : before;
  if (before.active) await recordAudit(db, actor, { action: "package.saved", target: { type: "package", id }, details: { change: "deactivated", name: row.name, active: false } });
  return { outcome: "deactivated", id, package: await withCounts(db, row) };
}
