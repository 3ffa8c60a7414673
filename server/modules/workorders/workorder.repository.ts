// Prisma queries of work orders: the order rows, their assignees, their activity log and photos,
// and the tenant's SLA hours. Plain rows out; the service decides what they mean.
import "server-only";
import type { TenantScope, TenantTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { WorkOrderKind, WorkOrderStatus } from "./work-order-rules";

export const ORDER_SELECT = {
  id: true,
  number: true,
  kind: true,
  status: true,
  source: true,
  title: true,
  description: true,
  customerId: true,
  subscriptionId: true,
  ticketId: true,
  incidentId: true,
  address: true,
  latitude: true,
  longitude: true,
  scheduledAt: true,
  dueAt: true,
  checklist: true,
  checkInAt: true,
  checkInLat: true,
  checkInLng: true,
  checkInDistanceM: true,
  completedAt: true,
  cancelReason: true,
  createdAt: true,
  assignees: { select: { userId: true } },
} as const;

export type OrderRecord = Prisma.WorkOrderGetPayload<{ select: typeof ORDER_SELECT }>;

export type OrderData = {
  number: number;
  kind: WorkOrderKind;
  status: WorkOrderStatus;
  source: "manual" | "ticket" | "incident" | "subscription";
  title: string;
  description: string | null;
  customerId: string | null;
  subscriptionId: string | null;
  ticketId: string | null;
  incidentId: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  scheduledAt: Date | null;
  dueAt: Date;
  createdByUserId: string | null;
};

export function insertOrderRow(tx: TenantTx, data: OrderData, assigneeIds: string[]): Promise<OrderRecord> {
  return tx.workOrder.create({
    data: { tenantId: tx.tenantId, ...data, assignees: { create: assigneeIds.map((userId) => ({ userId })) } },
    select: ORDER_SELECT,
  });
}

export function findOrderRow(db: TenantScope, id: string): Promise<OrderRecord | null> {
  return db.workOrder.findFirst({ where: { id }, select: ORDER_SELECT });
}

/** Locks the order's row for the rest of the transaction (concurrent moves of one order queue up). */
export async function lockOrderRow(tx: TenantTx, id: string): Promise<OrderRecord | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "WorkOrder" WHERE "tenantId" = ${tx.tenantId}::uuid AND id = ${id}::uuid FOR UPDATE`;
  return rows.length ? findOrderRow(tx, id) : null;
}

export function updateOrderRow(
  tx: TenantScope,
  id: string,
  data: Partial<Pick<OrderRecord, "status" | "scheduledAt" | "checkInAt" | "checkInLat" | "checkInLng" | "checkInDistanceM" | "completedAt" | "cancelReason">> & { checklist?: Prisma.InputJsonValue },
): Promise<OrderRecord> {
  return tx.workOrder.update({ where: { tenantId_id: { tenantId: tx.tenantId, id } }, data, select: ORDER_SELECT });
}

export async function replaceAssignees(tx: TenantTx, workOrderId: string, userIds: string[]): Promise<void> {
  await tx.workOrderAssignee.deleteMany({ where: { workOrderId } });
  await tx.workOrderAssignee.createMany({ data: userIds.map((userId) => ({ tenantId: tx.tenantId, workOrderId, userId })) });
}

export type OrderFilter = { statuses: WorkOrderStatus[]; kind?: WorkOrderKind; assigneeId?: string; dueBefore?: Date; scheduledFrom?: Date; scheduledTo?: Date };

export function listOrderRows(db: TenantScope, filter: OrderFilter, take = 500): Promise<OrderRecord[]> {
  const where: Prisma.WorkOrderWhereInput = {
    status: { in: filter.statuses },
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.assigneeId ? { assignees: { some: { userId: filter.assigneeId, tenantId: db.tenantId } } } : {}),
    ...(filter.dueBefore ? { dueAt: { lt: filter.dueBefore } } : {}),
    ...(filter.scheduledFrom || filter.scheduledTo ? { scheduledAt: { gte: filter.scheduledFrom, lt: filter.scheduledTo } } : {}),
  };
  return db.workOrder.findMany({ where, select: ORDER_SELECT, orderBy: [{ scheduledAt: { sort: "asc", nulls: "last" } }, { dueAt: "asc" }], take });
}

export type EventData = {
  workOrderId: string;
  kind: "created" | "assigned" | "status" | "check_in" | "note" | "photo" | "checklist" | "finished" | "cancelled";
  userId: string | null;
  actorLabel: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  at?: Date;
};

export function insertEventRow(tx: TenantScope, data: EventData) {
  return tx.workOrderEvent.create({ data: { tenantId: tx.tenantId, ...data } });
}

export function listEventRows(db: TenantScope, workOrderId: string) {
  return db.workOrderEvent.findMany({ where: { workOrderId }, orderBy: { at: "asc" }, take: 500 });
}

/** The activity of technicians since `from` (one user's, or everyone's), newest first, with the order's number and kind. */
export function listActivityRows(db: TenantScope, input: { from: Date; userId?: string }, take = 1000) {
  return db.workOrderEvent.findMany({
    where: { at: { gte: input.from }, ...(input.userId ? { userId: input.userId } : { userId: { not: null } }) },
    orderBy: { at: "desc" },
    take,
    select: { at: true, kind: true, userId: true, actorLabel: true, toStatus: true, note: true, latitude: true, longitude: true, workOrder: { select: { id: true, number: true, kind: true } } },
  });
}

/** How many times the order was set off to its site ("on the way" moves), the current one included. */
export function countTripRows(db: TenantScope, workOrderId: string): Promise<number> {
  return db.workOrderEvent.count({ where: { workOrderId, kind: "status", toStatus: "on_the_way" } });
}

export function countPhotoRows(db: TenantScope, workOrderId: string): Promise<number> {
  return db.workOrderPhoto.count({ where: { workOrderId } });
}

export function insertPhotoRow(tx: TenantScope, data: { workOrderId: string; fileId: string; caption: string | null; latitude: number | null; longitude: number | null; userId: string | null }) {
  return tx.workOrderPhoto.create({ data: { tenantId: tx.tenantId, ...data }, select: { id: true, createdAt: true } });
}

export function findPhotoRowOfFile(db: TenantScope, fileId: string) {
  return db.workOrderPhoto.findFirst({ where: { fileId }, select: { id: true, workOrderId: true } });
}

export function listPhotoRows(db: TenantScope, workOrderId: string) {
  return db.workOrderPhoto.findMany({ where: { workOrderId }, orderBy: { createdAt: "asc" }, select: { id: true, fileId: true, caption: true, latitude: true, longitude: true, createdAt: true } });
}

export function findSettingsRow(db: TenantScope) {
  return db.workOrderSettings.findFirst({});
}

export function upsertSettingsRow(db: TenantScope, slaHours: Prisma.InputJsonValue) {
  return db.workOrderSettings.upsert({ where: { tenantId: db.tenantId }, create: { tenantId: db.tenantId, slaHours }, update: { slaHours } });
}
