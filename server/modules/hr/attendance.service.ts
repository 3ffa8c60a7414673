// Attendance: a staff member clocks in and out from their phone with a GPS position and a
// selfie. Nothing is refused for being outside the office fence, without a position or without a
// selfie: the day is flagged for HR review instead. Work dates, late and early minutes are
// computed in the tenant's zone against the employee's shift (attendance-rules.ts). HR accepts
// or corrects flagged days; corrections are audited with the times before and after.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { addDays, fromDbDate, localDate, monthBounds, startOfLocalDay, toDbDate } from "@/server/time/calendar-date";
import { assignedSitesBetween } from "@/server/modules/workorders/workorder.service";
import { clockFlags, earlyLeaveMinutes, nearestFence, lateMinutes, localTimeOn, scheduledDates, workDateOf } from "./attendance-rules";
import { employedBetween, findOwnEmployee, getEmployeeRowOrThrow, shiftTimesOf } from "./employee.service";
import { getHrSettings, officeFence, officeFenceOf, tenantZone } from "./hr-settings.service";
import {
  findAttendanceDay,
  findAttendanceRow,
  findOpenAttendance,
  firstAttendanceDates,
  findPhoto,
  insertAttendance,
  insertPhoto,
  isUniqueViolation,
  listAttendanceRows,
  listEmployeeRows,
  updateAttendanceRow,
  type AttendanceRow,
  type EmployeeRow,
} from "./hr.repository";
import { SELFIE_MAX_BYTES, type TAttendanceDay, type TAttendanceFlag, type TClockInput, type TMyToday, type TRecapRow, type TReviewAttendanceInput } from "./hr.schema";
import { approvedLeaveDays } from "./leave.service";
import { decodeUpload, toDataUrl } from "./upload";

const DAY_MS = 86_400_000;

export function toDay(row: AttendanceRow): TAttendanceDay {
  return {
    id: row.id,
    employeeId: row.employeeId,
    employeeName: row.employee.name,
    workDate: fromDbDate(row.workDate),
    clockInAt: row.clockInAt?.toISOString() ?? null,
    clockOutAt: row.clockOutAt?.toISOString() ?? null,
    clockInDistanceM: row.clockInDistanceM,
    clockOutDistanceM: row.clockOutDistanceM,
    clockInPhotoId: row.clockInPhotoId,
    clockOutPhotoId: row.clockOutPhotoId,
    flags: row.flags as TAttendanceFlag[],
    review: row.review,
    lateMinutes: row.lateMinutes,
    earlyLeaveMinutes: row.earlyLeaveMinutes,
    note: row.note,
  };
}

async function ownEmployeeOrThrow(db: TenantScope, actor: UserActor): Promise<EmployeeRow> {
  const row = await findOwnEmployee(db, actor.userId);
  if (!row) throw new AppError("NOT_FOUND", { reason: "no_employee_record" }, "hr.errors.noEmployeeRecord");
  return row;
}

async function storeSelfie(db: TenantScope, employeeId: string, selfie: string | null): Promise<string | null> {
  if (!selfie) return null;
  const { mime, bytes } = decodeUpload(selfie, "selfie", SELFIE_MAX_BYTES, { type: "hr.validation.selfieType", size: "hr.validation.selfieTooLarge" });
  return insertPhoto(db, employeeId, mime, bytes);
}

const mergeFlags = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** What the "My attendance" page shows: today's day, the one a clock-out would close, the office. */
export async function myToday(db: TenantScope, actor: UserActor, now = new Date()): Promise<TMyToday> {
  const [row, zone, office] = await Promise.all([findOwnEmployee(db, actor.userId), tenantZone(db), officeFence(db)]);
  if (!row) return { employee: null, workDate: localDate(now, zone), today: null, open: null, office };
  const shift = shiftTimesOf(row);
  const workDate = workDateOf(now, zone, shift);
  const [today, open] = await Promise.all([findAttendanceDay(db, row.id, toDbDate(workDate)), findOpenAttendance(db, row.id, new Date(now.getTime() - DAY_MS))]);
  return {
    employee: { id: row.id, name: row.name, shift: row.shift ? { id: row.shift.id, name: row.shift.name, startMinute: row.shift.startMinute, endMinute: row.shift.endMinute, weekdays: row.shift.weekdays } : null },
    workDate,
    today: today ? toDay(today) : null,
    open: open ? toDay(open) : null,
    office,
  };
}

/** The fence a position is judged by: the office or, for field staff, the site of a work order of that day (same radius). */
async function fenceFor(db: TenantScope, actor: UserActor, position: TClockInput["position"], settings: Awaited<ReturnType<typeof getHrSettings>>, workDate: string, zone: string) {
  const office = officeFenceOf(settings);
  const sites = await assignedSitesBetween(db, actor.userId, startOfLocalDay(workDate, zone), startOfLocalDay(addDays(workDate, 1), zone));
  return nearestFence(position ?? null, [...(office ? [office] : []), ...sites.map((s) => ({ lat: s.lat, lng: s.lng, radiusM: settings.geofenceRadiusM }))]);
}

