// Work orders: a technician's job at a site. Created by hand (or from a ticket, an incident, a
// new subscription), assigned to technicians, moved along the transition table of
// work-order-rules.ts, checked in at the site with GPS, and finished only with every required
// checklist item filled. Every change is in the order's activity log and the audit log.
// Technicians (no tasks.manage) see and work only the orders assigned to them.
import "server-only";
import type { Actor, UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope, TenantTx } from "@/server/db";
import { nextTenantNumber } from "@/server/db/counters";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { getCustomerContacts } from "@/server/modules/customers/customer.service";
import { can } from "@/server/modules/identity/capabilities";
import { staffPeople } from "@/server/modules/staff/staff.service";
import { notifyTechnicianOnTheWay } from "@/server/modules/notifications/notify.service";
import { logger } from "@/server/log/logger";
import { getFile } from "@/server/modules/files/files.service";
import { distanceM } from "@/server/geo/great-circle";
import { canMove, CHECKLISTS, formatWorkOrderNumber, DEFAULT_SLA_HOURS, isClosed, missingItems, WORK_ORDER_STATUSES, type ChecklistValues, type WorkOrderKind, type WorkOrderStatus } from "./work-order-rules";
import type { TCreateWorkOrderInput, TMoveResult, TSlaSettings, TWorkOrderDetail, TWorkOrderRow } from "./workorders.schema";
import { ZChecklistValues, ZSlaSettings, type ZAssignInput, type ZCancelInput, type ZCheckInInput, type ZChecklistInput, type ZMoveInput, type ZNoteInput, type ZPhotoInput, type ZWorkOrderListInput } from "./workorders.schema";
import type { z } from "zod";
import {
  countPhotoRows,
  countTripRows,
  findOrderRow,
  findPhotoRowOfFile,
  findSettingsRow,
  insertEventRow,
  insertOrderRow,
  insertPhotoRow,
  listEventRows,
  listOrderRows,
  listPhotoRows,
  lockOrderRow,
  replaceAssignees,
  updateOrderRow,
  upsertSettingsRow,
  type EventData,
  type OrderRecord,
} from "./workorder.repository";

const COUNTER_KEY = "work_order";
const ACTIVE: WorkOrderStatus[] = ["open", "assigned", "on_the_way", "in_progress"];
/** Roles that can be sent to a site (they hold the field capability). */
const FIELD_ROLES = new Set(["owner", "admin", "technician"]);

const notFound = (id: string) => new AppError("NOT_FOUND", { workOrderId: id }, "workorders.errors.notFound");

// ---------------------------------------------------------------- settings

export async function getSlaHours(db: TenantScope): Promise<TSlaSettings> {
  const row = await findSettingsRow(db);
  const parsed = ZSlaSettings.safeParse({ ...DEFAULT_SLA_HOURS, ...(row?.slaHours as object | null) });
  return parsed.success ? parsed.data : { ...DEFAULT_SLA_HOURS };
}

export async function saveSlaHours(db: TenantDb, actor: UserActor, input: TSlaSettings): Promise<TSlaSettings> {
  await db.$transaction(async (tx) => {
    await upsertSettingsRow(tx, input);
    await recordAudit(tx, actor, { action: "workorder.settings_saved", details: input });
  });
  return input;
}

// ---------------------------------------------------------------- reading

type People = Map<string, string>;

async function peopleOf(db: TenantScope, rows: OrderRecord[]): Promise<People> {
  const ids = [...new Set(rows.flatMap((r) => r.assignees.map((a) => a.userId)))];
  return new Map((await staffPeople(db, ids)).map((p) => [p.id, p.name]));
}

async function customersOf(db: TenantDb, rows: OrderRecord[]) {
  const ids = [...new Set(rows.map((r) => r.customerId).filter((id): id is string => id !== null))];
  return new Map((await getCustomerContacts(db, ids)).map((c) => [c.id, c]));
}

