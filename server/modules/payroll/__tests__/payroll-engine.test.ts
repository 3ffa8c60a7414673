// Worked examples from the published tables (docs/PAYROLL_RULES.md shows the same figures):
// BPJS with its caps and floor, TER categories and brackets, the December reconciliation by
// Article 17, overtime under PP 35/2021 and THR proration, all in integer rupiah.
import { describe, expect, it } from "vitest";
import data from "@/prisma/data/payroll-rules.json";
import {
  EMPTY_YEAR_TO_DATE,
  article17Tax,
  bpjsContributions,
  computePayslip,
  monthlyPph21,
  monthsOfService,
  overtimePay,
  ptkpAmount,
  terCategoryOf,
  thrAmount,
  type PayslipInput,
  type YearToDate,
} from "../payroll-engine";
import { parseRuleList, rulesOn } from "../payroll-rules";

const entries = parseRuleList(data.rules);
const mar2026 = rulesOn(entries, "2026-03-01");
const feb2026 = rulesOn(entries, "2026-02-01");
const dec2026 = rulesOn(entries, "2026-12-01");
const enrolled = { kesehatan: true, ketenagakerjaan: true, pension: true };

const slip = (over: Partial<PayslipInput> = {}): PayslipInput => ({
  ptkp: "TK/0",
  hasNpwp: true,
  jkkRiskClass: "very_low",
  enrolment: enrolled,
  baseSalaryIdr: 10_000_000,
  allowances: [],
  overtimeIdr: 0,
  commissionIdr: 0,
  thrIdr: 0,
  absenceDeductionIdr: 0,
  otherDeductions: [],
  lastTaxPeriod: false,
  yearToDate: EMPTY_YEAR_TO_DATE,
  ...over,
});

describe("BPJS contributions", () => {
  it("a Rp 10.000.000 wage under every cap: Kesehatan 4 % + 1 %, JHT 3,7 % + 2 %, JKK 0,24 %, JKM 0,3 %, JP 2 % + 1 %", () => {
    expect(bpjsContributions(mar2026, { wageIdr: 10_000_000, jkkRiskClass: "very_low", enrolment: enrolled })).toEqual({
      kesehatanBaseIdr: 10_000_000,
      kesehatanEmployerIdr: 400_000,
      kesehatanEmployeeIdr: 100_000,
      jhtEmployerIdr: 370_000,
      jhtEmployeeIdr: 200_000,
      jkkEmployerIdr: 24_000,
      jkmEmployerIdr: 30_000,
      jpBaseIdr: 10_000_000,
      jpEmployerIdr: 200_000,
      jpEmployeeIdr: 100_000,
    });
  });

  it("a Rp 20.000.000 wage: Kesehatan on Rp 12.000.000, JP on the cap of the month (February vs March 2026), JHT/JKK/JKM uncapped", () => {
    const input = { wageIdr: 20_000_000, jkkRiskClass: "low" as const, enrolment: enrolled };
    expect(bpjsContributions(feb2026, input)).toMatchObject({ kesehatanEmployerIdr: 480_000, kesehatanEmployeeIdr: 120_000, jpBaseIdr: 10_547_400, jpEmployerIdr: 210_948, jpEmployeeIdr: 105_474, jhtEmployerIdr: 740_000, jkkEmployerIdr: 108_000, jkmEmployerIdr: 60_000 });
    expect(bpjsContributions(mar2026, input)).toMatchObject({ jpBaseIdr: 11_086_300, jpEmployerIdr: 221_726, jpEmployeeIdr: 110_863 });
  });

  it("Kesehatan's base is never below the regional minimum wage; extra family members add 1 % each to the employee's share", () => {
    expect(bpjsContributions(mar2026, { wageIdr: 3_000_000, jkkRiskClass: "very_low", enrolment: enrolled, minimumWageIdr: 5_396_761 })).toMatchObject({ kesehatanBaseIdr: 5_396_761, kesehatanEmployerIdr: 215_870, kesehatanEmployeeIdr: 53_968, jhtEmployeeIdr: 60_000 });
    expect(bpjsContributions(mar2026, { wageIdr: 10_000_000, jkkRiskClass: "very_low", enrolment: enrolled, extraFamilyMembers: 2 }).kesehatanEmployeeIdr).toBe(300_000);
  });

  it("each JKK risk class has its own rate, and an employee past pension age pays no JP", () => {
    const jkk = (jkkRiskClass: "very_low" | "low" | "medium" | "high" | "very_high") => bpjsContributions(mar2026, { wageIdr: 10_000_000, jkkRiskClass, enrolment: enrolled }).jkkEmployerIdr;
    expect(["very_low", "low", "medium", "high", "very_high"].map((c) => jkk(c as "low"))).toEqual([24_000, 54_000, 89_000, 127_000, 174_000]);
    expect(bpjsContributions(mar2026, { wageIdr: 10_000_000, jkkRiskClass: "low", enrolment: { ...enrolled, pension: false } })).toMatchObject({ jpEmployerIdr: 0, jpEmployeeIdr: 0, jhtEmployeeIdr: 200_000 });
  });
});