export async function clockIn(db: TenantScope, actor: UserActor, input: TClockInput, now = new Date()): Promise<TAttendanceDay> {
  const employee = await ownEmployeeOrThrow(db, actor);
  const [zone, settings] = await Promise.all([tenantZone(db), getHrSettings(db)]);
  const shift = shiftTimesOf(employee);
  const workDate = workDateOf(now, zone, shift);
  const fence = await fenceFor(db, actor, input.position, settings, workDate, zone);
  const existing = await findAttendanceDay(db, employee.id, toDbDate(workDate));
  if (existing?.clockInAt) throw new AppError("CONFLICT", { reason: "already_clocked_in", workDate }, "hr.errors.alreadyClockedIn");
  const photoId = await storeSelfie(db, employee.id, input.selfie);
  const { flags, distanceM } = clockFlags(input.position, fence, photoId !== null);
  const data = {
    clockInAt: now,
    clockInLat: input.position?.lat ?? null,
    clockInLng: input.position?.lng ?? null,
    clockInAccuracyM: input.position ? Math.round(input.position.accuracyM) : null,
    clockInDistanceM: distanceM,
    clockInPhotoId: photoId,
    flags,
    review: flags.length > 0 ? ("flagged" as const) : ("clear" as const),
    lateMinutes: lateMinutes(now, workDate, zone, shift, settings.graceMinutes),
  };
  try {
    const row = existing ? await updateAttendanceRow(db, existing.id, data) : await insertAttendance(db, { employeeId: employee.id, workDate: toDbDate(workDate), ...data });
    return toDay(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { reason: "already_clocked_in", workDate }, "hr.errors.alreadyClockedIn");
    throw error;
  }
}

export async function clockOut(db: TenantScope, actor: UserActor, input: TClockInput, now = new Date()): Promise<TAttendanceDay> {
  const employee = await ownEmployeeOrThrow(db, actor);
  const open = await findOpenAttendance(db, employee.id, new Date(now.getTime() - DAY_MS));
  if (!open) throw new AppError("CONFLICT", { reason: "not_clocked_in" }, "hr.errors.notClockedIn");
  const [zone, settings] = await Promise.all([tenantZone(db), getHrSettings(db)]);
  const fence = await fenceFor(db, actor, input.position, settings, fromDbDate(open.workDate), zone);
  const photoId = await storeSelfie(db, employee.id, input.selfie);
  const { flags, distanceM } = clockFlags(input.position, fence, photoId !== null);
  const allFlags = mergeFlags(open.flags, flags);
  const row = await updateAttendanceRow(db, open.id, {
    clockOutAt: now,
    clockOutLat: input.position?.lat ?? null,
    clockOutLng: input.position?.lng ?? null,
    clockOutDistanceM: distanceM,
    clockOutPhotoId: photoId,
    flags: allFlags,
    review: open.review === "clear" && allFlags.length > 0 ? "flagged" : open.review,
    earlyLeaveMinutes: earlyLeaveMinutes(now, fromDbDate(open.workDate), zone, shiftTimesOf(employee)),
  });
  return toDay(row);
}

export async function myAttendance(db: TenantScope, actor: UserActor, period: string): Promise<TAttendanceDay[]> {
  const employee = await ownEmployeeOrThrow(db, actor);
  const { from, to } = monthBounds(`${period}-01`);
  return (await listAttendanceRows(db, { employeeId: employee.id, workDate: { gte: toDbDate(from), lte: toDbDate(to) } })).map(toDay);
}

export async function listAttendance(db: TenantScope, input: { from: string; to: string; employeeId?: string; onlyFlagged: boolean }): Promise<TAttendanceDay[]> {
  const rows = await listAttendanceRows(db, {
    workDate: { gte: toDbDate(input.from), lte: toDbDate(input.to) },
    ...(input.employeeId ? { employeeId: input.employeeId } : {}),
    ...(input.onlyFlagged ? { review: "flagged" } : {}),
  });
  return rows.map(toDay);
}

