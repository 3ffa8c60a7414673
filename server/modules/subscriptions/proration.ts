// The first billing period of a subscription and what it costs. Pure (no server imports): the
// invoice generator and the subscription forms share it. Dates are calendar dates in the
// tenant's time zone, written "YYYY-MM-DD"; money is integer rupiah.
import { parseCalendarDate, type CalendarDate } from "@/server/time/calendar-date";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date (time zones play no part). */
function dayNumber(d: CalendarDate): number {
  return Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
}

function formatCalendarDate(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Round-half-up of numerator / denominator for non-negative integers, in integer arithmetic. */
function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export type FirstPeriodInput = {
  /** "YYYY-MM-DD", the first day of service. */
  startDate: string;
  /** The customer's billing day, 1–28. */
  billingDay: number;
  /** The package's monthly price, integer rupiah. */
  priceIdr: number;
  /** Monthly discount, integer rupiah, at most the price. */
  discountIdr: number;
  /** Charge by days used (true) or the full period (false). */
  prorate: boolean;
};

export type FirstPeriod = {
  /** First day of the charged period (the start date). */
  from: string;
  /** Last day of the charged period: the day before the next billing day. */
  to: string;
  daysUsed: number;
  /** Length of the billing period the start date falls in. */
  daysInPeriod: number;
  chargeIdr: number;
};

/**
 * The first period runs from the start date to the day before the next billing day. Its length
 * is that of the billing period it falls in (previous billing day to next billing day); a start
 * on the billing day itself is a full period. Prorated charge = round half up of
 * (price − discount) × days used / days in period.
 */
export function firstPeriod({ startDate, billingDay, priceIdr, discountIdr, prorate }: FirstPeriodInput): FirstPeriod {
  const start = parseCalendarDate(startDate);
  if (!start) throw new RangeError(`not a calendar date: ${startDate}`);
  if (!Number.isInteger(billingDay) || billingDay < 1 || billingDay > 28) throw new RangeError(`billing day must be 1–28: ${billingDay}`);
  if (!Number.isInteger(priceIdr) || !Number.isInteger(discountIdr) || priceIdr < 0 || discountIdr < 0) throw new RangeError("amounts must be non-negative integers");
  const net = Math.max(0, priceIdr - discountIdr);

  // Billing days are 1–28, so every month has one.
  const beforeBillingDay = start.day < billingDay;
  const prev = beforeBillingDay ? shiftMonth(start.year, start.month, -1) : { year: start.year, month: start.month };
  const next = beforeBillingDay ? { year: start.year, month: start.month } : shiftMonth(start.year, start.month, 1);
  const prevN = dayNumber({ ...prev, day: billingDay });
  const nextN = dayNumber({ ...next, day: billingDay });
  const startN = dayNumber(start);
  const daysInPeriod = nextN - prevN;
  const daysUsed = nextN - startN;
  const chargeIdr = !prorate || daysUsed === daysInPeriod ? net : divideRoundHalfUp(net * daysUsed, daysInPeriod);
  return { from: startDate, to: formatCalendarDate(nextN - 1), daysUsed, daysInPeriod, chargeIdr };
}

/** Integer rupiah charged for the first period (see firstPeriod). */
export function firstPeriodCharge(input: FirstPeriodInput): number {
  return firstPeriod(input).chargeIdr;
}

function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A first period is "prorated" only when it is charged by days used and is shorter than a full period. */
export function isProratedFirstPeriod(sub: { prorateFirstPeriod: boolean; firstPeriodDaysUsed: number; firstPeriodDays: number }): boolean {
  return sub.prorateFirstPeriod && sub.firstPeriodDaysUsed < sub.firstPeriodDays;
}
