// The first-period charge: days from the start date to the day before the next billing day, over
// the length of the billing period the start falls in, rounded half up in integer rupiah.
import { describe, expect, it } from "vitest";
import { firstPeriod, firstPeriodCharge } from "../proration";
import { isCalendarDate } from "@/server/time/calendar-date";

const base = { priceIdr: 150_000, discountIdr: 0, prorate: true };

describe("firstPeriodCharge", () => {
  it("a start on the billing day itself is a full period", () => {
    expect(firstPeriod({ ...base, startDate: "2026-03-01", billingDay: 1 })).toEqual({ from: "2026-03-01", to: "2026-03-31", daysUsed: 31, daysInPeriod: 31, chargeIdr: 150_000 });
    expect(firstPeriodCharge({ ...base, startDate: "2026-02-28", billingDay: 28 })).toBe(150_000);
  });

  it("the last day of a 31-day month is one day of 31", () => {
    expect(firstPeriod({ ...base, startDate: "2026-01-31", billingDay: 1 })).toMatchObject({ to: "2026-01-31", daysUsed: 1, daysInPeriod: 31, chargeIdr: 4_839 });
  });

  it("February has 28 days in a common year and 29 in a leap year", () => {
    expect(firstPeriod({ ...base, startDate: "2026-02-15", billingDay: 1 })).toMatchObject({ to: "2026-02-28", daysUsed: 14, daysInPeriod: 28, chargeIdr: 75_000 });
    expect(firstPeriod({ ...base, startDate: "2028-02-15", billingDay: 1 })).toMatchObject({ to: "2028-02-29", daysUsed: 15, daysInPeriod: 29, chargeIdr: 77_586 });
  });

  it("billing day 28 spans February into March and December into January", () => {
    expect(firstPeriod({ ...base, startDate: "2026-03-01", billingDay: 28 })).toMatchObject({ to: "2026-03-27", daysUsed: 27, daysInPeriod: 28, chargeIdr: 144_643 });
    expect(firstPeriod({ ...base, startDate: "2028-03-01", billingDay: 28 })).toMatchObject({ daysUsed: 27, daysInPeriod: 29, chargeIdr: 139_655 });
    expect(firstPeriod({ ...base, startDate: "2026-12-30", billingDay: 28 })).toMatchObject({ to: "2027-01-27", daysUsed: 29, daysInPeriod: 31, chargeIdr: 140_323 });
  });

  it("a start after the billing day runs to the day before next month's billing day", () => {
    expect(firstPeriod({ ...base, startDate: "2026-04-20", billingDay: 10 })).toMatchObject({ to: "2026-05-09", daysUsed: 20, daysInPeriod: 30, chargeIdr: 100_000 });
    expect(firstPeriod({ ...base, startDate: "2026-12-15", billingDay: 1 })).toMatchObject({ to: "2026-12-31", daysUsed: 17, daysInPeriod: 31, chargeIdr: 82_258 });
  });

  it("halves round up, not to even", () => {
    // 75 × 1 / 30 = 2.5 -> 3 (banker's rounding would give 2); 15 × 1 / 30 = 0.5 -> 1.
    expect(firstPeriodCharge({ startDate: "2026-06-30", billingDay: 1, priceIdr: 75, discountIdr: 0, prorate: true })).toBe(3);
    expect(firstPeriodCharge({ startDate: "2026-06-30", billingDay: 1, priceIdr: 15, discountIdr: 0, prorate: true })).toBe(1);
  });

  it("prorates the price after the discount, and charges it in full without proration", () => {
    expect(firstPeriodCharge({ startDate: "2026-06-16", billingDay: 1, priceIdr: 150_000, discountIdr: 50_000, prorate: true })).toBe(50_000);
    expect(firstPeriodCharge({ startDate: "2026-06-16", billingDay: 1, priceIdr: 150_000, discountIdr: 50_000, prorate: false })).toBe(100_000);
  });

  it("always returns an integer, also for the largest price", () => {
    const charge = firstPeriodCharge({ startDate: "2026-01-02", billingDay: 1, priceIdr: 100_000_000, discountIdr: 1, prorate: true });
    expect(charge).toBe(96_774_193);
    expect(Number.isInteger(charge)).toBe(true);
  });

  it("refuses dates that do not exist and billing days after the 28th", () => {
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-2-03")).toBe(false);
    expect(() => firstPeriodCharge({ ...base, startDate: "2026-02-29", billingDay: 1 })).toThrow(RangeError);
    expect(() => firstPeriodCharge({ ...base, startDate: "2026-02-10", billingDay: 29 })).toThrow(RangeError);
  });
});
