// Prisma queries of the HR module (tenant-scoped handle): employees (rows keep their sealed
// fields; the service opens them for hr and owner only), settings, shifts, attendance days and
// their selfies, leave requests. Plain rows out.
import "server-only";
import type { TenantScope } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { AttendanceReview, LeaveStatus } from "@/server/db/generated/enums";
export { isUniqueViolation } from "@/server/db/prisma-errors";

const employeeInclude = { user: { select: { email: true } }, shift: true } as const;
export type EmployeeRow = Prisma.EmployeeGetPayload<{ include: typeof employeeInclude }>;

export function listEmployeeRows(db: TenantScope, where: Prisma.EmployeeWhereInput = {}): Promise<EmployeeRow[]> {
  return db.employee.findMany({ where, include: employeeInclude, orderBy: [{ active: "desc" }, { name: "asc" }] });
}

export function findEmployeeRow(db: TenantScope, id: string): Promise<EmployeeRow | null> {
  return db.employee.findFirst({ where: { id }, include: employeeInclude });
}

export function findEmployeeRowByUser(db: TenantScope, userId: string): Promise<EmployeeRow | null> {
  return db.employee.findFirst({ where: { userId, active: true }, include: employeeInclude });
}

export function insertEmployee(db: TenantScope, data: Omit<Prisma.EmployeeUncheckedCreateInput, "tenantId">): Promise<EmployeeRow> {
  return db.employee.create({ data: { ...data, tenantId: db.tenantId }, include: employeeInclude });
}

export function updateEmployeeRow(db: TenantScope, id: string, data: Prisma.EmployeeUncheckedUpdateInput): Promise<EmployeeRow> {
  return db.employee.update({ where: { tenantId_id: { tenantId: db.tenantId, id } }, data, include: employeeInclude });
}

// ---------------------------------------------------------------- settings, shifts

export async function findTenantZone(db: TenantScope): Promise<string | null> {
  return (await db.tenant.findFirst({ select: { timezone: true } }))?.timezone ?? null;
}

export function findHrSettingsRow(db: TenantScope) {
  return db.hrSettings.findFirst();
}

export function upsertHrSettingsRow(db: TenantScope, data: Omit<Prisma.HrSettingsUncheckedCreateInput, "tenantId">) {
  return db.hrSettings.upsert({ where: { tenantId: db.tenantId }, create: { ...data, tenantId: db.tenantId }, update: data });
}

export function listShiftRows(db: TenantScope) {
  return db.workShift.findMany({ orderBy: { name: "asc" } });
}

export function findShiftRow(db: TenantScope, id: string) {
  return db.workShift.findFirst({ where: { id } });
}

export function upsertShiftRow(db: TenantScope, id: string | undefined, data: { name: string; startMinute: number; endMinute: number; weekdays: number[] }) {
  if (id) return db.workShift.update({ where: { tenantId_id: { tenantId: db.tenantId, id } }, data });
  return db.workShift.create({ data: { ...data, tenantId: db.tenantId } });
}

// ---------------------------------------------------------------- attendance

const dayInclude = { employee: { select: { name: true } } } as const;
export type AttendanceRow = Prisma.AttendanceRecordGetPayload<{ include: typeof dayInclude }>;

export function findAttendanceRow(db: TenantScope, id: string): Promise<AttendanceRow | null> {
  return db.attendanceRecord.findFirst({ where: { id }, include: dayInclude });
}

export function findAttendanceDay(db: TenantScope, employeeId: string, workDate: Date): Promise<AttendanceRow | null> {
  return db.attendanceRecord.findFirst({ where: { employeeId, workDate }, include: dayInclude });
}

/** The latest day still open (clocked in, not out) since `since`. */
export function findOpenAttendance(db: TenantScope, employeeId: string, since: Date): Promise<AttendanceRow | null> {
  return db.attendanceRecord.findFirst({ where: { employeeId, clockOutAt: null, clockInAt: { gte: since } }, include: dayInclude, orderBy: { workDate: "desc" } });
}

