// Shapes of payroll runs and payslips. No server imports: shared with the UI.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { OVERTIME_SCHEMES } from "./payroll-rules";

export const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, v("validation.month"));
export const RUN_STATUSES = ["draft", "reviewed", "locked"] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];

export const ZCreateRunInput = z.object({ period: ZPeriod });
export const ZRunTarget = z.object({ id: z.uuid() });
export const ZLineTarget = z.object({ lineId: z.uuid() });

/** HR's entries on one line of a draft run. */
export const ZLineInputs = z.object({
  overtime: z.array(z.object({ scheme: z.enum(OVERTIME_SCHEMES), minutes: z.number().int().min(1).max(24 * 60 * 31) })).max(62),
  /** A commission earned outside RRNET's collection records; the collections module's is added by the run. */
  commissionIdr: z.number().int().min(0).max(1_000_000_000),
  /** + an earning (taxable), − a deduction after tax: corrections of earlier, locked months go here. */
  adjustments: z.array(z.object({ label: z.string().trim().min(1).max(80), amountIdr: z.number().int().min(-1_000_000_000).max(1_000_000_000).refine((x) => x !== 0) })).max(20),
});
export type TLineInputs = z.infer<typeof ZLineInputs>;
export const EMPTY_LINE_INPUTS: TLineInputs = { overtime: [], commissionIdr: 0, adjustments: [] };
export const ZSetLineInputsInput = ZLineInputs.extend({ lineId: z.uuid() });

/** The kinds of payslip lines; `allowance`, `deduction` and `adjustment` carry HR's own label, `leavePayout` and `notEmployed` their number of working days. */
export const PAYSLIP_ITEM_KEYS = [
  "base", "allowance", "overtime", "commission", "commissionOther", "thr", "leavePayout", "adjustment", "notEmployed", "absence",
  "bpjsKesehatan", "bpjsJht", "bpjsJp", "pph21", "deduction",
  "bpjsKesehatanEmployer", "bpjsJhtEmployer", "bpjsJkk", "bpjsJkm", "bpjsJpEmployer",
] as const;
export const ZPayslipItem = z.object({ key: z.enum(PAYSLIP_ITEM_KEYS), label: z.string().nullable(), amountIdr: z.number().int(), days: z.number().int().optional() });
export type TPayslipItem = z.infer<typeof ZPayslipItem>;

/** One payslip, as stored in the run and shown to HR and the employee. */
export const ZPayslipView = z.object({
  lineId: z.uuid(),
  runId: z.uuid(),
  period: z.string(),
  runStatus: z.enum(RUN_STATUSES),
  employeeId: z.uuid(),
  employeeNo: z.string(),
  name: z.string(),
  position: z.string(),
  department: z.string(),
  ptkpStatus: z.string(),
  earnings: z.array(ZPayslipItem),
  deductions: z.array(ZPayslipItem),
  employer: z.array(ZPayslipItem),
  attendance: z.object({ scheduledDays: z.number().int(), presentDays: z.number().int(), absentDays: z.number().int(), unpaidLeaveDays: z.number().int(), paidLeaveDays: z.number().int() }),
  pph21: z.object({ method: z.enum(["ter", "annual"]), category: z.string().nullable(), rateBp: z.number().int().nullable() }),
  grossIdr: z.number().int(),
  takeHomeIdr: z.number().int(),
  employerCostIdr: z.number().int(),
  inputs: ZLineInputs,
});
export type TPayslipView = z.infer<typeof ZPayslipView>;

export const ZRunTotals = z.object({
  employees: z.number().int(),
  grossIdr: z.number().int(),
  employeeBpjsIdr: z.number().int(),
  employerBpjsIdr: z.number().int(),
  pph21Idr: z.number().int(),
  takeHomeIdr: z.number().int(),
  employerCostIdr: z.number().int(),
});
export type TRunTotals = z.infer<typeof ZRunTotals>;

export const ZRunSummary = z.object({
  id: z.uuid(),
  period: z.string(),
  status: z.enum(RUN_STATUSES),
  payThr: z.boolean(),
  reviewedAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  totals: ZRunTotals,
});
export type TRunSummary = z.infer<typeof ZRunSummary>;
export const ZRun = ZRunSummary.extend({ lines: z.array(ZPayslipView) });
export type TRun = z.infer<typeof ZRun>;

export const ZMonthlySummary = z.object({
  period: z.string(),
  run: ZRunSummary.nullable(),
  previous: ZRunSummary.nullable(),
  byDepartment: z.array(z.object({ department: z.string(), employees: z.number().int(), employerCostIdr: z.number().int() })),
});
export type TMonthlySummary = z.infer<typeof ZMonthlySummary>;
export const ZBankTransferRow = z.object({ no: z.number().int(), name: z.string(), bankName: z.string(), account: z.string(), holder: z.string(), amountIdr: z.number().int() });
export type TBankTransferRow = z.infer<typeof ZBankTransferRow>;
export const ZBankTransfer = z.object({ period: z.string(), rows: z.array(ZBankTransferRow) });
export type TBankTransfer = z.infer<typeof ZBankTransfer>;
