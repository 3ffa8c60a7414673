// Quiet hours in the tenant's zone: when a message may not go out, until when it waits. Pure.
import { addDays, localDate, startOfLocalDay } from "@/server/time/calendar-date";

export function minuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === "hour")!.value);
  const minute = Number(parts.find((p) => p.type === "minute")!.value);
  return hour * 60 + minute;
}

/**
 * The end of the quiet period `now` falls in, or null when messages may go now. `startMinute`
 * and `endMinute` are minutes after local midnight; start > end spans midnight (21:00–07:00);
 * start == end means no quiet hours.
 */
export function quietUntil(now: Date, timeZone: string, startMinute: number, endMinute: number): Date | null {
  if (startMinute === endMinute) return null;
  const m = minuteOfDay(now, timeZone);
  const today = localDate(now, timeZone);
  const at = (date: string) => new Date(startOfLocalDay(date, timeZone).getTime() + endMinute * 60_000);
  if (startMinute < endMinute) return m >= startMinute && m < endMinute ? at(today) : null;
  if (m >= startMinute) return at(addDays(today, 1));
  if (m < endMinute) return at(today);
  return null;
}

/** The next local midnight (daily caps start again then). */
export function nextLocalMidnight(now: Date, timeZone: string): Date {
  return startOfLocalDay(addDays(localDate(now, timeZone), 1), timeZone);
}
