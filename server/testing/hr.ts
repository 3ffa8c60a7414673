// Test fixtures of HR and payroll: an employee's create input, a tenant with an hr user and a
// staff member in a chosen zone, every working day of a month attended, and the payroll rules
// of prisma/data loaded into the database.
import data from "@/prisma/data/payroll-rules.json";
import { forTenant, type TenantDb } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import type { TCreateEmployeeInput } from "@/server/modules/hr/hr.schema";
import { parseRuleList } from "@/server/modules/payroll/payroll-rules";
import { syncPayrollRuleEntries } from "@/server/modules/payroll/payroll-rules.repository";
import { addDays, monthBounds } from "@/server/time/calendar-date";
import { userWithRole } from "./callers";
import { createTenantWithUser } from "./fixtures";

export async function loadPayrollRules() {
  await syncPayrollRuleEntries(parseRuleList(data.rules));
}

export const employeeInput = (over: Partial<TCreateEmployeeInput> = {}): TCreateEmployeeInput => ({
  userId: null,
  shiftId: null,
  employeeNo: "E-1",
  name: "Wati",
  nik: "3273014501900001",
  npwp: "3273014501900001",
  ptkpStatus: "TK/0",
  position: "Teknisi",
  department: "Lapangan",
  joinDate: "2024-01-02",
  endDate: null,
  employmentType: "permanent",
  bankName: "BCA",
  bankAccount: "8800123456",
  bankAccountHolder: "Wati",
  bpjsKesehatanNo: "0001234567890",
  bpjsTkNo: null,
  bpjsKesehatan: true,
  bpjsKetenagakerjaan: true,
  bpjsPension: true,
  jkkRiskClass: "very_low",
  baseSalaryIdr: 10_000_000,
  allowances: [],
  deductions: [],
  annualLeaveDays: 12,
  ...over,
});

/** A tenant in `timezone` with an hr user and a technician (the staff member HR employs). */
export async function hrTenant(prefix: string, timezone = "Asia/Jakarta") {
  const { tenant } = await createTenantWithUser(prefix, "owner");
  await unsafeSystemDb().tenant.update({ where: { id: tenant.id }, data: { timezone } });
  const hr = await userWithRole({ ...tenant, timezone }, "hr");
  const staff = await userWithRole({ ...tenant, timezone }, "technician");
  return { tenant: { ...tenant, timezone }, hr, staff, db: forTenant(tenant.id) };
}

/** A clock-in (08:00 local in WIB) on every day of `period` ("YYYY-MM") but the `except` dates, so no other absence is deducted. */
export async function attendWholeMonth(db: TenantDb, employeeId: string, period: string, except: string[] = []) {
  const { from, to } = monthBounds(`${period}-01`);
  const data = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (except.includes(d)) continue;
    data.push({ tenantId: db.tenantId, employeeId, workDate: new Date(`${d}T00:00:00Z`), clockInAt: new Date(`${d}T01:00:00Z`), clockOutAt: new Date(`${d}T10:00:00Z`) });
  }
  await db.attendanceRecord.createMany({ data });
}
