// Indonesian payroll rules as data: every rate, cap and table has a validity period and a
// source (prisma/data/payroll-rules.json, loaded into PayrollRule; docs/PAYROLL_RULES.md).
// This file is their shape and the choice of the rules in force on a date. Pure: no I/O.
import { z } from "zod";
import { AppError } from "@/server/errors/app-error";

const bp = z.number().int().min(0).max(10_000);
const idr = z.number().int().min(0);
/** A bracket's upper bound, inclusive; null on the last, open one. */
const bracket = z.object({ upToIdr: idr.nullable(), rateBp: bp });
const brackets = z
  .array(bracket)
  .min(1)
  .refine((list) => list.every((b, i) => (i === list.length - 1 ? b.upToIdr === null : b.upToIdr !== null && (i === 0 || b.upToIdr > list[i - 1]!.upToIdr!))), {
    message: "brackets rise and only the last is open",
  });

// PTKP status and JKK risk class are attributes of an employee (the HR module's record).
import { JKK_RISK_CLASSES, PTKP_STATUSES, type JkkRiskClass, type PtkpStatus } from "@/server/modules/hr/hr.schema";
export { JKK_RISK_CLASSES, PTKP_STATUSES, type JkkRiskClass, type PtkpStatus };
export const TER_CATEGORIES = ["A", "B", "C"] as const;
export type TerCategory = (typeof TER_CATEGORIES)[number];
export const OVERTIME_SCHEMES = ["workday", "rest_day_5", "rest_day_6", "short_holiday_6"] as const;
export type OvertimeScheme = (typeof OVERTIME_SCHEMES)[number];

const overtimeTier = z.object({ hours: z.number().int().positive().nullable(), multiplierPct: z.number().int().positive() });

/** The value of each kind of rule. */
export const ZRuleValues = {
  bpjs_kesehatan: z.object({ employerBp: bp, employeeBp: bp, wageCapIdr: idr, extraFamilyMemberBp: bp }),
  bpjs_jht: z.object({ employerBp: bp, employeeBp: bp }),
  bpjs_jkk: z.object({ ratesBp: z.object(Object.fromEntries(JKK_RISK_CLASSES.map((c) => [c, bp])) as Record<JkkRiskClass, typeof bp>) }),
  bpjs_jkm: z.object({ employerBp: bp }),
  bpjs_jp: z.object({ employerBp: bp, employeeBp: bp, wageCapIdr: idr }),
  ptkp: z.object({ selfIdr: idr, marriedIdr: idr, perDependantIdr: idr, maxDependants: z.number().int().min(0) }),
  pph21_ter: z.object({
    categories: z.object({ A: z.array(z.enum(PTKP_STATUSES)), B: z.array(z.enum(PTKP_STATUSES)), C: z.array(z.enum(PTKP_STATUSES)) }),
    brackets: z.object({ A: brackets, B: brackets, C: brackets }),
  }),
  pph21_annual: z.object({
    article17: brackets,
    occupationalCostBp: bp,
    occupationalCostMonthlyCapIdr: idr,
    pkpRoundDownIdr: z.number().int().positive(),
    noNpwpSurchargeBp: bp,
    employerPremiumsAsIncome: z.array(z.enum(["bpjs_kesehatan", "bpjs_jkk", "bpjs_jkm", "bpjs_jht", "bpjs_jp"])),
    deductibleEmployeeContributions: z.array(z.enum(["bpjs_jht", "bpjs_jp"])),
  }),
  overtime: z.object({
    hourlyDivisor: z.number().int().positive(),
    schemes: z.object(Object.fromEntries(OVERTIME_SCHEMES.map((s) => [s, z.array(overtimeTier).min(1)])) as Record<OvertimeScheme, z.ZodArray<typeof overtimeTier>>),
  }),
  thr: z.object({ fullAfterMonths: z.number().int().positive(), minMonths: z.number().int().min(0), leaverDaysBeforeHoliday: z.number().int().min(0) }),
} as const;

export type RuleKind = keyof typeof ZRuleValues;
export const RULE_KINDS = Object.keys(ZRuleValues) as RuleKind[];
export type PayrollRules = { [K in RuleKind]: z.infer<(typeof ZRuleValues)[K]> };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const entryOf = <K extends RuleKind>(kind: K) =>
  z.object({ kind: z.literal(kind), validFrom: isoDate, validTo: isoDate.nullable(), source: z.string().min(1), value: ZRuleValues[kind] });

/** One rule as stored: its kind, the dates it is in force (inclusive; validTo null = open) and its source. */
export const ZPayrollRuleEntry = z.discriminatedUnion(
  "kind",
  RULE_KINDS.map((k) => entryOf(k)) as unknown as [ReturnType<typeof entryOf<"bpjs_kesehatan">>, ...ReturnType<typeof entryOf<RuleKind>>[]],
);
export type TPayrollRuleEntry = { [K in RuleKind]: { kind: K; validFrom: string; validTo: string | null; source: string; value: PayrollRules[K] } }[RuleKind];

/** Problems of a rule list: a validity period that ends before it begins, or two rules of a kind in force on the same day. */
export function ruleListProblems(entries: TPayrollRuleEntry[]): string[] {
  const problems: string[] = [];
  for (const kind of RULE_KINDS) {
    const list = entries.filter((e) => e.kind === kind).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (const [i, e] of list.entries()) {
      if (e.validTo !== null && e.validTo < e.validFrom) problems.push(`${kind} ${e.validFrom}: ends before it begins`);
      const next = list[i + 1];
      if (next && (e.validTo === null || e.validTo >= next.validFrom)) problems.push(`${kind} ${e.validFrom} overlaps ${next.validFrom}`);
    }
  }
  return problems;
}

/** The rules in force on a date ("YYYY-MM-DD"); PAYROLL_RULES_MISSING names each kind with none. */
export function rulesOn(entries: TPayrollRuleEntry[], date: string): PayrollRules {
  const found: Partial<Record<RuleKind, unknown>> = {};
  for (const e of entries) {
    if (e.validFrom <= date && (e.validTo === null || date <= e.validTo)) found[e.kind] = e.value;
  }
  const missing = RULE_KINDS.filter((k) => found[k] === undefined);
  if (missing.length > 0) throw new AppError("PAYROLL_RULES_MISSING", { date, kinds: missing.join(", ") });
  return found as PayrollRules;
}

/** A rule list from outside (the seed's JSON file, an import): each entry checked, and the list as a whole. */
export function parseRuleList(input: unknown): TPayrollRuleEntry[] {
  const entries = z.array(ZPayrollRuleEntry).parse(input) as TPayrollRuleEntry[];
  const problems = ruleListProblems(entries);
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", { problems });
  return entries;
}
