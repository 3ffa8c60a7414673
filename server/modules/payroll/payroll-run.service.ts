// Monthly payroll runs: draft (computed from the employees, their attendance and leave, HR's
// entries, and the payroll rules in force on the month's first day) → reviewed → locked. A
// locked run never changes; a mistake is corrected by an adjustment in a later run. PPh 21's
// year-to-date comes from the year's earlier locked runs, so December's reconciliation uses
// what was really withheld. Viewing someone else's payslip or the run's salaries is audited.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import { open } from "@/server/crypto/secret-box";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { commissionsForPeriod } from "@/server/modules/collections/commission.service";
import { monthlyRecap } from "@/server/modules/hr/attendance.service";
import { scheduledDates } from "@/server/modules/hr/attendance-rules";
import { employeesForPayroll, findOwnEmployee } from "@/server/modules/hr/employee.service";
import { getHrSettings, tenantZone } from "@/server/modules/hr/hr-settings.service";
import { leaveBalance } from "@/server/modules/hr/leave.service";
import type { TRecapRow } from "@/server/modules/hr/hr.schema";
import { divRoundHalfUp } from "@/server/modules/billing/invoice-math";
import { daysBetween, localDate, monthBounds } from "@/server/time/calendar-date";
import { computePayslip, deductibleContributions, overtimePay, thrAmount, type Payslip, type YearToDate } from "./payroll-engine";
import type { PayrollRules } from "./payroll-rules";
import { payrollRulesOn } from "./payroll-rules.service";
import {
  findLineRow,
  findRunRow,
  insertRun,
  isUniqueViolation,
  listRunRows,
  lockedLinesOfEmployee,
  lockedLinesOfYearBefore,
  moveRun,
  replaceDraftLines,
  updateDraftLine,
  type LineRow,
  type RunRow,
} from "./payroll-run.repository";
import {
  EMPTY_LINE_INPUTS,
  ZLineInputs,
  ZPayslipView,
  type TBankTransfer,
  type TLineInputs,
  type TMonthlySummary,
  type TPayslipItem,
  type TPayslipView,
  type TRun,
  type TRunSummary,
  type TRunTotals,
} from "./payroll.schema";

type PayrollEmployee = Awaited<ReturnType<typeof employeesForPayroll>>[number];
type Snapshot = { employeeNo: string; name: string; position: string; department: string; ptkp: string; userId: string | null; bank: { name: string; accountSealed: string; holder: string } };
type StoredPayslip = { view: Omit<TPayslipView, "lineId" | "runId" | "period" | "runStatus" | "inputs">; result: Payslip; deductibleIdr: number };

/**
 * Collector commissions for the month, per employee id: what the collections module's rule gives
 * for the cash the employee's staff user collected between the first and the last local day of
 * the period (the tenant's zone). HR may add a commission earned outside RRNET's records by hand
 * (TLineInputs.commissionIdr); it is shown as its own payslip item.
 */
export async function collectorCommissions(db: TenantScope, period: string, timeZone: string, employees: Array<{ id: string; userId: string | null }>): Promise<Map<string, number>> {
  const rows = await commissionsForPeriod(db, { ...monthBounds(`${period}-01`), timeZone });
  const byUser = new Map(rows.map((r) => [r.collectorId, r.commissionIdr]));
  return new Map(employees.flatMap((e) => (e.userId && byUser.get(e.userId) ? [[e.id, byUser.get(e.userId)!] as const] : [])));
}

const runNotFound = (id: string) => new AppError("NOT_FOUND", { runId: id }, "payroll.errors.runNotFound");
const notDraft = (status: string) => new AppError("CONFLICT", { reason: "run_not_draft", status }, "payroll.errors.runNotDraft");

/**
 * A leaver's final month (their end date falls in the period): the rest of the year's annual
 * leave is paid out at one day's pay each, the year's entitlement counted in proportion to the
 * months employed in the year (the leaving month whole), less approved annual leave.
 */
