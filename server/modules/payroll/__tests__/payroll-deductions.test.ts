// Attendance and leave on the payslip, and the owner's month: unpaid permission and absence cost
// one day's pay each (paid leave and sick days nothing), and the monthly summary's totals are the
// sums of the run's payslips, per component and per department.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userWithRole } from "@/server/testing/callers";
import { attendWholeMonth, employeeInput, hrTenant, loadPayrollRules } from "@/server/testing/hr";
import { closeConnections } from "@/server/testing/lifecycle";

beforeAll(loadPayrollRules);
afterAll(closeConnections);

const amount = (items: { key: string; amountIdr: number }[], key: string) => items.find((i) => i.key === key)?.amountIdr;
const sum = (items: { key: string; amountIdr: number }[], keys: string[]) => items.filter((i) => keys.includes(i.key)).reduce((s, i) => s + i.amountIdr, 0);

describe("attendance and leave on the payslip", () => {
  it("deducts approved unpaid permission and absent days at one day's pay, not annual or sick leave, the month's last day included", async () => {
    const { hr, staff, db } = await hrTenant("pr-absence");
    const e = await hr.caller.hr.employees.create(employeeInput({ userId: staff.user.id, joinDate: "2020-01-01" }));
    // March 2026: 22 working days. Away on 10–11 (permission, unpaid), 12 (annual leave), 13 (sick), 31 (no clock-in, no leave).
    await attendWholeMonth(db, e.id, "2026-03", ["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-31"]);
    const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    await staff.caller.hr.me.requestLeave({ kind: "permission", startDate: "2026-03-10", endDate: "2026-03-11", reason: "Urusan keluarga", document: null });
    await staff.caller.hr.me.requestLeave({ kind: "annual", startDate: "2026-03-12", endDate: "2026-03-12", reason: "Cuti", document: null });
    await staff.caller.hr.me.requestLeave({ kind: "sick", startDate: "2026-03-13", endDate: "2026-03-13", reason: "Demam", document: PNG });
    for (const r of await hr.caller.hr.leave.list({ status: "pending" })) await hr.caller.hr.leave.decide({ id: r.id, decision: "approve", note: null });
    const run = await hr.caller.payroll.runs.create({ period: "2026-03" });
    const slip = (await hr.caller.payroll.runs.get({ id: run.id })).lines[0]!;
    expect(slip.attendance).toEqual({ scheduledDays: 22, presentDays: 17, absentDays: 1, unpaidLeaveDays: 2, paidLeaveDays: 2 });
    // 3 unpaid days × 10.000.000 / 22 = 1.363.636 (rounded half up).
    expect(amount(slip.earnings, "absence")).toBe(-1_363_636);
    expect(slip.grossIdr).toBe(8_636_364);
    // Taxable 8.636.364 + 454.000 employer premiums = 9.090.364: TER A 8.550.001–9.650.000 at 1,75 % → 159.081.
    expect(amount(slip.deductions, "pph21")).toBe(159_081);
    // BPJS stays on the contractual wage.
    expect([amount(slip.deductions, "bpjsKesehatan"), amount(slip.deductions, "bpjsJht"), amount(slip.deductions, "bpjsJp")]).toEqual([100_000, 200_000, 100_000]);
    // 8.636.364 − 400.000 − 159.081.
    expect(slip.takeHomeIdr).toBe(8_077_283);
  });

  it("deducts nothing for a rejected request's day the employee still worked, and an absent day when they did not", async () => {
    const { hr, staff, db } = await hrTenant("pr-rejected");
    const e = await hr.caller.hr.employees.create(employeeInput({ userId: staff.user.id, joinDate: "2020-01-01" }));
    await attendWholeMonth(db, e.id, "2026-03", ["2026-03-17"]);
    await staff.caller.hr.me.requestLeave({ kind: "permission", startDate: "2026-03-16", endDate: "2026-03-17", reason: "Urusan", document: null });
    const [req] = await hr.caller.hr.leave.list({ status: "pending" });
    await hr.caller.hr.leave.decide({ id: req!.id, decision: "reject", note: "Sedang ramai" });
    const run = await hr.caller.payroll.runs.create({ period: "2026-03" });
    const slip = (await hr.caller.payroll.runs.get({ id: run.id })).lines[0]!;
    // Worked the 16th, away on the 17th: one absent day = 454.545.
    expect([slip.attendance.absentDays, slip.attendance.unpaidLeaveDays, amount(slip.earnings, "absence")]).toEqual([1, 0, -454_545]);
  });
});