function toRow(row: OrderRecord, people: People, customers: Awaited<ReturnType<typeof customersOf>>, now: Date): TWorkOrderRow {
  const customer = row.customerId ? customers.get(row.customerId) : undefined;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    source: row.source,
    title: row.title,
    customer: customer ? { id: customer.id, name: customer.name, number: customer.number, phone: customer.phone } : null,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    dueAt: row.dueAt.toISOString(),
    overdue: !isClosed(row.status) && row.dueAt < now,
    assignees: row.assignees.map((a) => ({ id: a.userId, name: people.get(a.userId) ?? "" })).sort((a, b) => a.name.localeCompare(b.name)),
    ticketId: row.ticketId,
    incidentId: row.incidentId,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const managesAll = (actor: Actor) => actor.kind !== "user" || can(actor.role, "tasks.manage");
const isAssignee = (row: OrderRecord, actor: Actor) => actor.userId !== null && row.assignees.some((a) => a.userId === actor.userId);

/** A technician reaches only the orders assigned to them; for anyone else such an order does not exist. */
function assertMayWork(row: OrderRecord, actor: Actor) {
  if (!managesAll(actor) && !isAssignee(row, actor)) throw notFound(row.id);
}

export async function getOrderOrThrow(db: TenantScope, actor: Actor, id: string): Promise<OrderRecord> {
  const row = await findOrderRow(db, id);
  if (!row) throw notFound(id);
  assertMayWork(row, actor);
  return row;
}

export async function listWorkOrders(db: TenantDb, actor: UserActor, input: z.output<typeof ZWorkOrderListInput>, now = new Date()): Promise<TWorkOrderRow[]> {
  const statuses = input.status === "active" ? ACTIVE : input.status === "all" ? [...WORK_ORDER_STATUSES] : [input.status];
  const mine = input.mine || !managesAll(actor);
  const rows = await listOrderRows(db, { statuses, kind: input.kind, assigneeId: mine ? actor.userId : undefined, dueBefore: input.overdue ? now : undefined });
  const [people, customers] = await Promise.all([peopleOf(db, rows), customersOf(db, rows)]);
  return rows.filter((r) => !input.overdue || !isClosed(r.status)).map((r) => toRow(r, people, customers, now));
}

export async function getWorkOrder(db: TenantDb, actor: UserActor, id: string, now = new Date()): Promise<TWorkOrderDetail> {
  const row = await getOrderOrThrow(db, actor, id);
  const [people, customers, events, photos] = await Promise.all([peopleOf(db, [row]), customersOf(db, [row]), listEventRows(db, id), listPhotoRows(db, id)]);
  const checklist = checklistOf(row);
  const mayWork = managesAll(actor) || isAssignee(row, actor);
  return {
    ...toRow(row, people, customers, now),
    description: row.description,
    subscriptionId: row.subscriptionId,
    checklist,
    missing: missingItems(row.kind, checklist, photos.length),
    checkIn: row.checkInAt && row.checkInLat !== null && row.checkInLng !== null ? { at: row.checkInAt.toISOString(), latitude: row.checkInLat, longitude: row.checkInLng, distanceM: row.checkInDistanceM } : null,
    cancelReason: row.cancelReason,
    events: events.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, actorLabel: e.actorLabel, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, latitude: e.latitude, longitude: e.longitude })),
    photos: photos.map((p) => ({ id: p.id, fileId: p.fileId, url: `/api/files/${p.fileId}`, caption: p.caption, latitude: p.latitude, longitude: p.longitude, createdAt: p.createdAt.toISOString() })),
    allowed: mayWork ? allowedMoves(row.status, actor) : [],
  };
}

/** The statuses this actor may move the order to from `status` (cancel needs tasks.manage). */
function allowedMoves(status: WorkOrderStatus, actor: Actor): WorkOrderStatus[] {
  return WORK_ORDER_STATUSES.filter((to) => canMove(status, to) && (to !== "cancelled" || managesAll(actor)) && (to !== "open" || managesAll(actor)));
}