export function unusedLeaveDays(e: Pick<PayrollEmployee, "joinDate" | "endDate" | "annualLeaveDays">, usedDays: number): number {
  if (!e.endDate) return 0;
  const year = e.endDate.slice(0, 4);
  const firstMonth = e.joinDate.slice(0, 4) === year ? Number(e.joinDate.slice(5, 7)) : 1;
  const months = Number(e.endDate.slice(5, 7)) - firstMonth + 1;
  return Math.max(0, Math.floor((e.annualLeaveDays * months) / 12) - usedDays);
}

/**
 * THR on this payslip. A run that pays THR pays it to everyone still employed on the holiday.
 * Someone whose employment ends before the holiday gets it only on their final payslip, and only
 * on a permanent (PKWTT, probation included) contract ending within the rule's days before the
 * holiday (Permenaker 6/2016 Pasal 7), service counted to their last day.
 */
function thrOf(rules: PayrollRules, e: PayrollEmployee, wageIdr: number, thr: { holidayDate: string | null; payThr: boolean; finalMonth: boolean }): number {
  if (!thr.holidayDate) return 0;
  if (e.endDate && e.endDate < thr.holidayDate) {
    const owed = thr.finalMonth && (e.employmentType === "permanent" || e.employmentType === "probation") && daysBetween(e.endDate, thr.holidayDate) <= rules.thr.leaverDaysBeforeHoliday;
    return owed ? thrAmount(rules, { monthlyWageIdr: wageIdr, joinDate: e.joinDate, holidayDate: e.endDate }).amountIdr : 0;
  }
  return thr.payThr ? thrAmount(rules, { monthlyWageIdr: wageIdr, joinDate: e.joinDate, holidayDate: thr.holidayDate }).amountIdr : 0;
}

