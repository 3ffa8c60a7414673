import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import {
  ZAssignInput,
  ZCancelInput,
  ZCheckInInput,
  ZChecklistInput,
  ZCreateWorkOrderInput,
  ZFinishInput,
  ZMoveInput,
  ZMoveResult,
  ZNoteInput,
  ZPerson,
  ZPhotoInput,
  ZSiteFacts,
  ZSlaSettings,
  ZWorkOrderDetail,
  ZWorkOrderListInput,
  ZWorkOrderRow,
  ZWorkOrderTarget,
} from "./workorders.schema";
import {
  addWorkOrderNote,
  addWorkOrderPhoto,
  assignableStaff,
  assignWorkOrder,
  cancelWorkOrder,
  checkInWorkOrder,
  createWorkOrder,
  getSlaHours,
  getWorkOrder,
  listWorkOrders,
  moveWorkOrder,
  saveChecklist,
  saveSlaHours,
} from "./workorder.service";
import { completeWorkOrder } from "./completion.service";
import { siteFacts } from "./site-facts.service";

const read = requireCapability("tasks.read");
const manage = requireCapability("tasks.manage");
const field = requireCapability("tasks.field");

export const workOrdersRouter = router({
  list: read.input(ZWorkOrderListInput).output(z.array(ZWorkOrderRow)).query(({ ctx, input }) => listWorkOrders(ctx.db, ctx.actor, input)),
  get: read.input(ZWorkOrderTarget).output(ZWorkOrderDetail).query(({ ctx, input }) => getWorkOrder(ctx.db, ctx.actor, input.id)),
  slaHours: read.output(ZSlaSettings).query(({ ctx }) => getSlaHours(ctx.db)),
  /** The customer's line at the order's site (null: the order has no customer). */
  siteFacts: field.input(ZWorkOrderTarget).output(ZSiteFacts.nullable()).query(({ ctx, input }) => siteFacts(ctx.db, ctx.actor, input.id, ctx.tenant.timezone)),
  assignable: manage.output(z.array(ZPerson)).query(({ ctx }) => assignableStaff(ctx.db)),

  create: manage.input(ZCreateWorkOrderInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => createWorkOrder(ctx.db, ctx.actor, input)),
  assign: manage.input(ZAssignInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => assignWorkOrder(ctx.db, ctx.actor, input)),
  cancel: manage.input(ZCancelInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => cancelWorkOrder(ctx.db, ctx.actor, input)),
  saveSlaHours: manage.input(ZSlaSettings).output(ZSlaSettings).mutation(({ ctx, input }) => saveSlaHours(ctx.db, ctx.actor, input)),

  move: field.input(ZMoveInput).output(ZMoveResult).mutation(({ ctx, input }) => moveWorkOrder(ctx.db, ctx.actor, input)),
  checkIn: field.input(ZCheckInInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => checkInWorkOrder(ctx.db, ctx.actor, input)),
  addNote: field.input(ZNoteInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => addWorkOrderNote(ctx.db, ctx.actor, input)),
  addPhoto: field.input(ZPhotoInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => addWorkOrderPhoto(ctx.db, ctx.actor, input)),
  saveChecklist: field.input(ZChecklistInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => saveChecklist(ctx.db, ctx.actor, input)),
  finish: field.input(ZFinishInput).output(ZWorkOrderDetail).mutation(({ ctx, input }) => completeWorkOrder(ctx.db, ctx.actor, input)),
});