function checklistOf(row: OrderRecord): ChecklistValues {
  const parsed = ZChecklistValues.safeParse(row.checklist);
  return parsed.success ? parsed.data : {};
}

// ---------------------------------------------------------------- writing

async function assertAssignable(db: TenantScope, userIds: string[]): Promise<void> {
  const people = await staffPeople(db, userIds);
  const ok = new Set(people.filter((p) => p.active && FIELD_ROLES.has(p.role)).map((p) => p.id));
  const bad = userIds.filter((id) => !ok.has(id));
  if (bad.length) throw new AppError("VALIDATION_FAILED", { fields: { assigneeIds: ["workorders.validation.assignee"] }, userIds: bad });
}

function logEvent(tx: TenantScope, actor: Actor, data: Omit<EventData, "userId" | "actorLabel">) {
  return insertEventRow(tx, { ...data, userId: actor.userId, actorLabel: actor.label });
}

export type WorkOrderOrigin = { source: "manual" | "ticket" | "incident" | "subscription" };

/** Creates a work order (inside `tx` when the caller is making something else in the same transaction). */
export async function createWorkOrderInTx(tx: TenantTx, actor: Actor, input: TCreateWorkOrderInput, origin: WorkOrderOrigin = { source: "manual" }, now = new Date()): Promise<OrderRecord> {
  const assigneeIds = [...new Set(input.assigneeIds)];
  if (assigneeIds.length) await assertAssignable(tx, assigneeIds);
  const sla = await getSlaHours(tx);
  const number = await nextTenantNumber(tx, COUNTER_KEY);
  const row = await insertOrderRow(
    tx,
    {
      number,
      kind: input.kind,
      status: assigneeIds.length ? "assigned" : "open",
      source: origin.source,
      title: input.title,
      description: input.description,
      customerId: input.customerId,
      subscriptionId: input.subscriptionId,
      ticketId: input.ticketId,
      incidentId: input.incidentId,
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
      dueAt: new Date(now.getTime() + sla[input.kind] * 3_600_000),
      createdByUserId: actor.userId,
    },
    assigneeIds,
  );
  await logEvent(tx, actor, { workOrderId: row.id, kind: "created", toStatus: row.status, at: now });
  await recordAudit(tx, actor, { action: "workorder.created", target: { type: "work_order", id: row.id }, details: { number, kind: input.kind, source: origin.source, assigneeIds } });
  return row;
}

export async function createWorkOrder(db: TenantDb, actor: UserActor, input: TCreateWorkOrderInput): Promise<TWorkOrderDetail> {
  if (input.customerId && (await getCustomerContacts(db, [input.customerId])).length === 0) {
    throw new AppError("NOT_FOUND", { customerId: input.customerId }, "customers.errors.notFound");
  }
  const row = await db.$transaction((tx) => createWorkOrderInTx(tx, actor, input));
  return getWorkOrder(db, actor, row.id);
}

/** Runs `change` on the locked order (refused when the actor may not work it or it is closed). */
async function withOrder<T>(db: TenantDb, actor: Actor, id: string, change: (tx: TenantTx, row: OrderRecord) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const row = await lockOrderRow(tx, id);
    if (!row) throw notFound(id);
    assertMayWork(row, actor);
    if (isClosed(row.status)) throw new AppError("WORK_ORDER_TRANSITION_INVALID", { workOrderId: id, from: row.status });
    return change(tx, row);
  });
}