/** One employee's payslip for a period. Pure apart from its inputs. */
export function computeLine(args: {
  rules: PayrollRules;
  period: string;
  employee: PayrollEmployee;
  recap: TRecapRow | undefined;
  inputs: TLineInputs;
  commissionIdr: number;
  ytd: YearToDate;
  minimumWageIdr: number;
  /** The tenant's THR holiday (the run's last day when a THR run has none set), and whether this run pays THR. */
  thr: { holidayDate: string | null; payThr: boolean };
  /** Approved annual leave days of the year (counted for a leaver's payout). */
  annualLeaveUsedDays: number;
}): StoredPayslip {
  const { rules, employee: e, recap, inputs } = args;
  const fixedIdr = e.allowances.filter((a) => a.fixed).reduce((s, a) => s + a.amountIdr, 0);
  const wageIdr = e.baseSalaryIdr + fixedIdr;
  const monthEnd = monthBounds(`${args.period}-01`).to;
  const finalMonth = e.endDate !== null && e.endDate <= monthEnd;
  // A month's wage is for its scheduled working days; a joiner or leaver is paid for the ones they
  // were employed on (the rest is the "not employed" deduction), an unpaid day costs one day's pay.
  const scheduled = scheduledDates(args.period, e.weekdays);
  const notEmployedDays = scheduled.filter((d) => d < e.joinDate || (e.endDate !== null && d > e.endDate)).length;
  const unpaidDays = (recap?.absentDays ?? 0) + (recap?.permissionDays ?? 0);
  const dayPay = (days: number) => (scheduled.length > 0 ? divRoundHalfUp(wageIdr * days, scheduled.length) : 0);
  const prorationIdr = Math.min(wageIdr, dayPay(notEmployedDays));
  const absenceDeductionIdr = Math.min(wageIdr - prorationIdr, dayPay(notEmployedDays + unpaidDays) - prorationIdr);
  const leavePayoutDays = finalMonth ? unusedLeaveDays(e, args.annualLeaveUsedDays) : 0;
  const leavePayoutIdr = dayPay(leavePayoutDays);
  const overtimeIdr = overtimePay(rules, { monthlyWageIdr: wageIdr, entries: inputs.overtime });
  const thrIdr = thrOf(rules, e, wageIdr, { ...args.thr, finalMonth });
  const commissionIdr = args.commissionIdr + inputs.commissionIdr;
  const plus = inputs.adjustments.filter((a) => a.amountIdr > 0);
  const minus = inputs.adjustments.filter((a) => a.amountIdr < 0).map((a) => ({ label: a.label, amountIdr: -a.amountIdr }));
  const result = computePayslip(rules, {
    ptkp: e.ptkp,
    hasNpwp: e.hasNpwp,
    jkkRiskClass: e.jkkRiskClass,
    enrolment: e.enrolment,
    minimumWageIdr: args.minimumWageIdr,
    baseSalaryIdr: e.baseSalaryIdr,
    allowances: [...e.allowances, ...(leavePayoutIdr > 0 ? [{ label: "leavePayout", amountIdr: leavePayoutIdr, fixed: false }] : []), ...plus.map((a) => ({ label: a.label, amountIdr: a.amountIdr, fixed: false }))],
    overtimeIdr,
    commissionIdr,
    thrIdr,
    absenceDeductionIdr: prorationIdr + absenceDeductionIdr,
    otherDeductions: [...e.deductions, ...minus],
    // PMK 168/2023: the year is reconciled in December, or in the month the employee leaves.
    lastTaxPeriod: args.period.endsWith("-12") || finalMonth,
    yearToDate: args.ytd,
  });
  const b = result.bpjs;
  const item = (key: TPayslipItem["key"], amountIdr: number, label: string | null = null, days?: number): TPayslipItem => ({ key, label, amountIdr, ...(days === undefined ? {} : { days }) });
  const nonZero = (items: TPayslipItem[]) => items.filter((i) => i.amountIdr !== 0);
  return {
    result,
    deductibleIdr: deductibleContributions(rules, result.bpjs),
    view: {
      employeeId: e.id,
      employeeNo: e.employeeNo,
      name: e.name,
      position: e.position,
      department: e.department,
      ptkpStatus: e.ptkp,
      earnings: nonZero([
        item("base", e.baseSalaryIdr),
        ...e.allowances.map((a) => item("allowance", a.amountIdr, a.label)),
        item("overtime", overtimeIdr),
        item("commission", args.commissionIdr),
        item("commissionOther", inputs.commissionIdr),
        item("thr", thrIdr),
        item("leavePayout", leavePayoutIdr, null, leavePayoutDays),
        ...plus.map((a) => item("adjustment", a.amountIdr, a.label)),
        item("notEmployed", -prorationIdr, null, notEmployedDays),
        item("absence", -absenceDeductionIdr),
      ]),
      deductions: nonZero([
        item("bpjsKesehatan", b.kesehatanEmployeeIdr),
        item("bpjsJht", b.jhtEmployeeIdr),
        item("bpjsJp", b.jpEmployeeIdr),
        item("pph21", result.pph21.taxIdr),
        ...e.deductions.map((d) => item("deduction", d.amountIdr, d.label)),
        ...minus.map((d) => item("adjustment", d.amountIdr, d.label)),
      ]),
      employer: nonZero([
        item("bpjsKesehatanEmployer", b.kesehatanEmployerIdr),
        item("bpjsJhtEmployer", b.jhtEmployerIdr),
        item("bpjsJkk", b.jkkEmployerIdr),
        item("bpjsJkm", b.jkmEmployerIdr),
        item("bpjsJpEmployer", b.jpEmployerIdr),
      ]),
      attendance: {
        scheduledDays: recap?.scheduledDays ?? 0,
        presentDays: recap?.presentDays ?? 0,
        absentDays: recap?.absentDays ?? 0,
        unpaidLeaveDays: recap?.permissionDays ?? 0,
        paidLeaveDays: (recap?.annualLeaveDays ?? 0) + (recap?.sickDays ?? 0),
      },
      pph21: result.pph21.method === "ter" ? { method: "ter", category: result.pph21.category, rateBp: result.pph21.rateBp } : { method: "annual", category: null, rateBp: null },
      grossIdr: result.cashEarningsIdr,
      takeHomeIdr: result.takeHomeIdr,
      employerCostIdr: result.employerCostIdr,
    },
  };
}

