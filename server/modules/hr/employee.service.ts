// Employee records: NIK, NPWP, bank account and BPJS numbers sealed at rest (secret-box), opened
// only for hr and owner (the procedures' capabilities) and for payroll. Every view of a full
// record (it shows the salary) by someone other than the employee is audited. An employee may be
// linked to one staff user, who then sees their own attendance, leave and payslips.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantScope } from "@/server/db";
import { open, seal } from "@/server/crypto/secret-box";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { isStaffUser } from "@/server/modules/staff/staff.service";
import { fromDbDate, monthBounds, toDbDate } from "@/server/time/calendar-date";
import { z } from "zod";
import { DEFAULT_WEEKDAYS, type ShiftTimes } from "./attendance-rules";
import {
  findEmployeeRow,
  findEmployeeRowByUser,
  insertEmployee,
  isUniqueViolation,
  listEmployeeRows,
  updateEmployeeRow,
  type EmployeeRow,
} from "./hr.repository";
import { ZAllowance, ZDeduction, type JkkRiskClass, type PtkpStatus, type TCreateEmployeeInput, type TEmployee, type TEmployeeSummary, type TUpdateEmployeeInput } from "./hr.schema";

const allowancesOf = (row: EmployeeRow) => z.array(ZAllowance).parse(row.allowances);
const deductionsOf = (row: EmployeeRow) => z.array(ZDeduction).parse(row.deductions);
const openOrNull = (sealed: string | null) => (sealed ? open(sealed) : null);

function toSummary(row: EmployeeRow): TEmployeeSummary {
  return {
    id: row.id,
    employeeNo: row.employeeNo,
    name: row.name,
    position: row.position,
    department: row.department,
    employmentType: row.employmentType,
    joinDate: fromDbDate(row.joinDate),
    endDate: row.endDate ? fromDbDate(row.endDate) : null,
    active: row.active,
    userId: row.userId,
    userEmail: row.user?.email ?? null,
    shiftName: row.shift?.name ?? null,
  };
}

function toEmployee(row: EmployeeRow): TEmployee {
  return {
    ...toSummary(row),
    shiftId: row.shiftId,
    nik: open(row.nikSealed),
    npwp: openOrNull(row.npwpSealed),
    ptkpStatus: row.ptkpStatus as PtkpStatus,
    bankName: row.bankName,
    bankAccount: open(row.bankAccountSealed),
    bankAccountHolder: row.bankAccountHolder,
    bpjsKesehatanNo: openOrNull(row.bpjsKesehatanSealed),
    bpjsTkNo: openOrNull(row.bpjsTkSealed),
    bpjsKesehatan: row.bpjsKesehatan,
    bpjsKetenagakerjaan: row.bpjsKetenagakerjaan,
    bpjsPension: row.bpjsPension,
    jkkRiskClass: row.jkkRiskClass as JkkRiskClass,
    baseSalaryIdr: row.baseSalaryIdr,
    allowances: allowancesOf(row),
    deductions: deductionsOf(row),
    annualLeaveDays: row.annualLeaveDays,
  };
}

function rowData(input: TCreateEmployeeInput) {
  return {
    userId: input.userId,
    shiftId: input.shiftId,
    employeeNo: input.employeeNo,
    name: input.name,
    nikSealed: seal(input.nik),
    npwpSealed: input.npwp ? seal(input.npwp) : null,
    ptkpStatus: input.ptkpStatus,
    position: input.position,
    department: input.department,
    joinDate: toDbDate(input.joinDate),
    endDate: input.endDate ? toDbDate(input.endDate) : null,
    employmentType: input.employmentType,
    bankName: input.bankName,
    bankAccountSealed: seal(input.bankAccount),
    bankAccountHolder: input.bankAccountHolder,
    bpjsKesehatanSealed: input.bpjsKesehatanNo ? seal(input.bpjsKesehatanNo) : null,
    bpjsTkSealed: input.bpjsTkNo ? seal(input.bpjsTkNo) : null,
    bpjsKesehatan: input.bpjsKesehatan,
    bpjsKetenagakerjaan: input.bpjsKetenagakerjaan,
    bpjsPension: input.bpjsPension,
    jkkRiskClass: input.jkkRiskClass,
    baseSalaryIdr: input.baseSalaryIdr,
    allowances: input.allowances,
    deductions: input.deductions,
    annualLeaveDays: input.annualLeaveDays,
  };
}

async function assertLinkable(db: TenantScope, userId: string | null) {
  if (userId && !(await isStaffUser(db, userId))) throw new AppError("VALIDATION_FAILED", { fields: { userId: ["hr.validation.userUnknown"] } });
}

