import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import {
  ZAssignInput,
  ZAssignmentHistoryRow,
  ZAssignmentListInput,
  ZAssignmentRow,
  ZAssignResult,
  ZCollectInput,
  ZCollectionRow,
  ZCollectorRow,
  ZCollectResult,
  ZCommissionRow,
  ZCommissionRule,
  ZConfirmDepositInput,
  ZCustody,
  ZDailyReportInput,
  ZDailyReportRow,
  ZDeclareDepositInput,
  ZDepositListInput,
  ZDepositRow,
  ZPeriodRange,
  ZPromiseInput,
  ZRound,
  ZRoundInput,
  ZUnassignInput,
  ZUnassignResult,
} from "./collections.schema";
import { assignCustomers, customerAssignmentHistory, listCollectors, listCustomerAssignments, notePromise, unassignCustomers } from "./assignment.service";
import { collectCash, collectionsOfDay, custodyOf, myRound } from "./collection.service";
import { cashHeldByCollectors, commissionsForPeriod, dailyReport, getCommissionRule, updateCommissionRule } from "./commission.service";
import { confirmDeposit, declareDeposit, depositsList } from "./deposit.service";

/** The collector's own round, cash and hand-overs (services filter by the signed-in user). */
const own = requireCapability("collections.own");
/** Owners, admins and finance: assignments, every collector's ledger, deposits, commission. */
const manage = requireCapability("collections.manage");
const ZDay = z.object({ date: z.iso.date().optional() });

export const collectionsRouter = router({
  // The collector
  round: own.input(ZRoundInput).output(ZRound).query(({ ctx, input }) => myRound(ctx.db, ctx.actor, input.filter)),
  notePromise: own.input(ZPromiseInput).mutation(({ ctx, input }) => notePromise(ctx.db, ctx.actor, input)),
  collect: own.input(ZCollectInput).output(ZCollectResult).mutation(({ ctx, input }) => collectCash(ctx.db, ctx.actor, input)),
  myCustody: own.output(ZCustody).query(({ ctx }) => custodyOf(ctx.db, ctx.actor.userId)),
  myCollections: own
    .input(ZDay)
    .output(z.array(ZCollectionRow))
    .query(({ ctx, input }) => collectionsOfDay(ctx.db, { collectorId: ctx.actor.userId, date: input.date, timeZone: ctx.tenant.timezone })),
  declareDeposit: own.input(ZDeclareDepositInput).output(ZDepositRow).mutation(({ ctx, input }) => declareDeposit(ctx.db, ctx.actor, input)),
  myDeposits: own.output(z.array(ZDepositRow)).query(({ ctx }) => depositsList(ctx.db, { collectorId: ctx.actor.userId })),
  // Finance and the owner
  collectors: manage.output(z.array(ZCollectorRow)).query(({ ctx }) => listCollectors(ctx.db)),
  assignments: manage.input(ZAssignmentListInput).output(z.array(ZAssignmentRow)).query(({ ctx, input }) => listCustomerAssignments(ctx.db, input)),
  history: manage
    .input(z.object({ customerId: z.uuid() }))
    .output(z.array(ZAssignmentHistoryRow))
    .query(({ ctx, input }) => customerAssignmentHistory(ctx.db, input.customerId)),
  assign: manage.input(ZAssignInput).output(ZAssignResult).mutation(({ ctx, input }) => assignCustomers(ctx.db, ctx.actor, input)),
  unassign: manage.input(ZUnassignInput).output(ZUnassignResult).mutation(({ ctx, input }) => unassignCustomers(ctx.db, ctx.actor, input.customerIds)),
  custody: manage.input(z.object({ collectorId: z.uuid() })).output(ZCustody).query(({ ctx, input }) => custodyOf(ctx.db, input.collectorId)),
  collections: manage
    .input(z.object({ collectorId: z.uuid(), date: z.iso.date().optional() }))
    .output(z.array(ZCollectionRow))
    .query(({ ctx, input }) => collectionsOfDay(ctx.db, { collectorId: input.collectorId, date: input.date, timeZone: ctx.tenant.timezone })),
  deposits: manage.input(ZDepositListInput).output(z.array(ZDepositRow)).query(({ ctx, input }) => depositsList(ctx.db, input)),
  confirmDeposit: manage.input(ZConfirmDepositInput).output(ZDepositRow).mutation(({ ctx, input }) => confirmDeposit(ctx.db, ctx.actor, input)),
  commissionRule: manage.output(ZCommissionRule).query(({ ctx }) => getCommissionRule(ctx.db)),
  setCommissionRule: manage.input(ZCommissionRule).output(ZCommissionRule).mutation(({ ctx, input }) => updateCommissionRule(ctx.db, ctx.actor, input)),
  commissions: manage.input(ZPeriodRange).output(z.array(ZCommissionRow)).query(({ ctx, input }) => commissionsForPeriod(ctx.db, { ...input, timeZone: ctx.tenant.timezone })),
  report: manage.input(ZDailyReportInput).output(z.array(ZDailyReportRow)).query(({ ctx, input }) => dailyReport(ctx.db, { ...input, timeZone: ctx.tenant.timezone })),
  heldTotal: manage.output(z.object({ heldIdr: z.int(), collectors: z.int() })).query(({ ctx }) => cashHeldByCollectors(ctx.db)),
});