/** (Re)computes every line of a draft run in place (line ids stay), keeping HR's entries of the lines that stay. */
async function computeRunLines(db: TenantDb, run: RunRow): Promise<void> {
  const monthEnd = monthBounds(`${run.period}-01`).to;
  const [rules, employees, settings, zone, earlier] = await Promise.all([
    payrollRulesOn(`${run.period}-01`),
    employeesForPayroll(db, run.period),
    getHrSettings(db),
    tenantZone(db),
    lockedLinesOfYearBefore(db, run.period),
  ]);
  const commissions = await collectorCommissions(db, run.period, zone, employees);
  // Days before today are past: for a month that has ended every scheduled day counts.
  const recap = await monthlyRecap(db, run.period, { employeeIds: employees.map((e) => e.id), today: localDate(new Date(), zone) });
  const keptInputs = new Map(run.lines.map((l) => [l.employeeId, ZLineInputs.parse(l.inputs)]));
  const thr = { holidayDate: settings.thrHolidayDate ?? (run.payThr ? monthEnd : null), payThr: run.payThr };
  const leavers = employees.filter((e) => e.endDate !== null && e.endDate <= monthEnd);
  const leaveUsed = new Map(await Promise.all(leavers.map(async (e) => [e.id, (await leaveBalance(db, e.row, Number(e.endDate!.slice(0, 4)))).usedDays] as const)));
  const rows = employees.map((e) => {
    const mine = earlier.filter((l) => l.employeeId === e.id);
    const ytd: YearToDate = { grossIdr: mine.reduce((s, l) => s + l.taxableGrossIdr, 0), deductibleContributionsIdr: mine.reduce((s, l) => s + l.deductibleIdr, 0), pph21Idr: mine.reduce((s, l) => s + l.pph21Idr, 0), months: mine.length };
    const inputs = keptInputs.get(e.id) ?? EMPTY_LINE_INPUTS;
    const slip = computeLine({ rules, period: run.period, employee: e, recap: recap.find((r) => r.employeeId === e.id), inputs, commissionIdr: commissions.get(e.id) ?? 0, ytd, minimumWageIdr: settings.minimumWageIdr, thr, annualLeaveUsedDays: leaveUsed.get(e.id) ?? 0 });
    const snapshot: Snapshot = { employeeNo: e.employeeNo, name: e.name, position: e.position, department: e.department, ptkp: e.ptkp, userId: e.userId, bank: e.bank };
    return { employeeId: e.id, snapshot, inputs, ...figures(slip) };
  });
  if (!(await db.$transaction((tx) => replaceDraftLines(tx, run.id, rows)))) throw notDraft("moved");
}

function figures(slip: StoredPayslip) {
  const r = slip.result;
  return {
    payslip: slip as unknown as object,
    grossIdr: r.cashEarningsIdr,
    taxableGrossIdr: r.taxableGrossIdr,
    deductibleIdr: slip.deductibleIdr,
    pph21Idr: r.pph21.taxIdr,
    employeeBpjsIdr: r.employeeContributionsIdr,
    employerBpjsIdr: r.employerContributionsIdr,
    takeHomeIdr: r.takeHomeIdr,
    employerCostIdr: r.employerCostIdr,
  };
}

function totalsOf(lines: Array<Pick<LineRow, "grossIdr" | "employeeBpjsIdr" | "employerBpjsIdr" | "pph21Idr" | "takeHomeIdr" | "employerCostIdr">>): TRunTotals {
  const sum = (k: keyof (typeof lines)[number]) => lines.reduce((s, l) => s + l[k], 0);
  return { employees: lines.length, grossIdr: sum("grossIdr"), employeeBpjsIdr: sum("employeeBpjsIdr"), employerBpjsIdr: sum("employerBpjsIdr"), pph21Idr: sum("pph21Idr"), takeHomeIdr: sum("takeHomeIdr"), employerCostIdr: sum("employerCostIdr") };
}

function toSummary(run: Pick<RunRow, "id" | "period" | "status" | "payThr" | "reviewedAt" | "lockedAt">, lines: Parameters<typeof totalsOf>[0]): TRunSummary {
  return { id: run.id, period: run.period, status: run.status, payThr: run.payThr, reviewedAt: run.reviewedAt?.toISOString() ?? null, lockedAt: run.lockedAt?.toISOString() ?? null, totals: totalsOf(lines) };
}