function uniqueClash(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError("CONFLICT", { reason: "employee_unique" }, "hr.errors.employeeTaken");
  throw error;
}

export async function getEmployeeRowOrThrow(db: TenantScope, id: string): Promise<EmployeeRow> {
  const row = await findEmployeeRow(db, id);
  if (!row) throw new AppError("NOT_FOUND", { employeeId: id }, "hr.errors.employeeNotFound");
  return row;
}

export async function listEmployees(db: TenantScope): Promise<TEmployeeSummary[]> {
  return (await listEmployeeRows(db)).map(toSummary);
}

/** The full record; audited when the viewer is not the employee. */
export async function getEmployee(db: TenantScope, actor: UserActor, id: string): Promise<TEmployee> {
  const row = await getEmployeeRowOrThrow(db, id);
  if (row.userId !== actor.userId) await recordAudit(db, actor, { action: "hr.employee_viewed", target: { type: "employee", id } });
  return toEmployee(row);
}

export async function createEmployee(db: TenantScope, actor: UserActor, input: TCreateEmployeeInput): Promise<TEmployeeSummary> {
  await assertLinkable(db, input.userId);
  const row = await insertEmployee(db, rowData(input)).catch(uniqueClash);
  await recordAudit(db, actor, { action: "hr.employee_created", target: { type: "employee", id: row.id }, details: { employeeNo: row.employeeNo } });
  return toSummary(row);
}

export async function updateEmployee(db: TenantScope, actor: UserActor, input: TUpdateEmployeeInput): Promise<TEmployeeSummary> {
  const before = await getEmployeeRowOrThrow(db, input.id);
  await assertLinkable(db, input.userId);
  const row = await updateEmployeeRow(db, input.id, { ...rowData(input), active: input.active }).catch(uniqueClash);
  const changed = [
    ...(["baseSalaryIdr", "ptkpStatus", "position", "department", "active", "shiftId", "userId"] as const).filter((k) => before[k] !== row[k]),
    ...(before.endDate?.getTime() !== row.endDate?.getTime() ? ["endDate" as const] : []),
  ];
  await recordAudit(db, actor, { action: "hr.employee_updated", target: { type: "employee", id: row.id }, details: { changed } });
  return toSummary(row);
}

/** The signed-in staff member's own active employee record, or null. */
export async function findOwnEmployee(db: TenantScope, userId: string): Promise<EmployeeRow | null> {
  return findEmployeeRowByUser(db, userId);
}

export function shiftTimesOf(row: EmployeeRow): ShiftTimes | null {
  return row.shift ? { startMinute: row.shift.startMinute, endMinute: row.shift.endMinute, weekdays: row.shift.weekdays } : null;
}

export const weekdaysOf = (row: EmployeeRow) => row.shift?.weekdays ?? DEFAULT_WEEKDAYS;

/**
 * Who is employed during [from, to]: joined by `to`, and either active with no end date or with
 * an end date on or after `from` (a leaver stays in the runs up to their final month, even once
 * made inactive; an inactive employee without an end date is in none).
 */
export function employedBetween(from: string, to: string) {
  return { joinDate: { lte: toDbDate(to) }, OR: [{ active: true, endDate: null }, { endDate: { gte: toDbDate(from) } }] };
}

/** What payroll needs of each employee employed in the month, sealed bank account kept sealed (it goes into the run's snapshot). */
export async function employeesForPayroll(db: TenantScope, period: string) {
  const { from, to } = monthBounds(`${period}-01`);
  const rows = await listEmployeeRows(db, employedBetween(from, to));
  return rows.map((row) => ({
    row,
    id: row.id,
    userId: row.userId,
    name: row.name,
    employeeNo: row.employeeNo,
    position: row.position,
    department: row.department,
    joinDate: fromDbDate(row.joinDate),
    endDate: row.endDate ? fromDbDate(row.endDate) : null,
    employmentType: row.employmentType,
    annualLeaveDays: row.annualLeaveDays,
    ptkp: row.ptkpStatus as PtkpStatus,
    hasNpwp: row.npwpSealed !== null,
    jkkRiskClass: row.jkkRiskClass as JkkRiskClass,
    enrolment: { kesehatan: row.bpjsKesehatan, ketenagakerjaan: row.bpjsKetenagakerjaan, pension: row.bpjsPension },
    baseSalaryIdr: row.baseSalaryIdr,
    allowances: allowancesOf(row),
    deductions: deductionsOf(row),
    bank: { name: row.bankName, accountSealed: row.bankAccountSealed, holder: row.bankAccountHolder },
    weekdays: weekdaysOf(row),
  }));
}