/** HR's decision on a day: accept it as it is, or set its times (audited with before and after). */
export async function reviewAttendance(db: TenantScope, actor: UserActor, input: TReviewAttendanceInput): Promise<TAttendanceDay> {
  const day = await findAttendanceRow(db, input.id);
  if (!day) throw new AppError("NOT_FOUND", { attendanceId: input.id }, "hr.errors.attendanceNotFound");
  if (input.decision === "accept") {
    const row = await updateAttendanceRow(db, day.id, { review: "accepted", note: input.note });
    await recordAudit(db, actor, { action: "hr.attendance_accepted", target: { type: "attendance", id: day.id }, details: { flags: day.flags } });
    return toDay(row);
  }
  const employee = await getEmployeeRowOrThrow(db, day.employeeId);
  const [zone, settings] = await Promise.all([tenantZone(db), getHrSettings(db)]);
  const shift = shiftTimesOf(employee);
  const workDate = fromDbDate(day.workDate);
  const clockInAt = input.clockIn ? localTimeOn(workDate, input.clockIn, zone, shift) : input.clockIn === null ? null : day.clockInAt;
  const clockOutAt = input.clockOut ? localTimeOn(workDate, input.clockOut, zone, shift) : input.clockOut === null ? null : day.clockOutAt;
  if (clockInAt && clockOutAt && clockOutAt <= clockInAt) throw new AppError("VALIDATION_FAILED", { fields: { clockOut: ["hr.validation.outBeforeIn"] } });
  const row = await updateAttendanceRow(db, day.id, {
    clockInAt,
    clockOutAt,
    review: "corrected",
    note: input.note,
    lateMinutes: clockInAt ? lateMinutes(clockInAt, workDate, zone, shift, settings.graceMinutes) : 0,
    earlyLeaveMinutes: clockOutAt ? earlyLeaveMinutes(clockOutAt, workDate, zone, shift) : 0,
  });
  await recordAudit(db, actor, {
    action: "hr.attendance_corrected",
    target: { type: "attendance", id: day.id },
    details: { before: { clockInAt: day.clockInAt?.toISOString() ?? null, clockOutAt: day.clockOutAt?.toISOString() ?? null }, after: { clockInAt: clockInAt?.toISOString() ?? null, clockOutAt: clockOutAt?.toISOString() ?? null }, note: input.note },
  });
  return toDay(row);
}

/** A selfie as a data URL: HR sees any, a staff member only their own. */
export async function attendancePhoto(db: TenantScope, actor: UserActor, id: string, mayReadAll: boolean): Promise<string> {
  const photo = await findPhoto(db, id);
  if (!photo) throw new AppError("NOT_FOUND", { photoId: id }, "hr.errors.photoNotFound");
  if (!mayReadAll) {
    const own = await findOwnEmployee(db, actor.userId);
    if (own?.id !== photo.employeeId) throw new AppError("NOT_FOUND", { photoId: id }, "hr.errors.photoNotFound");
  }
  return toDataUrl(photo.mime, photo.bytes);
}

/**
 * The month per employee employed in it: scheduled days (shift weekdays, from the join date to
 * the end date, up to `today` for the current month),
 * days present, late and early-leave days and minutes, approved leave by kind, absences
 * (scheduled, past, neither present nor on leave, since the employee's first recorded day) and
 * days still flagged.
 */
export async function monthlyRecap(db: TenantScope, period: string, opts: { employeeIds?: string[]; today?: string } = {}): Promise<TRecapRow[]> {
  const zone = await tenantZone(db);
  const today = opts.today ?? localDate(new Date(), zone);
  const { from, to: last } = monthBounds(`${period}-01`);
  const employees = await listEmployeeRows(db, { ...employedBetween(from, last), ...(opts.employeeIds ? { id: { in: opts.employeeIds } } : {}) });
  const days = await listAttendanceRows(db, { workDate: { gte: toDbDate(from), lte: toDbDate(last) }, employeeId: { in: employees.map((e) => e.id) } });
  const leave = await approvedLeaveDays(db, employees, from, last);
  const tracked = await firstAttendanceDates(db, employees.map((e) => e.id));
  return employees.map((e) => {
    const joined = fromDbDate(e.joinDate);
    const lastDay = e.endDate ? fromDbDate(e.endDate) : last;
    const scheduled = scheduledDates(period, e.shift?.weekdays ?? [1, 2, 3, 4, 5]).filter((d) => d >= joined && d <= lastDay && d <= today);
    const mine = days.filter((d) => d.employeeId === e.id && d.clockInAt !== null);
    const present = new Set(mine.map((d) => fromDbDate(d.workDate)));
    const onLeave = leave.get(e.id) ?? new Map<string, string>();
    const count = (kind: string) => scheduled.filter((d) => onLeave.get(d) === kind && !present.has(d)).length;
    return {
      employeeId: e.id,
      employeeName: e.name,
      scheduledDays: scheduled.length,
      // Scheduled days attended: the recap and payslip read it as "present of scheduled"; work on a
      // rest day is overtime, entered by HR.
      presentDays: scheduled.filter((d) => present.has(d)).length,
      lateDays: mine.filter((d) => d.lateMinutes > 0).length,
      lateMinutes: mine.reduce((s, d) => s + d.lateMinutes, 0),
      earlyLeaveDays: mine.filter((d) => d.earlyLeaveMinutes > 0).length,
      earlyLeaveMinutes: mine.reduce((s, d) => s + d.earlyLeaveMinutes, 0),
      annualLeaveDays: count("annual"),
      sickDays: count("sick"),
      permissionDays: count("permission"),
      // Absence counts only once the employee's attendance is tracked (their first clock-in):
      // an ISP that does not use attendance for someone does not dock their pay.
      absentDays: tracked.has(e.id) ? scheduled.filter((d) => d >= fromDbDate(tracked.get(e.id)!) && d < today && !present.has(d) && !onLeave.has(d)).length : 0,
      flaggedDays: mine.filter((d) => d.review === "flagged").length,
    };
  });
}

