// Calendar dates in a zone: where a tenant's day and month begin, and date arithmetic.
import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, daysBetween, isCalendarDate, localDate, localMonthRange, monthBounds, startOfLocalDay } from "../calendar-date";

describe("calendar dates", () => {
  it("a day begins at local midnight of its zone", () => {
    expect(startOfLocalDay("2026-11-25", "Asia/Jakarta").toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(startOfLocalDay("2026-11-25", "Asia/Makassar").toISOString()).toBe("2026-11-24T16:00:00.000Z");
    expect(localDate(new Date("2026-11-24T17:00:00Z"), "Asia/Jakarta")).toBe("2026-11-25");
    expect(localDate(new Date("2026-11-24T16:59:59Z"), "Asia/Jakarta")).toBe("2026-11-24");
  });

  it("a month is [its first local midnight, the next month's)", () => {
    expect(localMonthRange("2026-12", "Asia/Jayapura")).toEqual({ from: new Date("2026-11-30T15:00:00Z"), to: new Date("2026-12-31T15:00:00Z") });
    expect(monthBounds("2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("adds days across month and year ends, and refuses dates that do not exist", () => {
    expect(addDays("2026-12-28", 5)).toBe("2027-01-02");
    expect(daysBetween("2026-02-01", "2026-03-01")).toBe(28);
    expect(isCalendarDate("2026-02-29")).toBe(false);
  });
});

describe("addMonthsClamped", () => {
  it("keeps the day, clamped to a shorter month, across year ends and backwards", () => {
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonthsClamped("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonthsClamped("2026-03-31", -1)).toBe("2026-02-28");
  });
});
