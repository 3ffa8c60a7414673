// The seeded rule list: well formed, one rule of each kind in force on any day it covers, the
// published table sizes, and the JP wage cap moving each March.
import { describe, expect, it } from "vitest";
import data from "@/prisma/data/payroll-rules.json";
import { PTKP_STATUSES, parseRuleList, ruleListProblems, rulesOn, type TPayrollRuleEntry } from "../payroll-rules";

const entries = parseRuleList(data.rules);

describe("payroll rule list", () => {
  it("parses, and no two rules of a kind are in force on the same day", () => {
    expect(ruleListProblems(entries)).toEqual([]);
  });

  it("has PP 58/2023's TER tables: 44 brackets in A, 40 in B, 41 in C, each category's statuses once", () => {
    const ter = rulesOn(entries, "2026-06-01").pph21_ter;
    expect([ter.brackets.A.length, ter.brackets.B.length, ter.brackets.C.length]).toEqual([44, 40, 41]);
    expect([...ter.categories.A, ...ter.categories.B, ...ter.categories.C].sort()).toEqual([...PTKP_STATUSES].sort());
    expect(ter.brackets.A[0]).toEqual({ upToIdr: 5_400_000, rateBp: 0 });
    expect(ter.brackets.B.at(-2)).toEqual({ upToIdr: 1_405_000_000, rateBp: 3300 });
    expect(ter.brackets.C.at(-1)).toEqual({ upToIdr: null, rateBp: 3400 });
  });

  it("takes the JP wage cap in force in the month: Rp 10.547.400 until February 2026, Rp 11.086.300 from March", () => {
    expect(rulesOn(entries, "2026-02-01").bpjs_jp.wageCapIdr).toBe(10_547_400);
    expect(rulesOn(entries, "2026-03-01").bpjs_jp.wageCapIdr).toBe(11_086_300);
    expect(rulesOn(entries, "2025-02-01").bpjs_jp.wageCapIdr).toBe(10_042_300);
  });

  it("refuses a date with no TER rule in force (before 2024) with PAYROLL_RULES_MISSING naming it", () => {
    expect(() => rulesOn(entries, "2023-12-01")).toThrow(expect.objectContaining({ code: "PAYROLL_RULES_MISSING", details: { date: "2023-12-01", kinds: "pph21_ter, pph21_annual" } }));
  });

  it("finds overlapping validity periods and refuses such a list", () => {
    const jp = entries.filter((e) => e.kind === "bpjs_jp");
    const overlapping: TPayrollRuleEntry[] = [...entries, { ...jp.at(-1)!, validFrom: "2026-06-01" }];
    expect(ruleListProblems(overlapping)).toEqual(["bpjs_jp 2026-03-01 overlaps 2026-06-01"]);
    expect(() => parseRuleList(overlapping)).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
  });
});
