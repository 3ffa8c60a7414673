// The arithmetic of a working day, pure: which work date a clock-in belongs to in the tenant's
// zone (a shift past midnight belongs to the day it started), late and early-leave minutes
// against the shift, the distance to the geofence, and the scheduled days of a month.
import { addDays, daysInMonth, startOfLocalDay } from "@/server/time/calendar-date";
import { distanceM } from "@/server/geo/great-circle";

export type ShiftTimes = { startMinute: number; endMinute: number; weekdays: number[] };

/** Monday to Friday when an employee has no shift of their own. */
export const DEFAULT_WEEKDAYS = [1, 2, 3, 4, 5];

const MS_PER_MIN = 60_000;

function localParts(at: Date, timeZone: string): { date: string; minute: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

export const crossesMidnight = (shift: ShiftTimes) => shift.endMinute <= shift.startMinute;

/**
 * The work date of a clock-in: the local date, except that on a shift past midnight a clock-in
 * before the shift's end belongs to the shift that began the evening before.
 */
export function workDateOf(at: Date, timeZone: string, shift: ShiftTimes | null): string {
  const { date, minute } = localParts(at, timeZone);
  if (shift && crossesMidnight(shift) && minute < shift.endMinute) return addDays(date, -1);
  return date;
}

/** The instants a shift starts and ends on a work date in the zone. */
export function shiftWindow(workDate: string, timeZone: string, shift: ShiftTimes): { start: Date; end: Date } {
  const midnight = startOfLocalDay(workDate, timeZone).getTime();
  const nextMidnight = startOfLocalDay(addDays(workDate, 1), timeZone).getTime();
  const start = new Date(midnight + shift.startMinute * MS_PER_MIN);
  const end = crossesMidnight(shift) ? new Date(nextMidnight + shift.endMinute * MS_PER_MIN) : new Date(midnight + shift.endMinute * MS_PER_MIN);
  return { start, end };
}

/** Minutes late: counted from the shift start once past the grace period, else 0. */
export function lateMinutes(clockIn: Date, workDate: string, timeZone: string, shift: ShiftTimes | null, graceMinutes: number): number {
  if (!shift) return 0;
  const after = Math.floor((clockIn.getTime() - shiftWindow(workDate, timeZone, shift).start.getTime()) / MS_PER_MIN);
  return after > graceMinutes ? after : 0;
}

/** Minutes left before the shift's end. */
export function earlyLeaveMinutes(clockOut: Date, workDate: string, timeZone: string, shift: ShiftTimes | null): number {
  if (!shift) return 0;
  return Math.max(0, Math.ceil((shiftWindow(workDate, timeZone, shift).end.getTime() - clockOut.getTime()) / MS_PER_MIN));
}

export type Fence = { lat: number; lng: number; radiusM: number } | null;
export type Position = { lat: number; lng: number; accuracyM: number } | null;

/**
 * The flags of one clock-in or clock-out: no position, outside the fence (the reported accuracy
 * is given the benefit of the doubt up to the fence's radius), no fence set up, no selfie.
 */
export function clockFlags(position: Position, fence: Fence, hasSelfie: boolean): { flags: string[]; distanceM: number | null } {
  const flags: string[] = [];
  let distance: number | null = null;
  if (!position) flags.push("no_location");
  else if (!fence) flags.push("no_geofence");
  else {
    distance = distanceM(position, fence);
    if (distance - Math.min(position.accuracyM, fence.radiusM) > fence.radiusM) flags.push("outside_geofence");
  }
  if (!hasSelfie) flags.push("missing_selfie");
  return { flags, distanceM: distance };
}

/** Of several fences (the office, the sites of the day's work orders), the one the position is nearest to being inside. */
export function nearestFence<F extends NonNullable<Fence>>(position: Position, fences: readonly F[]): F | null {
  if (fences.length === 0) return null;
  if (!position) return fences[0]!;
  return fences.reduce((best, f) => (distanceM(position, f) - f.radiusM < distanceM(position, best) - best.radiusM ? f : best));
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The dates of a month ("2026-03") on which the shift (or Monday–Friday) is worked. */
export function scheduledDates(period: string, weekdays: number[]): string[] {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const out: string[] = [];
  for (let d = 1; d <= daysInMonth(y, m); d++) {
    const date = `${period}-${String(d).padStart(2, "0")}`;
    if (weekdays.includes(isoWeekday(date))) out.push(date);
  }
  return out;
}

/** The scheduled working days between two dates, both included. */
export function scheduledDaysBetween(from: string, to: string, weekdays: number[]): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekdays.includes(isoWeekday(d))) out.push(d);
  return out;
}

/** A local "HH:MM" on a work date as an instant (a time before the shift start on a night shift is the next morning). */
export function localTimeOn(workDate: string, hhmm: string, timeZone: string, shift: ShiftTimes | null): Date {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const minute = h * 60 + m;
  const date = shift && crossesMidnight(shift) && minute < shift.startMinute && minute <= shift.endMinute ? addDays(workDate, 1) : workDate;
  return new Date(startOfLocalDay(date, timeZone).getTime() + minute * MS_PER_MIN);
}