describe("the owner's monthly summary", () => {
  it("totals each component as the sum of the run's payslips, per department, next to the month before", async () => {
    const { tenant, hr, db } = await hrTenant("pr-summary");
    const owner = await userWithRole(tenant, "owner");
    const people = [
      await hr.caller.hr.employees.create(employeeInput({ joinDate: "2020-01-01" })),
      await hr.caller.hr.employees.create(employeeInput({ employeeNo: "E-2", name: "Budi", joinDate: "2020-01-01", department: "Kantor", ptkpStatus: "K/1", baseSalaryIdr: 7_500_000, allowances: [{ label: "Jabatan", amountIdr: 500_000, fixed: true }, { label: "Makan", amountIdr: 300_000, fixed: false }] })),
      await hr.caller.hr.employees.create(employeeInput({ employeeNo: "E-3", name: "Sari", joinDate: "2026-03-16", department: "Kantor", baseSalaryIdr: 5_000_000, deductions: [{ label: "Kasbon", amountIdr: 250_000 }] })),
    ];
    for (const p of people) {
      await attendWholeMonth(db, p.id, "2026-02");
      await attendWholeMonth(db, p.id, "2026-03", p.name === "Budi" ? ["2026-03-20"] : []);
    }
    const feb = await hr.caller.payroll.runs.create({ period: "2026-02" });
    await hr.caller.payroll.runs.review({ id: feb.id });
    await hr.caller.payroll.runs.lock({ id: feb.id });
    const march = await hr.caller.payroll.runs.create({ period: "2026-03" });
    const lines = (await hr.caller.payroll.runs.get({ id: march.id })).lines;
    const summary = await owner.caller.payroll.summary({ period: "2026-03" });
    const employer = (l: (typeof lines)[number]) => sum(l.employer, ["bpjsKesehatanEmployer", "bpjsJhtEmployer", "bpjsJkk", "bpjsJkm", "bpjsJpEmployer"]);
    expect(summary.run!.totals).toEqual({
      employees: 3,
      grossIdr: lines.reduce((s, l) => s + l.grossIdr, 0),
      employeeBpjsIdr: lines.reduce((s, l) => s + sum(l.deductions, ["bpjsKesehatan", "bpjsJht", "bpjsJp"]), 0),
      employerBpjsIdr: lines.reduce((s, l) => s + employer(l), 0),
      pph21Idr: lines.reduce((s, l) => s + (amount(l.deductions, "pph21") ?? 0), 0),
      takeHomeIdr: lines.reduce((s, l) => s + l.takeHomeIdr, 0),
      employerCostIdr: lines.reduce((s, l) => s + l.employerCostIdr, 0),
    });
    // Each payslip adds up: gross − employee BPJS − PPh 21 − other deductions = take-home; gross + employer BPJS = employer cost.
    for (const l of lines) {
      expect(l.grossIdr - sum(l.deductions, l.deductions.map((d) => d.key))).toBe(l.takeHomeIdr);
      expect(l.grossIdr + employer(l)).toBe(l.employerCostIdr);
    }
    const cost = (dept: string) => lines.filter((l) => l.department === dept).reduce((s, l) => s + l.employerCostIdr, 0);
    expect(summary.byDepartment).toEqual(
      [
        { department: "Lapangan", employees: 1, employerCostIdr: cost("Lapangan") },
        { department: "Kantor", employees: 2, employerCostIdr: cost("Kantor") },
      ].sort((a, b) => b.employerCostIdr - a.employerCostIdr),
    );
    // The month before is February's locked run (Sari had not joined).
    expect({ period: summary.previous!.period, employees: summary.previous!.totals.employees, status: summary.previous!.status }).toEqual({ period: "2026-02", employees: 2, status: "locked" });
    // A month with no run says so.
    expect((await owner.caller.payroll.summary({ period: "2026-05" })).run).toBeNull();
  });
});
