// The national payroll rules as the rest of the app uses them: the rules in force on a date,
// and writing a checked list (the seed). Reads are cached a minute per process.
import "server-only";
import { parseRuleList, rulesOn, type PayrollRules } from "./payroll-rules";
import { loadPayrollRuleEntries, syncPayrollRuleEntries } from "./payroll-rules.repository";

/** The rules in force on a date ("YYYY-MM-DD"); PAYROLL_RULES_MISSING when a kind has none. */
export async function payrollRulesOn(date: string): Promise<PayrollRules> {
  return rulesOn(await loadPayrollRuleEntries(), date);
}

/** Checks a rule list from outside (the seed's JSON file) and writes it; returns how many rules. */
export async function importPayrollRules(input: unknown): Promise<number> {
  return syncPayrollRuleEntries(parseRuleList(input));
}
