// The arithmetic of an Indonesian payslip in integer rupiah: BPJS Kesehatan and
// Ketenagakerjaan with their wage caps, PPh 21 by TER each month and by Article 17 in the last
// tax period, overtime (PP 35/2021) and THR (Permenaker 6/2016). Every figure comes from the
// PayrollRules in force (payroll-rules.ts); docs/PAYROLL_RULES.md has the worked examples.
// Rounding: a percentage of a rupiah amount is rounded half up to the rupiah. Pure.
import { divRoundHalfUp } from "@/server/modules/billing/invoice-math";
import { addMonthsClamped } from "@/server/time/calendar-date";
import type { JkkRiskClass, OvertimeScheme, PayrollRules, PtkpStatus, TerCategory } from "./payroll-rules";

const pctOf = (amountIdr: number, bp: number) => divRoundHalfUp(amountIdr * bp, 10_000);

// ---------------------------------------------------------------- BPJS

export type BpjsEnrolment = { kesehatan: boolean; ketenagakerjaan: boolean; pension: boolean };
export type BpjsInput = {
  /** The monthly wage BPJS counts: base pay plus fixed allowances. */
  wageIdr: number;
  jkkRiskClass: JkkRiskClass;
  enrolment: BpjsEnrolment;
  /** The regional minimum wage (UMK/UMP): BPJS Kesehatan's wage base is never below it. */
  minimumWageIdr?: number;
  /** Family members beyond the five the employee's membership covers (1 % each, paid by the employee). */
  extraFamilyMembers?: number;
};
export type BpjsContributions = {
  kesehatanBaseIdr: number;
  kesehatanEmployerIdr: number;
  kesehatanEmployeeIdr: number;
  jhtEmployerIdr: number;
  jhtEmployeeIdr: number;
  jkkEmployerIdr: number;
  jkmEmployerIdr: number;
  jpBaseIdr: number;
  jpEmployerIdr: number;
  jpEmployeeIdr: number;
};

export function bpjsContributions(rules: PayrollRules, input: BpjsInput): BpjsContributions {
  const { wageIdr, enrolment } = input;
  const kes = rules.bpjs_kesehatan;
  const kesehatanBaseIdr = enrolment.kesehatan ? Math.min(Math.max(wageIdr, input.minimumWageIdr ?? 0), kes.wageCapIdr) : 0;
  const jpBaseIdr = enrolment.ketenagakerjaan && enrolment.pension ? Math.min(wageIdr, rules.bpjs_jp.wageCapIdr) : 0;
  const tk = enrolment.ketenagakerjaan ? wageIdr : 0;
  return {
    kesehatanBaseIdr,
    kesehatanEmployerIdr: pctOf(kesehatanBaseIdr, kes.employerBp),
    kesehatanEmployeeIdr: pctOf(kesehatanBaseIdr, kes.employeeBp + kes.extraFamilyMemberBp * (input.extraFamilyMembers ?? 0)),
    jhtEmployerIdr: pctOf(tk, rules.bpjs_jht.employerBp),
    jhtEmployeeIdr: pctOf(tk, rules.bpjs_jht.employeeBp),
    jkkEmployerIdr: pctOf(tk, rules.bpjs_jkk.ratesBp[input.jkkRiskClass]),
    jkmEmployerIdr: pctOf(tk, rules.bpjs_jkm.employerBp),
    jpBaseIdr,
    jpEmployerIdr: pctOf(jpBaseIdr, rules.bpjs_jp.employerBp),
    jpEmployeeIdr: pctOf(jpBaseIdr, rules.bpjs_jp.employeeBp),
  };
}

/** Employer-paid premiums that count as the employee's income (JKK, JKM, health under PMK 168/2023). */
export function employerPremiumsAsIncome(rules: PayrollRules, c: BpjsContributions): number {
  const by = { bpjs_kesehatan: c.kesehatanEmployerIdr, bpjs_jkk: c.jkkEmployerIdr, bpjs_jkm: c.jkmEmployerIdr, bpjs_jht: c.jhtEmployerIdr, bpjs_jp: c.jpEmployerIdr };
  return rules.pph21_annual.employerPremiumsAsIncome.reduce((sum, k) => sum + by[k], 0);
}