describe("PPh 21 by TER (January–November)", () => {
  it("puts TK/0, TK/1, K/0 in A; TK/2, TK/3, K/1, K/2 in B; K/3 in C", () => {
    expect((["TK/0", "TK/1", "K/0", "TK/2", "TK/3", "K/1", "K/2", "K/3"] as const).map((s) => terCategoryOf(mar2026, s)).join("")).toBe("AAABBBBC");
  });

  it("applies a bracket's rate up to and including its upper bound", () => {
    const tax = (ptkp: "TK/0" | "K/1", grossIdr: number) => monthlyPph21(mar2026, { ptkp, hasNpwp: true, grossIdr });
    expect(tax("TK/0", 5_400_000)).toEqual({ category: "A", rateBp: 0, taxIdr: 0 });
    expect(tax("TK/0", 5_400_001)).toEqual({ category: "A", rateBp: 25, taxIdr: 13_500 });
    expect(tax("K/1", 9_200_000)).toMatchObject({ category: "B", rateBp: 100, taxIdr: 92_000 });
    expect(tax("K/1", 9_200_001)).toMatchObject({ rateBp: 150, taxIdr: 138_000 });
    expect(tax("TK/0", 2_000_000_000)).toMatchObject({ rateBp: 3400, taxIdr: 680_000_000 });
  });

  it("a TK/0 employee on Rp 10.000.000: gross Rp 10.454.000 with the employer's health, JKK and JKM premiums, 2,5 % = Rp 261.350; take-home Rp 9.338.650", () => {
    const p = computePayslip(mar2026, slip());
    expect(p.taxableGrossIdr).toBe(10_454_000);
    expect(p.pph21).toEqual({ method: "ter", category: "A", rateBp: 250, taxIdr: 261_350 });
    expect(p.employeeContributionsIdr).toBe(400_000);
    expect(p.takeHomeIdr).toBe(9_338_650);
    expect(p.employerContributionsIdr).toBe(1_024_000);
    expect(p.employerCostIdr).toBe(11_024_000);
  });

  it("a K/3 employee on Rp 18.000.000 + Rp 2.000.000 fixed allowance (JKK low): gross Rp 20.648.000 in C at 8 % = Rp 1.651.840", () => {
    const p = computePayslip(mar2026, slip({ ptkp: "K/3", jkkRiskClass: "low", baseSalaryIdr: 18_000_000, allowances: [{ label: "Tunjangan jabatan", amountIdr: 2_000_000, fixed: true }] }));
    expect(p.bpjsWageIdr).toBe(20_000_000);
    expect(p.taxableGrossIdr).toBe(20_648_000);
    expect(p.pph21).toMatchObject({ category: "C", rateBp: 800, taxIdr: 1_651_840 });
    expect(p.takeHomeIdr).toBe(20_000_000 - (120_000 + 400_000 + 110_863) - 1_651_840);
  });

  it("a non-fixed allowance, overtime and commission are taxed but not in the BPJS wage; absence lowers pay, not the BPJS wage", () => {
    const p = computePayslip(mar2026, slip({ allowances: [{ label: "Uang makan", amountIdr: 500_000, fixed: false }], overtimeIdr: 250_000, commissionIdr: 300_000, absenceDeductionIdr: 454_545, otherDeductions: [{ label: "Kasbon", amountIdr: 200_000 }] }));
    expect(p.bpjsWageIdr).toBe(10_000_000);
    expect(p.cashEarningsIdr).toBe(10_595_455);
    expect(p.taxableGrossIdr).toBe(11_049_455); // bracket to 11.050.000: 3 %
    expect(p.pph21).toMatchObject({ rateBp: 300, taxIdr: 331_484 });
    expect(p.takeHomeIdr).toBe(10_595_455 - 400_000 - 331_484 - 200_000);
  });

  it("without an NPWP the tax is 20 % higher", () => {
    expect(computePayslip(mar2026, slip({ hasNpwp: false })).pph21.taxIdr).toBe(313_620);
  });
});