async function setStatus(tx: TenantTx, actor: Actor, row: OrderRecord, to: WorkOrderStatus, extra: { note?: string | null; completedAt?: Date; cancelReason?: string } = {}) {
  if (!canMove(row.status, to)) throw new AppError("WORK_ORDER_TRANSITION_INVALID", { workOrderId: row.id, from: row.status, to, allowed: allowedMoves(row.status, actor) });
  const updated = await updateOrderRow(tx, row.id, { status: to, ...(extra.completedAt ? { completedAt: extra.completedAt } : {}), ...(extra.cancelReason ? { cancelReason: extra.cancelReason } : {}) });
  const kind = to === "done" ? "finished" : to === "cancelled" ? "cancelled" : "status";
  await logEvent(tx, actor, { workOrderId: row.id, kind, fromStatus: row.status, toStatus: to, note: extra.note ?? extra.cancelReason ?? null });
  await recordAudit(tx, actor, { action: to === "done" ? "workorder.finished" : to === "cancelled" ? "workorder.cancelled" : "workorder.status_changed", target: { type: "work_order", id: row.id }, details: { number: row.number, from: row.status, to } });
  return updated;
}

export async function assignWorkOrder(db: TenantDb, actor: UserActor, input: z.output<typeof ZAssignInput>): Promise<TWorkOrderDetail> {
  const assigneeIds = [...new Set(input.assigneeIds)];
  await withOrder(db, actor, input.id, async (tx, row) => {
    await assertAssignable(tx, assigneeIds);
    await replaceAssignees(tx, row.id, assigneeIds);
    if (input.scheduledAt !== undefined) await updateOrderRow(tx, row.id, { scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null });
    if (row.status === "open") await updateOrderRow(tx, row.id, { status: "assigned" });
    await logEvent(tx, actor, { workOrderId: row.id, kind: "assigned", fromStatus: row.status, toStatus: row.status === "open" ? "assigned" : row.status });
    await recordAudit(tx, actor, { action: "workorder.assigned", target: { type: "work_order", id: row.id }, details: { number: row.number, assigneeIds, scheduledAt: input.scheduledAt ?? null } });
  });
  return getWorkOrder(db, actor, input.id);
}

/**
 * Moves along the table (on the way, in progress, back); finishing and cancelling have their own
 * calls. Setting off ("on the way") to a customer's site sends them the WhatsApp template after
 * the commit, once per trip (the n-th trip of an order is its visit n, so a retry sends nothing more).
 */
export async function moveWorkOrder(db: TenantDb, actor: UserActor, input: z.output<typeof ZMoveInput>): Promise<TMoveResult> {
  const moved = await withOrder(db, actor, input.id, async (tx, row) => {
    if (input.to === "open" && !managesAll(actor)) throw new AppError("FORBIDDEN", { capability: "tasks.manage" });
    if (input.to === "open") await replaceAssignees(tx, row.id, []);
    return setStatus(tx, actor, row, input.to);
  });
  const customerNotice = input.to === "on_the_way" && moved.customerId ? await tellCustomerOnTheWay(db, actor, moved) : null;
  return { ...(await getWorkOrder(db, actor, input.id)), customerNotice };
}

async function tellCustomerOnTheWay(db: TenantDb, actor: UserActor, row: OrderRecord): Promise<TMoveResult["customerNotice"]> {
  const visit = await countTripRows(db, row.id);
  try {
    const notice = await notifyTechnicianOnTheWay(db, { workOrderId: row.id, workOrderNumber: formatWorkOrderNumber(row.number), customerId: row.customerId!, technicianName: actor.label, visit });
    return notice && { status: notice.status, reason: notice.reason };
  } catch (error) {
    // The move is committed; the technician still goes. Say the message did not leave.
    logger().error({ err: error, workOrderId: row.id }, "on-the-way notice failed");
    return { status: "failed", reason: error instanceof AppError ? error.code : "INTERNAL" };
  }
}

export async function cancelWorkOrder(db: TenantDb, actor: UserActor, input: z.output<typeof ZCancelInput>): Promise<TWorkOrderDetail> {
  await withOrder(db, actor, input.id, (tx, row) => setStatus(tx, actor, row, "cancelled", { cancelReason: input.reason }));
  return getWorkOrder(db, actor, input.id);
}