/** The employee's own contributions that reduce net income in the annual calculation (JHT, JP). */
export function deductibleContributions(rules: PayrollRules, c: BpjsContributions): number {
  const by = { bpjs_jht: c.jhtEmployeeIdr, bpjs_jp: c.jpEmployeeIdr };
  return rules.pph21_annual.deductibleEmployeeContributions.reduce((sum, k) => sum + by[k], 0);
}

// ---------------------------------------------------------------- PPh 21

export function terCategoryOf(rules: PayrollRules, ptkp: PtkpStatus): TerCategory {
  const { categories } = rules.pph21_ter;
  const found = (["A", "B", "C"] as const).find((c) => categories[c].includes(ptkp));
  if (!found) throw new Error(`PTKP status ${ptkp} is in no TER category`);
  return found;
}

type Bracket = { upToIdr: number | null; rateBp: number };
const bracketFor = (list: Bracket[], amountIdr: number) => list.find((b) => b.upToIdr === null || amountIdr <= b.upToIdr)!;

export function terRateBp(rules: PayrollRules, category: TerCategory, grossIdr: number): number {
  return bracketFor(rules.pph21_ter.brackets[category], grossIdr).rateBp;
}

const withoutNpwp = (rules: PayrollRules, taxIdr: number, hasNpwp: boolean) =>
  hasNpwp ? taxIdr : taxIdr + pctOf(taxIdr, rules.pph21_annual.noNpwpSurchargeBp);

/** January–November (any month but the last tax period): gross monthly income × the TER rate. */
export function monthlyPph21(rules: PayrollRules, input: { ptkp: PtkpStatus; hasNpwp: boolean; grossIdr: number }) {
  const category = terCategoryOf(rules, input.ptkp);
  const rateBp = terRateBp(rules, category, input.grossIdr);
  return { category, rateBp, taxIdr: withoutNpwp(rules, pctOf(input.grossIdr, rateBp), input.hasNpwp) };
}

export function ptkpAmount(rules: PayrollRules, ptkp: PtkpStatus): number {
  const [kind, n] = ptkp.split("/") as ["TK" | "K", string];
  const p = rules.ptkp;
  return p.selfIdr + (kind === "K" ? p.marriedIdr : 0) + Math.min(Number(n), p.maxDependants) * p.perDependantIdr;
}

/** Article 17(1)(a): the progressive rates over taxable income. */
export function article17Tax(rules: PayrollRules, pkpIdr: number): number {
  let tax = 0;
  let lower = 0;
  for (const b of rules.pph21_annual.article17) {
    const upper = b.upToIdr ?? Number.POSITIVE_INFINITY;
    if (pkpIdr > lower) tax += pctOf(Math.min(pkpIdr, upper) - lower, b.rateBp);
    lower = upper;
  }
  return tax;
}

export type AnnualTaxInput = {
  ptkp: PtkpStatus;
  hasNpwp: boolean;
  /** Gross income of the tax year with this employer, the last period included. */
  grossIdr: number;
  /** The employee's JHT and JP contributions over the same months. */
  deductibleContributionsIdr: number;
  /** Months worked in the year with this employer (caps the occupational cost). */
  months: number;
  /** PPh 21 already withheld in the earlier months of the year. */
  withheldIdr: number;
};

/**
 * The last tax period (December, or the month the employee leaves): the year's tax by Article 17,
 * less what TER withheld. Negative means over-withheld: the employer returns it to the employee.
 */