function toPayslip(line: LineRow, run: { id: string; period: string; status: RunRow["status"] }): TPayslipView {
  const stored = line.payslip as unknown as StoredPayslip;
  return ZPayslipView.parse({ ...stored.view, lineId: line.id, runId: run.id, period: run.period, runStatus: run.status, inputs: ZLineInputs.parse(line.inputs) });
}

async function getRunRowOrThrow(db: TenantScope, id: string): Promise<RunRow> {
  const run = await findRunRow(db, { id });
  if (!run) throw runNotFound(id);
  return run;
}

export async function listRuns(db: TenantScope): Promise<TRunSummary[]> {
  return (await listRunRows(db)).map((r) => toSummary(r, r.lines));
}

export async function createRun(db: TenantDb, actor: UserActor, period: string): Promise<TRunSummary> {
  const settings = await getHrSettings(db);
  let run;
  try {
    run = await insertRun(db, period, settings.thrMonth === Number(period.slice(5, 7)));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { reason: "run_exists", period }, "payroll.errors.runExists");
    throw error;
  }
  await computeRunLines(db, { ...run, lines: [] });
  await recordAudit(db, actor, { action: "payroll.run_created", target: { type: "payroll_run", id: run.id }, details: { period } });
  const fresh = await getRunRowOrThrow(db, run.id);
  return toSummary(fresh, fresh.lines);
}

/** Draft only: figures again from today's records (employees, attendance, leave, rules). */
export async function recomputeRun(db: TenantDb, actor: UserActor, id: string): Promise<TRunSummary> {
  const run = await getRunRowOrThrow(db, id);
  if (run.status !== "draft") throw notDraft(run.status);
  await computeRunLines(db, run);
  await recordAudit(db, actor, { action: "payroll.run_recomputed", target: { type: "payroll_run", id }, details: { period: run.period } });
  const fresh = await getRunRowOrThrow(db, id);
  return toSummary(fresh, fresh.lines);
}

/** HR's entries on a line of a draft run (overtime, commission, adjustments); the line is computed again. */
export async function setLineInputs(db: TenantDb, actor: UserActor, lineId: string, inputs: TLineInputs): Promise<TPayslipView> {
  const line = await findLineRow(db, lineId);
  if (!line) throw new AppError("NOT_FOUND", { lineId }, "payroll.errors.lineNotFound");
  if (line.run.status !== "draft") throw notDraft(line.run.status);
  if (!(await updateDraftLine(db, lineId, { inputs }))) throw notDraft("moved");
  await computeRunLines(db, await getRunRowOrThrow(db, line.run.id));
  await recordAudit(db, actor, { action: "payroll.line_changed", target: { type: "payroll_line", id: lineId }, details: { overtimeEntries: inputs.overtime.length, adjustments: inputs.adjustments.length } });
  const run = await getRunRowOrThrow(db, line.run.id);
  return toPayslip(run.lines.find((l) => l.id === lineId)!, run);
}

const TRANSITIONS = {
  review: { from: "draft", to: "reviewed", action: "payroll.run_reviewed" },
  reopen: { from: "reviewed", to: "draft", action: "payroll.run_reopened" },
  lock: { from: "reviewed", to: "locked", action: "payroll.run_locked" },
} as const;

export async function moveRunStatus(db: TenantScope, actor: UserActor, id: string, step: keyof typeof TRANSITIONS): Promise<TRunSummary> {
  const t = TRANSITIONS[step];
  const run = await getRunRowOrThrow(db, id);
  if (run.status !== t.from) throw new AppError("CONFLICT", { reason: "run_status", status: run.status, expected: t.from }, run.status === "locked" ? "payroll.errors.runLocked" : "payroll.errors.runWrongStatus");
  const now = new Date();
  const data = step === "review" ? { status: t.to, reviewedById: actor.userId, reviewedAt: now } : step === "lock" ? { status: t.to, lockedById: actor.userId, lockedAt: now } : { status: t.to, reviewedById: null, reviewedAt: null };
  if (!(await moveRun(db, id, t.from, data))) throw new AppError("CONFLICT", { reason: "run_status" }, "payroll.errors.runWrongStatus");
  await recordAudit(db, actor, { action: t.action, target: { type: "payroll_run", id }, details: { period: run.period } });
  const fresh = await getRunRowOrThrow(db, id);
  return toSummary(fresh, fresh.lines);
}

