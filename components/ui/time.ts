// Date formatting helpers shared by server and client components. Always pass a time zone:
// the server's own zone is never the right one to show.

export function formatDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
  }).format(date);
}

export function formatTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date);
}

export function formatLongDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** Short zone name as people know it: "WIB", "WITA", "WIT" for Indonesia, else the Intl name. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const indonesian: Record<string, string> = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
  };
  if (indonesian[timeZone]) return indonesian[timeZone];
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** Hour of the day (0-23) in a zone. */
export function hourIn(date: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" })
    .formatToParts(date)
    .find((p) => p.type === "hour");
  return Number(hour?.value ?? 0);
}

/** "3 minutes ago", "in 5 seconds". */
export function formatRelative(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A calendar date "2026-05-08" (already in the right zone: never shifted) -> "8 May 2026". */
export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return "—";
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A month "2026-05" -> "May 2026". */
export function formatMonth(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return `${LONG_MONTHS[month - 1]} ${year}`;
}

/** "Nov" for month 11 (1-based). */
export function shortMonth(month: number): string {
  return MONTHS[month - 1]!;
}