export function finalPph21(rules: PayrollRules, input: AnnualTaxInput) {
  const a = rules.pph21_annual;
  const occupationalCostIdr = Math.min(pctOf(input.grossIdr, a.occupationalCostBp), a.occupationalCostMonthlyCapIdr * input.months);
  const netIdr = input.grossIdr - occupationalCostIdr - input.deductibleContributionsIdr;
  const ptkpIdr = ptkpAmount(rules, input.ptkp);
  const pkpIdr = Math.floor(Math.max(0, netIdr - ptkpIdr) / a.pkpRoundDownIdr) * a.pkpRoundDownIdr;
  const annualTaxIdr = withoutNpwp(rules, article17Tax(rules, pkpIdr), input.hasNpwp);
  return { occupationalCostIdr, netIdr, ptkpIdr, pkpIdr, annualTaxIdr, taxIdr: annualTaxIdr - input.withheldIdr };
}

// ---------------------------------------------------------------- overtime and THR

export type OvertimeEntry = { scheme: OvertimeScheme; minutes: number };

/** Overtime pay: each day's minutes through its scheme's tiers at (monthly wage / 173) × multiplier. */
export function overtimePay(rules: PayrollRules, input: { monthlyWageIdr: number; entries: OvertimeEntry[] }): number {
  const { hourlyDivisor, schemes } = rules.overtime;
  let weightedMinutes = 0; // minutes × multiplier percent
  for (const entry of input.entries) {
    let left = entry.minutes;
    for (const tier of schemes[entry.scheme]) {
      const inTier = tier.hours === null ? left : Math.min(left, tier.hours * 60);
      weightedMinutes += inTier * tier.multiplierPct;
      left -= inTier;
      if (left <= 0) break;
    }
  }
  return divRoundHalfUp(input.monthlyWageIdr * weightedMinutes, hourlyDivisor * 100 * 60);
}

/** Full months of continuous service from joinDate up to and including onDate ("YYYY-MM-DD"). */
export function monthsOfService(joinDate: string, onDate: string): number {
  if (onDate < joinDate) return 0;
  let months = Math.max(0, (Number(onDate.slice(0, 4)) - Number(joinDate.slice(0, 4))) * 12 + Number(onDate.slice(5, 7)) - Number(joinDate.slice(5, 7)) - 1);
  while (addMonthsClamped(joinDate, months + 1) <= onDate) months += 1;
  return months;
}

/** THR for a holiday: a month's wage after the full service period, months / 12 of it below, none under the minimum. */
export function thrAmount(rules: PayrollRules, input: { monthlyWageIdr: number; joinDate: string; holidayDate: string }) {
  const months = monthsOfService(input.joinDate, input.holidayDate);
  const { fullAfterMonths, minMonths } = rules.thr;
  const amountIdr = months >= fullAfterMonths ? input.monthlyWageIdr : months < minMonths ? 0 : divRoundHalfUp(input.monthlyWageIdr * months, fullAfterMonths);
  return { monthsOfService: months, amountIdr };
}

// ---------------------------------------------------------------- one payslip

export type YearToDate = { grossIdr: number; deductibleContributionsIdr: number; pph21Idr: number; months: number };
export const EMPTY_YEAR_TO_DATE: YearToDate = { grossIdr: 0, deductibleContributionsIdr: 0, pph21Idr: 0, months: 0 };

export type PayslipInput = {
  ptkp: PtkpStatus;
  hasNpwp: boolean;
  jkkRiskClass: JkkRiskClass;
  enrolment: BpjsEnrolment;
  minimumWageIdr?: number;
  extraFamilyMembers?: number;
  baseSalaryIdr: number;
  /** Fixed allowances are part of the wage BPJS and THR count; others (meal, transport per day) are not. */
  allowances: { label: string; amountIdr: number; fixed: boolean }[];
  overtimeIdr: number;
  commissionIdr: number;
  thrIdr: number;
  /** Unpaid absence: lowers the pay and the taxable income, not the BPJS wage. */
  absenceDeductionIdr: number;
  /** Deducted after tax (loan instalments, advances). */
  otherDeductions: { label: string; amountIdr: number }[];
  /** December, or the month the employee leaves: the annual reconciliation replaces TER. */
  lastTaxPeriod: boolean;
  /** The earlier months of this tax year with this employer. */
  yearToDate: YearToDate;
};