/** The run with every payslip (salaries of others): audited. */
export async function getRun(db: TenantScope, actor: UserActor, id: string): Promise<TRun> {
  const run = await getRunRowOrThrow(db, id);
  await recordAudit(db, actor, { action: "payroll.run_viewed", target: { type: "payroll_run", id }, details: { period: run.period } });
  return { ...toSummary(run, run.lines), lines: run.lines.map((l) => toPayslip(l, run)) };
}

/**
 * One payslip. The employee sees their own once the run is locked; hr and owner (mayReadAll)
 * any, and that view is audited when it is not their own.
 */
export async function getPayslip(db: TenantScope, actor: UserActor, lineId: string, mayReadAll: boolean): Promise<TPayslipView> {
  const line = await findLineRow(db, lineId);
  const snapshot = line?.snapshot as Snapshot | undefined;
  const own = snapshot?.userId === actor.userId;
  if (!line || (!mayReadAll && !(own && line.run.status === "locked"))) throw new AppError("NOT_FOUND", { lineId }, "payroll.errors.lineNotFound");
  if (!own) await recordAudit(db, actor, { action: "payroll.payslip_viewed", target: { type: "payroll_line", id: lineId }, details: { period: line.run.period, employeeId: line.employeeId } });
  return toPayslip(line, line.run);
}

/** The signed-in staff member's payslips of locked runs, newest first. */
export async function myPayslips(db: TenantScope, actor: UserActor): Promise<TPayslipView[]> {
  const employee = await findOwnEmployee(db, actor.userId);
  if (!employee) return [];
  return (await lockedLinesOfEmployee(db, employee.id)).map((l) => toPayslip(l, l.run));
}

/** The bank-transfer list of a reviewed or locked run (account numbers opened): audited. */
export async function bankTransferRows(db: TenantScope, actor: UserActor, id: string): Promise<TBankTransfer> {
  const run = await getRunRowOrThrow(db, id);
  if (run.status === "draft") throw new AppError("CONFLICT", { reason: "run_not_reviewed" }, "payroll.errors.runNotReviewed");
  const rows = run.lines
    .filter((l) => l.takeHomeIdr > 0)
    .map((l, i) => {
      const s = l.snapshot as Snapshot;
      return { no: i + 1, name: s.name, bankName: s.bank.name, account: open(s.bank.accountSealed), holder: s.bank.holder, amountIdr: l.takeHomeIdr };
    });
  await recordAudit(db, actor, { action: "payroll.bank_list_exported", target: { type: "payroll_run", id }, details: { period: run.period, rows: rows.length } });
  return { period: run.period, rows };
}

/** The owner's month: the run's totals, the month before, employer cost by department. */
export async function monthlySummary(db: TenantScope, period: string): Promise<TMonthlySummary> {
  const runs = await listRunRows(db);
  const run = runs.find((r) => r.period === period) ?? null;
  const previous = runs.find((r) => r.period < period) ?? null;
  const byDept = new Map<string, { employees: number; employerCostIdr: number }>();
  for (const l of run?.lines ?? []) {
    const dept = (l.snapshot as Snapshot).department;
    const d = byDept.get(dept) ?? { employees: 0, employerCostIdr: 0 };
    byDept.set(dept, { employees: d.employees + 1, employerCostIdr: d.employerCostIdr + l.employerCostIdr });
  }
  return {
    period,
    run: run ? toSummary(run, run.lines) : null,
    previous: previous ? toSummary(previous, previous.lines) : null,
    byDepartment: [...byDept.entries()].map(([department, d]) => ({ department, ...d })).sort((a, b) => b.employerCostIdr - a.employerCostIdr),
  };
}