export function listAttendanceRows(db: TenantScope, where: Prisma.AttendanceRecordWhereInput): Promise<AttendanceRow[]> {
  return db.attendanceRecord.findMany({ where, include: dayInclude, orderBy: [{ workDate: "desc" }, { clockInAt: "desc" }], take: 1000 });
}

/** Each employee's first recorded working day: attendance is tracked for them from then on. */
export async function firstAttendanceDates(db: TenantScope, employeeIds: string[]): Promise<Map<string, Date>> {
  const rows = await db.attendanceRecord.groupBy({ by: ["employeeId"], where: { employeeId: { in: employeeIds } }, _min: { workDate: true } });
  return new Map(rows.flatMap((r) => (r._min.workDate ? [[r.employeeId, r._min.workDate] as const] : [])));
}

export function insertAttendance(db: TenantScope, data: Omit<Prisma.AttendanceRecordUncheckedCreateInput, "tenantId">): Promise<AttendanceRow> {
  return db.attendanceRecord.create({ data: { ...data, tenantId: db.tenantId }, include: dayInclude });
}

export function updateAttendanceRow(db: TenantScope, id: string, data: Prisma.AttendanceRecordUncheckedUpdateInput & { review?: AttendanceReview }): Promise<AttendanceRow> {
  return db.attendanceRecord.update({ where: { tenantId_id: { tenantId: db.tenantId, id } }, data, include: dayInclude });
}

export async function insertPhoto(db: TenantScope, employeeId: string, mime: string, bytes: Buffer): Promise<string> {
  const row = await db.attendancePhoto.create({ data: { tenantId: db.tenantId, employeeId, mime, bytes: new Uint8Array(bytes) }, select: { id: true } });
  return row.id;
}

export function findPhoto(db: TenantScope, id: string) {
  return db.attendancePhoto.findFirst({ where: { id } });
}

// ---------------------------------------------------------------- leave

const leaveInclude = { employee: { select: { name: true } } } as const;
export type LeaveRow = Prisma.LeaveRequestGetPayload<{ include: typeof leaveInclude }>;
const leaveOmit = { document: true } as const;

export function listLeaveRows(db: TenantScope, where: Prisma.LeaveRequestWhereInput): Promise<Omit<LeaveRow, "document">[]> {
  return db.leaveRequest.findMany({ where, include: leaveInclude, omit: leaveOmit, orderBy: [{ startDate: "desc" }, { createdAt: "desc" }], take: 500 });
}

export function findLeaveRow(db: TenantScope, id: string): Promise<Omit<LeaveRow, "document"> | null> {
  return db.leaveRequest.findFirst({ where: { id }, include: leaveInclude, omit: leaveOmit });
}

export function findLeaveDocument(db: TenantScope, id: string) {
  return db.leaveRequest.findFirst({ where: { id }, select: { employeeId: true, document: true, documentMime: true } });
}

export function insertLeave(db: TenantScope, data: Omit<Prisma.LeaveRequestUncheckedCreateInput, "tenantId">): Promise<Omit<LeaveRow, "document">> {
  return db.leaveRequest.create({ data: { ...data, tenantId: db.tenantId }, include: leaveInclude, omit: leaveOmit });
}

/** Moves a request out of `from` only if it is still there (two approvers at once: one wins). */
export async function decideLeaveRow(db: TenantScope, id: string, from: LeaveStatus, data: Prisma.LeaveRequestUncheckedUpdateManyInput): Promise<boolean> {
  const { count } = await db.leaveRequest.updateMany({ where: { id, status: from }, data });
  return count === 1;
}

/** Approved and pending leave overlapping [from, to]. */
export function leaveOverlapping(db: TenantScope, employeeIds: string[] | null, from: Date, to: Date, statuses: LeaveStatus[] = ["approved"]) {
  return db.leaveRequest.findMany({
    where: { ...(employeeIds ? { employeeId: { in: employeeIds } } : {}), status: { in: statuses }, startDate: { lte: to }, endDate: { gte: from } },
    select: { id: true, employeeId: true, kind: true, startDate: true, endDate: true, days: true, status: true },
  });
}
