// Which collector goes to which customer. A customer has at most one open assignment (a partial
// unique index); giving them to another collector ends the old one, which stays as history.
// Customers are locked in id order while their assignments change, so two assigners never race.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import type { TAssignInput, TAssignmentHistoryRow, TAssignmentListInput, TAssignmentRow, TAssignResult, TCollectorRow, TPromiseInput } from "./collections.schema";
import {
  assignmentHistory,
  customerIdsByPlant,
  endAssignments,
  findCollectorUser,
  findOpenAssignment,
  insertAssignments,
  listAssignments,
  listCollectorUsers,
  lockCustomers,
  openAssignments,
  setPromise,
} from "./collections.repository";

export async function listCollectors(db: TenantDb): Promise<TCollectorRow[]> {
  return listCollectorUsers(db);
}

export async function assignCustomers(db: TenantDb, actor: UserActor, input: TAssignInput): Promise<TAssignResult> {
  const collector = await findCollectorUser(db, input.collectorId);
  if (!collector || !collector.active) {
    throw new AppError("VALIDATION_FAILED", { fields: { collectorId: ["collections.validation.notACollector"] } });
  }
  const wanted = input.customerIds ?? (await customerIdsByPlant(db, { odpId: input.odpId, area: input.area }));
  const ids = [...new Set(wanted)];
  if (ids.length === 0) return { assigned: 0, moved: 0, unchanged: 0 };
  try {
    return await db.$transaction(async (tx) => {
      const found = await lockCustomers(tx, ids);
      if (found.length !== ids.length) throw new AppError("NOT_FOUND", { missing: ids.length - found.length }, "collections.errors.customerNotFound");
      const open = await openAssignments(tx, ids);
      const elsewhere = open.filter((a) => a.collectorId !== collector.id);
      const unchanged = open.length - elsewhere.length;
      const kept = new Set(open.filter((a) => a.collectorId === collector.id).map((a) => a.customerId));
      const now = new Date();
      await endAssignments(tx, elsewhere.map((a) => a.id), actor.userId, now);
      const fresh = ids.filter((id) => !kept.has(id));
      await insertAssignments(tx, fresh.map((customerId) => ({ customerId, collectorId: collector.id, assignedById: actor.userId, assignedAt: now })));
      const result = { assigned: fresh.length - elsewhere.length, moved: elsewhere.length, unchanged };
      if (fresh.length > 0) {
        await recordAudit(tx, actor, {
          action: "collection.assigned",
          target: { type: "staff", id: collector.id },
          details: { collector: collector.name, customers: fresh.length, moved: elsewhere.length, ...(input.odpId ? { odpId: input.odpId } : {}), ...(input.area ? { area: input.area } : {}) },
        });
      }
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { reason: "assigned_meanwhile" }, "collections.errors.assignedMeanwhile");
    throw error;
  }
}

export async function unassignCustomers(db: TenantDb, actor: UserActor, customerIds: string[]): Promise<{ ended: number }> {
  const ids = [...new Set(customerIds)];
  return db.$transaction(async (tx) => {
    await lockCustomers(tx, ids);
    const open = await openAssignments(tx, ids);
    const { count } = await endAssignments(tx, open.map((a) => a.id), actor.userId, new Date());
    if (count > 0) await recordAudit(tx, actor, { action: "collection.unassigned", details: { customers: count } });
    return { ended: count };
  });
}

export async function listCustomerAssignments(db: TenantDb, input: TAssignmentListInput): Promise<TAssignmentRow[]> {
  const rows = await listAssignments(db, input);
  return rows.map((r) => ({
    customerId: r.customerId,
    customerCode: formatCustomerNumber(r.number),
    customerName: r.name,
    customerStatus: r.status,
    area: r.area,
    odpCode: r.odpCode,
    collectorId: r.collectorId,
    collectorName: r.collectorName,
    assignedAt: r.assignedAt?.toISOString() ?? null,
  }));
}

export async function customerAssignmentHistory(db: TenantDb, customerId: string): Promise<TAssignmentHistoryRow[]> {
  const rows = await assignmentHistory(db, customerId);
  return rows.map((r) => ({ ...r, assignedAt: r.assignedAt.toISOString(), endedAt: r.endedAt?.toISOString() ?? null }));
}

/** The collector's own customer only: a promise to pay, shown on the round and filterable. */
export async function notePromise(db: TenantDb, actor: UserActor, input: TPromiseInput): Promise<void> {
  const open = await findOpenAssignment(db, input.customerId);
  if (!open || open.collectorId !== actor.userId) throw new AppError("NOT_FOUND", { customerId: input.customerId }, "collections.errors.notYourCustomer");
  await db.$transaction(async (tx) => {
    await setPromise(tx, open.id, input.promisedOn ? new Date(`${input.promisedOn}T00:00:00Z`) : null, input.promisedOn ? (input.note ?? null) : null);
    await recordAudit(tx, actor, { action: "collection.promise_noted", target: { type: "customer", id: input.customerId }, details: { promisedOn: input.promisedOn } });
  });
}
