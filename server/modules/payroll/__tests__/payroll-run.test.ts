// Payroll runs through the real router and services: a month computed from the rules in force,
// reviewed and locked for good, the employee's payslip, PDF and bank list; corrections in the
// next run; recomputing a draft in place; collectors' commissions from the collections module.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payslipDocument } from "@/components/hr/payslip-document";
import { renderDocumentPdf } from "@/server/pdf/document-pdf";
import { billingTenant, key } from "@/server/modules/billing/__tests__/billing-fixtures";
import { generateInvoices } from "@/server/modules/billing/invoice-generation.service";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { attendWholeMonth, employeeInput, hrTenant, loadPayrollRules } from "@/server/testing/hr";
import { closeConnections } from "@/server/testing/lifecycle";
import { bankTransferWorkbook } from "../bank-transfer.endpoint";

beforeAll(loadPayrollRules);
afterAll(closeConnections);

describe("payroll runs", () => {
  it("computes a month from the rules in force, reviews, locks for good, and shows the employee their payslip", async () => {
    const { hr, staff, db } = await hrTenant("pr-run");
    const e = await hr.caller.hr.employees.create(employeeInput({ userId: staff.user.id, joinDate: "2020-01-01" }));
    await attendWholeMonth(db, e.id, "2026-03");
    const run = await hr.caller.payroll.runs.create({ period: "2026-03" });
    expect(run.status).toBe("draft");
    // docs/PAYROLL_RULES.md example A: TK/0, Rp 10.000.000, March 2026 → take-home 9.338.650.
    expect(run.totals).toMatchObject({ employees: 1, grossIdr: 10_000_000, pph21Idr: 261_350, takeHomeIdr: 9_338_650, employerCostIdr: 11_024_000 });
    expect(await staff.caller.payroll.me.payslips()).toEqual([]);
    await hr.caller.payroll.runs.review({ id: run.id });
    const locked = await hr.caller.payroll.runs.lock({ id: run.id });
    expect(locked.status).toBe("locked");
    const full = await hr.caller.payroll.runs.get({ id: run.id });
    const lineId = full.lines[0]!.lineId;
    expect((await failure(hr.caller.payroll.runs.setLineInputs({ lineId, overtime: [], commissionIdr: 100, adjustments: [] }))).code).toBe("CONFLICT");
    expect((await failure(hr.caller.payroll.runs.recompute({ id: run.id }))).code).toBe("CONFLICT");
    expect((await failure(hr.caller.payroll.runs.reopen({ id: run.id }))).code).toBe("CONFLICT");
    const mine = await staff.caller.payroll.me.payslips();
    expect(mine.map((p) => [p.period, p.takeHomeIdr])).toEqual([["2026-03", 9_338_650]]);
    const slip = await hr.caller.payroll.payslip({ lineId });
    const pdf = await renderDocumentPdf(payslipDocument(slip, { name: "Demo", timezone: "Asia/Jakarta", logoDataUrl: null }, "id"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { rows } = await hr.caller.payroll.runs.bankTransfer({ id: run.id });
    expect(rows).toEqual([{ no: 1, name: "Wati", bankName: "BCA", account: "8800123456", holder: "Wati", amountIdr: 9_338_650 }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bankTransferWorkbook(rows, { no: "No", name: "Nama", bank: "Bank", account: "Rek", holder: "AN", amount: "Jumlah", description: "Ket", total: "Total", sheet: "Gaji" }, "Gaji 2026-03")) as unknown as ArrayBuffer);
    expect(book.getWorksheet("Gaji")!.getRow(2).values).toEqual([undefined, 1, "Wati", "BCA", "8800123456", "Wati", 9_338_650, "Gaji 2026-03"]);
    expect(await db.auditEvent.count({ where: { action: "payroll.payslip_viewed", targetId: lineId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "payroll.run_viewed", targetId: run.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "payroll.bank_list_exported", targetId: run.id } })).toBe(1);
  });

  it("gives no bank-transfer list for a draft run", async () => {
    const { hr } = await hrTenant("pr-bank-draft");
    await hr.caller.hr.employees.create(employeeInput({ joinDate: "2020-01-01" }));
    const run = await hr.caller.payroll.runs.create({ period: "2026-03" });
    expect((await failure(hr.caller.payroll.runs.bankTransfer({ id: run.id }))).code).toBe("CONFLICT");
  });

  it("corrects a locked month in the next run, and the next run's PPh 21 counts the locked one", async () => {
    const { hr, db } = await hrTenant("pr-next");
    const e = await hr.caller.hr.employees.create(employeeInput({ joinDate: "2020-01-01" }));
    await attendWholeMonth(db, e.id, "2026-11");
    await attendWholeMonth(db, e.id, "2026-12");
    const nov = await hr.caller.payroll.runs.create({ period: "2026-11" });
    await hr.caller.payroll.runs.review({ id: nov.id });
    await hr.caller.payroll.runs.lock({ id: nov.id });
    const dec = await hr.caller.payroll.runs.create({ period: "2026-12" });
    const line = (await hr.caller.payroll.runs.get({ id: dec.id })).lines[0]!;
    expect(line.pph21.method).toBe("annual");
    const corrected = await hr.caller.payroll.runs.setLineInputs({ lineId: line.lineId, overtime: [], commissionIdr: 0, adjustments: [{ label: "Koreksi November", amountIdr: 250_000 }] });
    expect(corrected.earnings.find((e) => e.key === "adjustment")).toEqual({ key: "adjustment", label: "Koreksi November", amountIdr: 250_000 });
    expect(corrected.grossIdr).toBe(10_250_000);
  });

  it("recomputes a draft run in place: each employee's line keeps its id, HR's entries and its audit trail", async () => {
    const { hr, db } = await hrTenant("pr-stable");
    const wati = await hr.caller.hr.employees.create(employeeInput({ joinDate: "2020-01-01" }));
    const budi = await hr.caller.hr.employees.create(employeeInput({ employeeNo: "E-2", name: "Budi", joinDate: "2020-01-01" }));
    await attendWholeMonth(db, wati.id, "2026-03");
    await attendWholeMonth(db, budi.id, "2026-03");
    const run = await hr.caller.payroll.runs.create({ period: "2026-03" });
    const before = (await hr.caller.payroll.runs.get({ id: run.id })).lines;
    const watiLine = before.find((l) => l.employeeId === wati.id)!;
    const changed = await hr.caller.payroll.runs.setLineInputs({ lineId: watiLine.lineId, overtime: [], commissionIdr: 0, adjustments: [{ label: "Bonus", amountIdr: 500_000 }] });
    expect(changed.lineId).toBe(watiLine.lineId);
    // Budi's salary rises and a new employee joins; then HR recomputes.
    const budiFull = await hr.caller.hr.employees.get({ id: budi.id });
    await hr.caller.hr.employees.update({ ...budiFull, id: budi.id, baseSalaryIdr: 12_000_000, active: true });
    const sari = await hr.caller.hr.employees.create(employeeInput({ employeeNo: "E-3", name: "Sari", joinDate: "2020-01-01" }));
    await hr.caller.payroll.runs.recompute({ id: run.id });
    const after = (await hr.caller.payroll.runs.get({ id: run.id })).lines;
    const idOf = (lines: typeof after, employeeId: string) => lines.find((l) => l.employeeId === employeeId)?.lineId;
    expect([idOf(after, wati.id), idOf(after, budi.id)]).toEqual([idOf(before, wati.id), idOf(before, budi.id)]);
    expect(idOf(after, sari.id)).toBeDefined();
    expect(after.find((l) => l.employeeId === wati.id)!.inputs.adjustments).toEqual([{ label: "Bonus", amountIdr: 500_000 }]);
    expect(after.find((l) => l.employeeId === budi.id)!.grossIdr).toBe(12_000_000);
    // The audit entry of the change still points at a line that exists.
    const audited = await db.auditEvent.findFirstOrThrow({ where: { action: "payroll.line_changed" } });
    expect(after.map((l) => l.lineId)).toContain(audited.targetId);
    expect(await db.auditEvent.count({ where: { action: "payroll.run_recomputed", targetId: run.id } })).toBe(1);
  });

  it("drops the line of an employee made inactive when a draft is recomputed", async () => {
    const { hr, db } = await hrTenant("pr-drop");
    const wati = await hr.caller.hr.employees.create(employeeInput({ joinDate: "2020-01-01" }));
    await attendWholeMonth(db, wati.id, "2026-03");
    const run = await hr.caller.payroll.runs.create({ period: "2026-03" });
    const full = await hr.caller.hr.employees.get({ id: wati.id });
    await hr.caller.hr.employees.update({ ...full, id: wati.id, active: false });
    const recomputed = await hr.caller.payroll.runs.recompute({ id: run.id });
    expect(recomputed.totals.employees).toBe(0);
  });

  it("pays a collector the month's commission from the collections rule as a taxed earning on the payslip", async () => {
    const t = await billingTenant("pr-comm");
    const a = (await t.subscriber({ billingDay: 1, startDate: "2026-10-01" })).customer;
    const b = (await t.subscriber({ billingDay: 1, startDate: "2026-10-01" })).customer;
    await generateInvoices(t.db, { runDate: "2026-11-01" });
    const hr = await userWithRole(t.tenant, "hr");
    const finance = await userWithRole(t.tenant, "finance");
    const collector = await userWithRole(t.tenant, "collector");
    await finance.caller.collections.assign({ collectorId: collector.user.id, customerIds: [a.id, b.id] });
    await finance.caller.collections.setCommissionRule({ kind: "percent_of_collected", percentBp: 1_000, amountPerInvoiceIdr: 0 });
    const collect = (customerId: string, amountIdr: number, collectedAt: string) => collector.caller.collections.collect({ customerId, amountIdr, collectedAt, idempotencyKey: key() });
    await collect(a.id, 150_000, "2026-11-10T03:00:00Z");
    // 23:30 WIB on 30 November counts for November; 00:30 WIB on 1 December (still 30 November in UTC) does not.
    await collect(b.id, 33_333, "2026-11-30T16:30:00Z");
    await collect(b.id, 50_000, "2026-11-30T17:30:00Z");
    const e = await hr.caller.hr.employees.create(employeeInput({ userId: collector.user.id, joinDate: "2020-01-01", position: "Penagih" }));
    const clerk = await hr.caller.hr.employees.create(employeeInput({ employeeNo: "E-2", name: "Budi", joinDate: "2020-01-01" }));
    await attendWholeMonth(t.db, e.id, "2026-11");
    await attendWholeMonth(t.db, clerk.id, "2026-11");
    const run = await hr.caller.payroll.runs.create({ period: "2026-11" });
    const lines = (await hr.caller.payroll.runs.get({ id: run.id })).lines;
    const slip = lines.find((l) => l.employeeId === e.id)!;
    // 10 % of Rp 183.333 collected in November (WIB) = Rp 18.333, rounded down.
    expect(slip.earnings.filter((i) => i.key.startsWith("commission"))).toEqual([{ key: "commission", label: null, amountIdr: 18_333 }]);
    // Example A (Rp 10.000.000, TK/0) plus the commission: TER A base 10.000.000 + 18.333 + 400.000 (BPJS Kesehatan) + 24.000 (JKK)
    // + 30.000 (JKM) = 10.472.333, still at 2.5 % → PPh 21 261.808; take-home 10.018.333 − 400.000 (BPJS) − 261.808 = 9.356.525.
    expect({ gross: slip.grossIdr, pph21: slip.deductions.find((d) => d.key === "pph21")!.amountIdr, takeHome: slip.takeHomeIdr }).toEqual({ gross: 10_018_333, pph21: 261_808, takeHome: 9_356_525 });
    // BPJS counts the wage, not the commission.
    expect(slip.deductions.find((d) => d.key === "bpjsJht")!.amountIdr).toBe(200_000);
    // Someone who collected nothing gets no commission line; HR's own entry shows apart from the computed one.
    expect(lines.find((l) => l.employeeId === clerk.id)!.earnings.some((i) => i.key === "commission")).toBe(false);
    const withOther = await hr.caller.payroll.runs.setLineInputs({ lineId: slip.lineId, overtime: [], commissionIdr: 50_000, adjustments: [] });
    expect(withOther.earnings.filter((i) => i.key.startsWith("commission")).map((i) => [i.key, i.amountIdr])).toEqual([["commission", 18_333], ["commissionOther", 50_000]]);
    expect(withOther.grossIdr).toBe(10_068_333);
  });
});
