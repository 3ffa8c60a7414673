// The working day in the tenant's zone: WIB, WITA and WIT clocks, a night shift past midnight,
// late and early-leave minutes, the geofence with GPS accuracy, and the scheduled days of a month.
import { describe, expect, it } from "vitest";
import { distanceM } from "@/server/geo/great-circle";
import { clockFlags, earlyLeaveMinutes, lateMinutes, localTimeOn, scheduledDates, workDateOf } from "../attendance-rules";

const office = { startMinute: 8 * 60, endMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5] };
const night = { startMinute: 22 * 60, endMinute: 6 * 60, weekdays: [1, 2, 3, 4, 5, 6, 7] };

describe("work date and lateness in the tenant's zone", () => {
  it("takes the same instant as 08:20 WIB, 09:20 WITA and 10:20 WIT: late 20 minutes in Jakarta only", () => {
    const at = new Date("2026-03-10T01:20:00Z");
    expect(lateMinutes(at, workDateOf(at, "Asia/Jakarta", office), "Asia/Jakarta", office, 10)).toBe(20);
    expect(lateMinutes(at, workDateOf(at, "Asia/Makassar", office), "Asia/Makassar", office, 10)).toBe(80);
    expect(lateMinutes(at, workDateOf(at, "Asia/Jayapura", office), "Asia/Jayapura", office, 10)).toBe(140);
  });

  it("does not count lateness within the grace period", () => {
    expect(lateMinutes(new Date("2026-03-10T01:09:00Z"), "2026-03-10", "Asia/Jakarta", office, 10)).toBe(0);
  });

  it("puts a clock-in at 23:30 WIT on the 9th UTC-wise on the 10th local date", () => {
    // 2026-03-09T15:30Z is 00:30 on the 10th in Jayapura (UTC+9), still the 9th in Jakarta (22:30).
    const at = new Date("2026-03-09T15:30:00Z");
    expect(workDateOf(at, "Asia/Jayapura", office)).toBe("2026-03-10");
    expect(workDateOf(at, "Asia/Jakarta", office)).toBe("2026-03-09");
  });

  it("keeps a night shift's late clock-in after midnight on the day the shift began", () => {
    const at = new Date("2026-03-10T17:30:00Z"); // 00:30 WIB on the 11th
    expect(workDateOf(at, "Asia/Jakarta", night)).toBe("2026-03-10");
    expect(lateMinutes(at, "2026-03-10", "Asia/Jakarta", night, 10)).toBe(150);
  });

  it("measures early leave of a night shift against 06:00 the next morning", () => {
    expect(earlyLeaveMinutes(new Date("2026-03-10T22:30:00Z"), "2026-03-10", "Asia/Jakarta", night)).toBe(30); // 05:30 WIB on the 11th
    expect(earlyLeaveMinutes(new Date("2026-03-10T09:45:00Z"), "2026-03-10", "Asia/Jakarta", office)).toBe(15); // 16:45 WIB
  });

  it("reads HR's corrected 05:45 on a night shift as the next morning", () => {
    expect(localTimeOn("2026-03-10", "05:45", "Asia/Jakarta", night).toISOString()).toBe("2026-03-10T22:45:00.000Z");
    expect(localTimeOn("2026-03-10", "22:05", "Asia/Makassar", night).toISOString()).toBe("2026-03-10T14:05:00.000Z");
  });
});

describe("geofence and selfie flags", () => {
  const fence = { lat: -6.9177, lng: 107.619, radiusM: 150 };
  it("accepts a position inside the fence with a selfie without flags", () => {
    expect(clockFlags({ lat: -6.9178, lng: 107.6191, accuracyM: 10 }, fence, true)).toEqual({ flags: [], distanceM: 16 });
  });
  it("flags a position 1 km away and a missing selfie, and never refuses", () => {
    const { flags, distanceM: d } = clockFlags({ lat: -6.9087, lng: 107.619, accuracyM: 20 }, fence, false);
    expect(flags).toEqual(["outside_geofence", "missing_selfie"]);
    expect(d).toBe(1001);
  });
  it("gives the GPS accuracy the benefit of the doubt up to the radius", () => {
    expect(clockFlags({ lat: -6.9177 + 0.0016, lng: 107.619, accuracyM: 40 }, fence, true).flags).toEqual([]); // 178 m, ±40 m
  });
  it("flags no position, and a tenant without an office position", () => {
    expect(clockFlags(null, fence, true).flags).toEqual(["no_location"]);
    expect(clockFlags({ lat: 0, lng: 0, accuracyM: 5 }, null, true).flags).toEqual(["no_geofence"]);
  });
  it("measures distance on the sphere", () => {
    expect(distanceM({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBe(111_195);
  });
});

describe("scheduled days", () => {
  it("counts March 2026's weekdays: 22 Monday–Friday, 26 Monday–Saturday", () => {
    expect(scheduledDates("2026-03", [1, 2, 3, 4, 5])).toHaveLength(22);
    expect(scheduledDates("2026-03", [1, 2, 3, 4, 5, 6])).toHaveLength(26);
  });
});
