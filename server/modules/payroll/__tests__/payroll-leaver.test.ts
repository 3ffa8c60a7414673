// A leaver's final payslip (docs/PAYROLL_RULES.md example H): the month of the last working day
// is prorated by working days, unused annual leave is paid out, PPh 21 is reconciled over the
// year in that month (PMK 168/2023) and later runs leave the employee out; THR for someone
// leaving shortly before the holiday (Permenaker 6/2016 Pasal 7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "@/server/testing/errors";
import { attendWholeMonth, employeeInput, hrTenant, loadPayrollRules } from "@/server/testing/hr";
import { closeConnections } from "@/server/testing/lifecycle";

beforeAll(loadPayrollRules);
afterAll(closeConnections);

type Hr = Awaited<ReturnType<typeof hrTenant>>["hr"];
async function lockedRun(hr: Hr, period: string) {
  const run = await hr.caller.payroll.runs.create({ period });
  await hr.caller.payroll.runs.review({ id: run.id });
  return hr.caller.payroll.runs.lock({ id: run.id });
}
const amount = (items: { key: string; amountIdr: number }[], key: string) => items.find((i) => i.key === key)?.amountIdr;

describe("a leaver's final payslip", () => {
  it("prorates the last month, pays unused leave, reconciles the year's PPh 21 in that month and leaves them out of later runs", async () => {
    const { hr, db } = await hrTenant("pr-leaver");
    const e = await hr.caller.hr.employees.create(employeeInput({ joinDate: "2020-01-01" }));
    for (const m of ["2026-01", "2026-02", "2026-03"]) await attendWholeMonth(db, e.id, m);
    await lockedRun(hr, "2026-01");
    await lockedRun(hr, "2026-02");
    // Resigns with Friday 13 March 2026 as the last working day, and HR already made the record inactive.
    const full = await hr.caller.hr.employees.get({ id: e.id });
    await hr.caller.hr.employees.update({ ...full, id: e.id, endDate: "2026-03-13", active: false });
    const march = await hr.caller.payroll.runs.create({ period: "2026-03" });
    const slip = (await hr.caller.payroll.runs.get({ id: march.id })).lines[0]!;
    // March 2026 has 22 working days (Mon–Fri); employed on 10 of them: 12 × 10.000.000 / 22 = 5.454.545 not paid.
    expect(slip.earnings.find((i) => i.key === "notEmployed")).toEqual({ key: "notEmployed", label: null, amountIdr: -5_454_545, days: 12 });
    // Leave: 12 days a year × 3 months / 12 = 3 days, none taken: 3 × 10.000.000 / 22 = 1.363.636.
    expect(slip.earnings.find((i) => i.key === "leavePayout")).toEqual({ key: "leavePayout", label: null, amountIdr: 1_363_636, days: 3 });
    expect(slip.grossIdr).toBe(5_909_091);
    // The last tax period: gross Jan–Mar 10.454.000 × 2 + 5.909.091 + 454.000 (employer premiums) = 27.271.091,
    // occupational cost 5 % = 1.363.555 (under 3 × 500.000), JHT + JP 900.000 → net 25.007.536, under PTKP 54.000.000:
    // the year's tax is 0, so the 2 × 261.350 TER withheld in January and February is returned.
    expect(slip.pph21.method).toBe("annual");
    expect(amount(slip.deductions, "pph21")).toBe(-522_700);
    // BPJS is the month's contribution on the full wage.
    expect(amount(slip.deductions, "bpjsJht")).toBe(200_000);
    // 5.909.091 − 400.000 (BPJS) + 522.700 = 6.031.791.
    expect(slip.takeHomeIdr).toBe(6_031_791);
    await hr.caller.payroll.runs.review({ id: march.id });
    await hr.caller.payroll.runs.lock({ id: march.id });
    const april = await hr.caller.payroll.runs.create({ period: "2026-04" });
    expect(april.totals.employees).toBe(0);
  });

  it("prorates a joiner's first month the same way, without payout or reconciliation", async () => {
    const { hr, db } = await hrTenant("pr-joiner");
    const e = await hr.caller.hr.employees.create(employeeInput({ joinDate: "2026-03-16" }));
    await attendWholeMonth(db, e.id, "2026-03");
    const run = await hr.caller.payroll.runs.create({ period: "2026-03" });
    const slip = (await hr.caller.payroll.runs.get({ id: run.id })).lines[0]!;
    // Employed from Monday 16 March: 12 of 22 working days; the 10 before cost 4.545.455.
    expect([amount(slip.earnings, "notEmployed"), amount(slip.earnings, "leavePayout"), slip.pph21.method]).toEqual([-4_545_455, undefined, "ter"]);
    expect(slip.grossIdr).toBe(5_454_545);
  });

  it("pays THR on the final payslip to a permanent employee leaving within 30 days before the holiday, not to a contract that ends", async () => {
    const { hr, db } = await hrTenant("pr-leaver-thr");
    await hr.caller.hr.settings.save({ officeName: null, officeLat: null, officeLng: null, geofenceRadiusM: 100, graceMinutes: 5, minimumWageIdr: 0, thrMonth: 3, thrHolidayDate: "2026-03-20" });
    const base = { joinDate: "2025-09-01", baseSalaryIdr: 6_000_000, annualLeaveDays: 0 };
    const permanent = await hr.caller.hr.employees.create(employeeInput({ ...base, employeeNo: "E-1", endDate: "2026-02-27" }));
    const contract = await hr.caller.hr.employees.create(employeeInput({ ...base, employeeNo: "E-2", name: "Budi", endDate: "2026-02-27", employmentType: "contract" }));
    const early = await hr.caller.hr.employees.create(employeeInput({ ...base, employeeNo: "E-3", name: "Sari", endDate: "2026-02-13" }));
    const stays = await hr.caller.hr.employees.create(employeeInput({ ...base, employeeNo: "E-4", name: "Dewi" }));
    for (const x of [permanent, contract, early, stays]) await attendWholeMonth(db, x.id, "2026-02");
    const feb = await hr.caller.payroll.runs.create({ period: "2026-02" });
    const lines = (await hr.caller.payroll.runs.get({ id: feb.id })).lines;
    const thr = (id: string) => amount(lines.find((l) => l.employeeId === id)!.earnings, "thr");
    // Last day 27 February, holiday 20 March: 21 days before. Service 1 Sep 2025 – 27 Feb 2026 = 5 full months → 5/12 × 6.000.000.
    // Leaving 13 February is 35 days before: nothing; nor for a contract that simply ends; the others get theirs in March.
    expect([thr(permanent.id), thr(contract.id), thr(early.id), thr(stays.id)]).toEqual([2_500_000, undefined, undefined, undefined]);
    // March is the tenant's THR month: the run pays it to who is still employed (6 full months to 20 March → 3.000.000), the leavers are gone.
    await attendWholeMonth(db, stays.id, "2026-03");
    const march = await hr.caller.payroll.runs.create({ period: "2026-03" });
    expect(march.payThr).toBe(true);
    const marchLines = (await hr.caller.payroll.runs.get({ id: march.id })).lines;
    expect(marchLines.map((l) => [l.employeeId, amount(l.earnings, "thr")])).toEqual([[stays.id, 3_000_000]]);
  });

  it("refuses a last working day before the join date on the field", async () => {
    const { hr } = await hrTenant("pr-leaver-val");
    const error = await failure(hr.caller.hr.employees.create(employeeInput({ joinDate: "2026-03-01", endDate: "2026-02-28" })));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(error.details)).toContain("endDate");
  });
});
