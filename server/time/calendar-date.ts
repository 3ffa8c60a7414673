// Calendar dates ("YYYY-MM-DD") and the instants they begin in a time zone. Billing periods,
// due dates and proration are calendar arithmetic in the tenant's zone (RRNET's own billing in
// Asia/Jakarta); a @db.Date column holds the date at UTC midnight. Pure: UI code imports it too.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type CalendarDate = { year: number; month: number; day: number };

/** "2026-02-28" -> { year, month, day }; null for anything that is not a real calendar date. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-05": a month of a year the calendar arithmetic handles (1900 on, like dates). */
export function isCalendarMonth(value: string): boolean {
  const m = MONTH_RE.exec(value);
  return m !== null && Number(m[1]) >= 1900;
}

export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date at an instant in a zone (e.g. "2026-11-25" in Asia/Jakarta). */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** First and last day of the month a date falls in. */
export function monthBounds(date: string): { from: string; to: string } {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`not a calendar date: ${date}`);
  const mm = String(d.month).padStart(2, "0");
  return { from: `${d.year}-${mm}-01`, to: `${d.year}-${mm}-${String(daysInMonth(d.year, d.month)).padStart(2, "0")}` };
}

/** The same day `months` months later, clamped to the month's last day (Jan 31 + 1 -> Feb 28). */
export function addMonthsClamped(date: string, months: number): string {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`not a calendar date: ${date}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const day = Math.min(d.day, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A @db.Date column holds the calendar date at UTC midnight. */
export const toDbDate = (date: string) => new Date(`${date}T00:00:00.000Z`);
export const fromDbDate = (date: Date) => date.toISOString().slice(0, 10);

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar date begins in the zone (00:00 local). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** [start, end) instants of a month ("2026-11") in the zone. */
export function localMonthRange(period: string, timeZone: string): { from: Date; to: Date } {
  const { from, to } = monthBounds(`${period}-01`);
  return { from: startOfLocalDay(from, timeZone), to: startOfLocalDay(addDays(to, 1), timeZone) };
}