describe("PPh 21 in the last tax period (Article 17 over the year)", () => {
  it("PTKP: Rp 54 juta, + Rp 4,5 juta married, + Rp 4,5 juta per dependant up to three", () => {
    expect((["TK/0", "K/0", "TK/3", "K/3"] as const).map((s) => ptkpAmount(dec2026, s))).toEqual([54_000_000, 58_500_000, 67_500_000, 72_000_000]);
  });

  it("Article 17 rates: 5 % / 15 % / 25 % / 30 % / 35 %", () => {
    expect(article17Tax(dec2026, 60_000_000)).toBe(3_000_000);
    expect(article17Tax(dec2026, 300_000_000)).toBe(3_000_000 + 28_500_000 + 12_500_000);
    expect(article17Tax(dec2026, 6_000_000_000)).toBe(3_000_000 + 28_500_000 + 62_500_000 + 1_350_000_000 + 350_000_000);
  });

  it("December for the TK/0 employee on Rp 10.000.000 all year: annual tax Rp 3.277.200 less Rp 2.874.850 withheld = Rp 402.350", () => {
    let ytd: YearToDate = EMPTY_YEAR_TO_DATE;
    for (let month = 1; month <= 11; month++) ytd = computePayslip(rulesOn(entries, `2026-${String(month).padStart(2, "0")}-01`), slip({ yearToDate: ytd })).yearToDateAfter;
    expect(ytd).toEqual({ grossIdr: 114_994_000, deductibleContributionsIdr: 3_300_000, pph21Idr: 2_874_850, months: 11 });
    const december = computePayslip(dec2026, slip({ lastTaxPeriod: true, yearToDate: ytd }));
    expect(december.pph21).toEqual({ method: "annual", occupationalCostIdr: 6_000_000, netIdr: 115_848_000, ptkpIdr: 54_000_000, pkpIdr: 61_848_000, annualTaxIdr: 3_277_200, taxIdr: 402_350 });
    expect(december.yearToDateAfter.pph21Idr).toBe(3_277_200);
    expect(december.takeHomeIdr).toBe(9_197_650);
  });

  it("over-withholding (THR taxed by TER in March, no tax over the year) comes back in December's take-home pay", () => {
    const none = { kesehatan: false, ketenagakerjaan: false, pension: false };
    let ytd: YearToDate = EMPTY_YEAR_TO_DATE;
    for (let month = 1; month <= 11; month++) {
      const p = computePayslip(rulesOn(entries, `2026-${String(month).padStart(2, "0")}-01`), slip({ ptkp: "K/3", enrolment: none, baseSalaryIdr: 5_000_000, thrIdr: month === 3 ? 5_000_000 : 0, yearToDate: ytd }));
      if (month === 3) expect(p.pph21).toMatchObject({ category: "C", rateBp: 150, taxIdr: 150_000 });
      ytd = p.yearToDateAfter;
    }
    const december = computePayslip(dec2026, slip({ ptkp: "K/3", enrolment: none, baseSalaryIdr: 5_000_000, lastTaxPeriod: true, yearToDate: ytd }));
    expect(december.pph21).toMatchObject({ pkpIdr: 0, annualTaxIdr: 0, taxIdr: -150_000 });
    expect(december.takeHomeIdr).toBe(5_150_000);
  });

  it("a part-year employee's occupational cost is capped at Rp 500.000 per month worked", () => {
    const p = computePayslip(dec2026, slip({ baseSalaryIdr: 30_000_000, lastTaxPeriod: true, yearToDate: { grossIdr: 0, deductibleContributionsIdr: 0, pph21Idr: 0, months: 2 } }));
    expect(p.pph21).toMatchObject({ occupationalCostIdr: 1_500_000 });
  });
});

describe("overtime (PP 35/2021) and THR (Permenaker 6/2016)", () => {
  const wage = 3_460_000; // Rp 20.000 an hour

  it("a working day pays 1,5× the first hour and 2× after; a rest day (5-day week) 2× to 8 hours, 3× the 9th, 4× after", () => {
    expect(overtimePay(mar2026, { monthlyWageIdr: wage, entries: [{ scheme: "workday", minutes: 180 }] })).toBe(110_000);
    expect(overtimePay(mar2026, { monthlyWageIdr: wage, entries: [{ scheme: "workday", minutes: 90 }] })).toBe(50_000);
    expect(overtimePay(mar2026, { monthlyWageIdr: wage, entries: [{ scheme: "rest_day_5", minutes: 600 }] })).toBe(460_000);
    expect(overtimePay(mar2026, { monthlyWageIdr: wage, entries: [{ scheme: "rest_day_6", minutes: 480 }, { scheme: "workday", minutes: 60 }] })).toBe(340_000 + 30_000);
  });

  it("counts full months of service, the join day clamped to short months", () => {
    expect(monthsOfService("2026-07-15", "2027-03-10")).toBe(7);
    expect(monthsOfService("2026-01-31", "2026-02-28")).toBe(1);
    expect(monthsOfService("2026-03-01", "2026-03-20")).toBe(0);
    expect(monthsOfService("2025-03-10", "2026-03-10")).toBe(12);
  });

  it("THR: a month's wage from 12 months, months / 12 of it from 1 month, nothing below", () => {
    const thr = (joinDate: string, monthlyWageIdr = 6_000_000) => thrAmount(mar2026, { monthlyWageIdr, joinDate, holidayDate: "2027-03-10" });
    expect(thr("2026-07-15")).toEqual({ monthsOfService: 7, amountIdr: 3_500_000 });
    expect(thr("2020-01-01")).toEqual({ monthsOfService: 86, amountIdr: 6_000_000 });
    expect(thr("2027-02-20")).toEqual({ monthsOfService: 0, amountIdr: 0 });
    expect(thr("2026-08-10", 5_123_457)).toEqual({ monthsOfService: 7, amountIdr: 2_988_683 });
  });
});