/** GPS check-in at the site: records where and how far from the site; starts the work. */
export async function checkInWorkOrder(db: TenantDb, actor: UserActor, input: z.output<typeof ZCheckInInput>, now = new Date()): Promise<TWorkOrderDetail> {
  await withOrder(db, actor, input.id, async (tx, row) => {
    if (row.status === "open") throw new AppError("WORK_ORDER_TRANSITION_INVALID", { workOrderId: row.id, from: row.status, to: "in_progress" });
    const site = row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null;
    const distance = site ? distanceM(site, { lat: input.latitude, lng: input.longitude }) : null;
    await updateOrderRow(tx, row.id, { checkInAt: now, checkInLat: input.latitude, checkInLng: input.longitude, checkInDistanceM: distance });
    await logEvent(tx, actor, { workOrderId: row.id, kind: "check_in", latitude: input.latitude, longitude: input.longitude, note: distance === null ? null : String(distance), at: now });
    await recordAudit(tx, actor, { action: "workorder.checked_in", target: { type: "work_order", id: row.id }, details: { number: row.number, distanceM: distance, accuracyM: input.accuracyM } });
    if (row.status !== "in_progress") await setStatus(tx, actor, { ...row, status: row.status }, "in_progress");
  });
  return getWorkOrder(db, actor, input.id);
}

export async function addWorkOrderNote(db: TenantDb, actor: UserActor, input: z.output<typeof ZNoteInput>): Promise<TWorkOrderDetail> {
  await withOrder(db, actor, input.id, async (tx, row) => {
    await logEvent(tx, actor, { workOrderId: row.id, kind: "note", note: input.note });
    await recordAudit(tx, actor, { action: "workorder.note_added", target: { type: "work_order", id: row.id }, details: { number: row.number } });
  });
  return getWorkOrder(db, actor, input.id);
}

/** Checks each value against its item of the kind's checklist; unknown keys and photo values are refused. */
function validateChecklist(kind: WorkOrderKind, values: ChecklistValues): void {
  const items = new Map(CHECKLISTS[kind].map((i) => [i.key, i]));
  const fields: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    const item = items.get(key);
    const ok =
      item !== undefined &&
      (item.type === "text" || item.type === "router"
        ? typeof value === "string"
        : item.type === "number"
          ? typeof value === "number" && value >= (item.min ?? -Infinity) && value <= (item.max ?? Infinity)
          : item.type === "boolean"
            ? typeof value === "boolean"
            : item.type === "odp_port"
              ? typeof value === "object"
              : false);
    if (!ok) fields[`values.${key}`] = ["workorders.validation.checklistValue"];
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION_FAILED", { fields, kind });
}

/** Saves checklist values (merged over what is there; an empty string clears an item). */
export async function saveChecklist(db: TenantDb, actor: UserActor, input: z.output<typeof ZChecklistInput>): Promise<TWorkOrderDetail> {
  await withOrder(db, actor, input.id, async (tx, row) => {
    validateChecklist(row.kind, Object.fromEntries(Object.entries(input.values).filter(([, v]) => v !== "")));
    const merged: ChecklistValues = { ...checklistOf(row) };
    for (const [key, value] of Object.entries(input.values)) {
      if (value === "") delete merged[key];
      else merged[key] = value;
    }
    await updateOrderRow(tx, row.id, { checklist: merged });
    await logEvent(tx, actor, { workOrderId: row.id, kind: "checklist", note: Object.keys(input.values).join(", ") });
    await recordAudit(tx, actor, { action: "workorder.checklist_saved", target: { type: "work_order", id: row.id }, details: { number: row.number, items: Object.keys(input.values) } });
  });
  return getWorkOrder(db, actor, input.id);
}

/** What finishing an order of a kind does besides closing it (installation: connect and provision). */
export type CompletionHook = (tx: TenantTx, actor: Actor, row: OrderRecord, checklist: ChecklistValues) => Promise<void>;

/**
 * Finishes an order in progress: refused with WORK_ORDER_CHECKLIST_INCOMPLETE (the missing items
 * in details.missing) until every required item of its kind is filled.
 */
