import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability, requireFeature } from "@/server/trpc/procedures";
import { bankTransferRows, createRun, getPayslip, getRun, listRuns, monthlySummary, moveRunStatus, myPayslips, recomputeRun, setLineInputs } from "./payroll-run.service";
import { ZBankTransfer, ZCreateRunInput, ZLineTarget, ZMonthlySummary, ZPayslipView, ZPeriod, ZRun, ZRunSummary, ZRunTarget, ZSetLineInputsInput } from "./payroll.schema";

const manage = requireCapability("payroll.manage").use(requireFeature("hr"));
const self = requireCapability("hr.self").use(requireFeature("hr"));

export const payrollRouter = router({
  runs: router({
    list: manage.output(z.array(ZRunSummary)).query(({ ctx }) => listRuns(ctx.db)),
    /** Every payslip of the run: audited. */
    get: manage.input(ZRunTarget).output(ZRun).query(({ ctx, input }) => getRun(ctx.db, ctx.actor, input.id)),
    create: manage.input(ZCreateRunInput).output(ZRunSummary).mutation(({ ctx, input }) => createRun(ctx.db, ctx.actor, input.period)),
    recompute: manage.input(ZRunTarget).output(ZRunSummary).mutation(({ ctx, input }) => recomputeRun(ctx.db, ctx.actor, input.id)),
    setLineInputs: manage.input(ZSetLineInputsInput).output(ZPayslipView).mutation(({ ctx, input }) => setLineInputs(ctx.db, ctx.actor, input.lineId, input)),
    review: manage.input(ZRunTarget).output(ZRunSummary).mutation(({ ctx, input }) => moveRunStatus(ctx.db, ctx.actor, input.id, "review")),
    reopen: manage.input(ZRunTarget).output(ZRunSummary).mutation(({ ctx, input }) => moveRunStatus(ctx.db, ctx.actor, input.id, "reopen")),
    /** Reviewed or locked runs: name, bank, opened account number and take-home per line (audited). */
    bankTransfer: manage.input(ZRunTarget).output(ZBankTransfer).query(({ ctx, input }) => bankTransferRows(ctx.db, ctx.actor, input.id)),
    /** Final: a locked run never changes. */
    lock: manage.input(ZRunTarget).output(ZRunSummary).mutation(({ ctx, input }) => moveRunStatus(ctx.db, ctx.actor, input.id, "lock")),
  }),
  /** Someone's payslip: audited when it is not the viewer's own. */
  payslip: manage.input(ZLineTarget).output(ZPayslipView).query(({ ctx, input }) => getPayslip(ctx.db, ctx.actor, input.lineId, true)),
  summary: manage.input(z.object({ period: ZPeriod })).output(ZMonthlySummary).query(({ ctx, input }) => monthlySummary(ctx.db, input.period)),
  me: router({
    payslips: self.output(z.array(ZPayslipView)).query(({ ctx }) => myPayslips(ctx.db, ctx.actor)),
    payslip: self.input(ZLineTarget).output(ZPayslipView).query(({ ctx, input }) => getPayslip(ctx.db, ctx.actor, input.lineId, false)),
  }),
});
