// The one format module: money, numbers, dates, times with their zone, months and periods, as
// the user's language writes them. Pure and shared by server components, client components
// (useFormat()), print views and PDFs (createFormat(locale, zone)). Words and plurals are not
// here: they are ICU messages in the catalogues (`{count, plural, ...}`), which take the
// figures formatted here as arguments.
//   Instants (timestamps) are shown in the given zone, always with the zone's abbreviation on
// a time of day (WIB, WITA, WIT). Calendar dates ("2026-08-03": invoice, due and period dates,
// already dates of the tenant's calendar) are shown as they are, never shifted.
import { INTL_LOCALES, type Locale } from "@/i18n/locales";
import { formatRupiah } from "@/i18n/rupiah";
import { zoneAbbreviation } from "@/server/time/zone-abbreviation";


export { formatRupiah, zoneAbbreviation };

/** Whole rupiah as people type them: "150000", "150.000" or "Rp 150.000"; null when it is not one. */
export function parseRupiah(value: string): number | null {
  const digits = value.trim().replace(/^rp\.?\s*/i, "").replace(/[.\s]/g, "");
  if (!/^\d{1,10}$/.test(digits)) return null;
  return Number(digits);
}

/** Today's calendar date in the zone, "YYYY-MM-DD". */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}


/** The month ("YYYY-MM") it is now in the zone. */
export function monthIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(at).slice(0, 7);
}

/** Hour of the day (0–23) in a zone. */
export function hourIn(timeZone: string, at: Date = new Date()): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" })
    .formatToParts(at)
    .find((p) => p.type === "hour");
  return Number(hour?.value ?? 0);
}

/** `count` months back from `month`, newest first: ["2026-11", "2026-10", ...]. */
export function recentMonths(month: string, count = 24): string[] {
  let [year, m] = month.split("-").map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-${String(m).padStart(2, "0")}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      year -= 1;
    }
  }
  return out;
}

type Instant = Date | string;
/** Intl's thin and narrow no-break spaces as plain spaces: copy-paste, PDFs and tests see the same text. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, " ");
const toDate = (value: Instant) => (typeof value === "string" ? new Date(value) : value);
/** A calendar date at noon UTC: formatted in UTC it is that day whatever the formatter. */
const calendarNoon = (date: string) => new Date(`${date.length === 7 ? `${date}-01` : date}T12:00:00Z`);

function build(locale: Locale, timeZone: string) {
  const tag = INTL_LOCALES[locale];
  const inZone = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { timeZone, ...options });
  const asCalendar = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { timeZone: "UTC", ...options });
  const shortDate = inZone({ day: "numeric", month: "short", year: "numeric" });
  const longDate = inZone({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const dateAndTime = inZone({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const timeOfDay = inZone({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const timeWithSeconds = inZone({ hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const calendarShort = asCalendar({ day: "numeric", month: "short", year: "numeric" });
  const monthLong = asCalendar({ month: "long", year: "numeric" });
  const monthShort = asCalendar({ month: "short" });
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 });
  const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 2 });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const byteUnits = (["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const).map((unit) => new Intl.NumberFormat(tag, { style: "unit", unit, maximumFractionDigits: 1 }));

  return {
    locale,
    timeZone,
    /** Integer rupiah: "Rp 1.450.000". */
    money: formatRupiah,
    /** A count: "1.250" (id), "1,250" (en). */
    count: (n: number) => integer.format(n),
    /** A decimal as typed in this language: "-6,2088" (id), "-6.2088" (en). */
    decimal: (n: number) => decimal.format(n),
    /** Basis points as a rate: 1100 -> "11%", 1250 -> "12,5%". */
    rateBp: (bp: number) => percent.format(bp / 10_000),
    /** Data volume in binary steps of 1024: "1,5 GB" (id), "1.5 GB" (en). */
    bytes(n: number): string {
      let step = 0;
      while (n >= 1024 && step < byteUnits.length - 1) {
        n /= 1024;
        step++;
      }
      return plain(byteUnits[step]!.format(n));
    },
    /** An instant's date in the zone: "3 Agu 2026". */
    date: (value: Instant) => shortDate.format(toDate(value)),
    /** "Senin, 3 Agustus 2026". */
    longDate: (value: Instant) => longDate.format(toDate(value)),
    /** A time of day with its zone: "14.05 WIB". */
    time: (value: Instant) => `${timeOfDay.format(toDate(value))} ${zoneAbbreviation(timeZone, toDate(value))}`,
    /** With seconds, for "updated at": "14.05.09 WIB". */
    timeWithSeconds: (value: Instant) => `${timeWithSeconds.format(toDate(value))} ${zoneAbbreviation(timeZone, toDate(value))}`,
    /** Date and time with its zone: "3 Agu 2026, 14.05 WIB". */
    dateTime: (value: Instant) => `${dateAndTime.format(toDate(value))} ${zoneAbbreviation(timeZone, toDate(value))}`,
    /** A calendar date "2026-08-03" as it is: "3 Agu 2026" (null -> "—"). */
    calendarDate: (date: string | null | undefined) => (date ? calendarShort.format(calendarNoon(date)) : "—"),
    /** A month "2026-08": "Agustus 2026". */
    month: (period: string) => monthLong.format(calendarNoon(period)),
    /** Month 1–12 as its short name: "Agu". */
    shortMonth: (month: number) => monthShort.format(new Date(Date.UTC(2026, month - 1, 15, 12))),
    /** Two calendar dates as one period: "1–30 Nov 2026", "5 Des 2026 – 4 Jan 2027"; null without both. */
    periodRange: (from: string | null, to: string | null) => (from && to ? plain(calendarShort.formatRange(calendarNoon(from), calendarNoon(to))) : null),
    /** "3 menit yang lalu", "dalam 5 detik". */
    relative(value: Instant, now: Date = new Date()): string {
      const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 60) return relative.format(seconds, "second");
      if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
      return relative.format(Math.round(seconds / 86_400), "day");
    },
    /** The zone's abbreviation now: "WIB". */
    zone: (at: Date = new Date()) => zoneAbbreviation(timeZone, at),
  };
}

export type Format = ReturnType<typeof build>;

const cache = new Map<string, Format>();

/** Formatters for one language and zone (built once, reused). */
export function createFormat(locale: Locale, timeZone: string): Format {
  const key = `${locale}|${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format = build(locale, timeZone);
    cache.set(key, format);
  }
  return format;
}