export type Payslip = {
  bpjsWageIdr: number;
  bpjs: BpjsContributions;
  /** What the employee earns in cash before deductions. */
  cashEarningsIdr: number;
  /** Cash earnings plus the employer premiums that count as income: the TER base. */
  taxableGrossIdr: number;
  pph21: { method: "ter"; category: TerCategory; rateBp: number; taxIdr: number } | ({ method: "annual" } & ReturnType<typeof finalPph21>);
  employeeContributionsIdr: number;
  otherDeductionsIdr: number;
  takeHomeIdr: number;
  employerContributionsIdr: number;
  employerCostIdr: number;
  yearToDateAfter: YearToDate;
};

export function computePayslip(rules: PayrollRules, input: PayslipInput): Payslip {
  const fixedAllowancesIdr = input.allowances.filter((a) => a.fixed).reduce((s, a) => s + a.amountIdr, 0);
  const allowancesIdr = input.allowances.reduce((s, a) => s + a.amountIdr, 0);
  const bpjsWageIdr = input.baseSalaryIdr + fixedAllowancesIdr;
  const bpjs = bpjsContributions(rules, { wageIdr: bpjsWageIdr, jkkRiskClass: input.jkkRiskClass, enrolment: input.enrolment, minimumWageIdr: input.minimumWageIdr, extraFamilyMembers: input.extraFamilyMembers });
  const cashEarningsIdr = input.baseSalaryIdr + allowancesIdr + input.overtimeIdr + input.commissionIdr + input.thrIdr - input.absenceDeductionIdr;
  const taxableGrossIdr = cashEarningsIdr + employerPremiumsAsIncome(rules, bpjs);
  const deductibleIdr = deductibleContributions(rules, bpjs);
  const ytd = input.yearToDate;
  const pph21: Payslip["pph21"] = input.lastTaxPeriod
    ? {
        method: "annual",
        ...finalPph21(rules, {
          ptkp: input.ptkp,
          hasNpwp: input.hasNpwp,
          grossIdr: ytd.grossIdr + taxableGrossIdr,
          deductibleContributionsIdr: ytd.deductibleContributionsIdr + deductibleIdr,
          months: ytd.months + 1,
          withheldIdr: ytd.pph21Idr,
        }),
      }
    : { method: "ter", ...monthlyPph21(rules, { ptkp: input.ptkp, hasNpwp: input.hasNpwp, grossIdr: taxableGrossIdr }) };
  const employeeContributionsIdr = bpjs.kesehatanEmployeeIdr + bpjs.jhtEmployeeIdr + bpjs.jpEmployeeIdr;
  const employerContributionsIdr = bpjs.kesehatanEmployerIdr + bpjs.jhtEmployerIdr + bpjs.jkkEmployerIdr + bpjs.jkmEmployerIdr + bpjs.jpEmployerIdr;
  const otherDeductionsIdr = input.otherDeductions.reduce((s, d) => s + d.amountIdr, 0);
  return {
    bpjsWageIdr,
    bpjs,
    cashEarningsIdr,
    taxableGrossIdr,
    pph21,
    employeeContributionsIdr,
    otherDeductionsIdr,
    takeHomeIdr: cashEarningsIdr - employeeContributionsIdr - pph21.taxIdr - otherDeductionsIdr,
    employerContributionsIdr,
    employerCostIdr: cashEarningsIdr + employerContributionsIdr,
    yearToDateAfter: {
      grossIdr: ytd.grossIdr + taxableGrossIdr,
      deductibleContributionsIdr: ytd.deductibleContributionsIdr + deductibleIdr,
      pph21Idr: ytd.pph21Idr + pph21.taxIdr,
      months: ytd.months + 1,
    },
  };
}