export async function finishWorkOrder(db: TenantDb, actor: UserActor, input: { id: string; note: string | null }, onComplete?: CompletionHook, now = new Date()): Promise<TWorkOrderDetail> {
  await withOrder(db, actor, input.id, async (tx, row) => {
    if (!canMove(row.status, "done")) throw new AppError("WORK_ORDER_TRANSITION_INVALID", { workOrderId: row.id, from: row.status, to: "done" });
    const checklist = checklistOf(row);
    const missing = missingItems(row.kind, checklist, await countPhotoRows(tx, row.id));
    if (missing.length) throw new AppError("WORK_ORDER_CHECKLIST_INCOMPLETE", { workOrderId: row.id, missing });
    if (onComplete) await onComplete(tx, actor, row, checklist);
    await setStatus(tx, actor, row, "done", { note: input.note, completedAt: now });
  });
  return getWorkOrder(db, actor, input.id);
}

/**
 * Adds a photo uploaded through the files module (files.upload, purpose work_order_photo: type
 * checked by its bytes, resized, EXIF position read). Adding the same file again changes nothing,
 * so a retry from a phone that lost signal records it once.
 */
export async function addWorkOrderPhoto(db: TenantDb, actor: UserActor, input: z.output<typeof ZPhotoInput>): Promise<TWorkOrderDetail> {
  await withOrder(db, actor, input.id, async (tx, row) => {
    const file = await getFile(tx, input.fileId).catch(() => null);
    if (!file || file.purpose !== "work_order_photo") throw new AppError("VALIDATION_FAILED", { fields: { fileId: ["workorders.validation.photoFile"] }, fileId: input.fileId });
    const existing = await findPhotoRowOfFile(tx, file.id);
    if (existing?.workOrderId === row.id) return;
    if (existing) throw new AppError("VALIDATION_FAILED", { fields: { fileId: ["workorders.validation.photoFile"] }, fileId: input.fileId });
    const latitude = input.latitude ?? file.latitude;
    const longitude = input.longitude ?? file.longitude;
    const photo = await insertPhotoRow(tx, { workOrderId: row.id, fileId: file.id, caption: input.caption, latitude, longitude, userId: actor.userId });
    await logEvent(tx, actor, { workOrderId: row.id, kind: "photo", note: input.caption, latitude, longitude });
    await recordAudit(tx, actor, { action: "workorder.photo_added", target: { type: "work_order", id: row.id }, details: { number: row.number, photoId: photo.id, fileId: file.id, bytes: file.size } });
  });
  return getWorkOrder(db, actor, input.id);
}

/** Active staff an order can be assigned to (technicians first, then admins and owners). */
export async function assignableStaff(db: TenantDb): Promise<Array<{ id: string; name: string }>> {
  const rank = { technician: 0, admin: 1, owner: 2 } as Record<string, number>;
  const people = (await staffPeople(db, null)).filter((p) => p.active && FIELD_ROLES.has(p.role));
  return people.sort((a, b) => rank[a.role]! - rank[b.role]! || a.name.localeCompare(b.name)).map((p) => ({ id: p.id, name: p.name }));
}

/**
 * The sites (positions) of the orders a staff member works between `from` and `to`: scheduled
 * then, or unscheduled and still active. HR attendance accepts these as geofences besides the office.
 */
export async function assignedSitesBetween(db: TenantScope, userId: string, from: Date, to: Date): Promise<Array<{ workOrderId: string; number: number; lat: number; lng: number }>> {
  const [scheduled, unscheduled] = await Promise.all([
    listOrderRows(db, { statuses: [...ACTIVE, "done"], assigneeId: userId, scheduledFrom: from, scheduledTo: to }),
    listOrderRows(db, { statuses: ACTIVE, assigneeId: userId }).then((rows) => rows.filter((r) => r.scheduledAt === null)),
  ]);
  return [...scheduled, ...unscheduled].flatMap((r) => (r.latitude !== null && r.longitude !== null ? [{ workOrderId: r.id, number: r.number, lat: r.latitude, lng: r.longitude }] : []));
}
