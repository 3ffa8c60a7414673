// The work-order rules as data: the transition table, required checklist items, check-in distance.
import { describe, expect, it } from "vitest";
import { distanceM } from "@/server/geo/great-circle";
import { canMove, CHECKLISTS, missingItems, TRANSITIONS, WORK_ORDER_KINDS, WORK_ORDER_STATUSES } from "../work-order-rules";

describe("work-order transitions", () => {
  it("follows open -> assigned -> on_the_way -> in_progress -> done and closed orders never move", () => {
    expect(canMove("open", "assigned")).toBe(true);
    expect(canMove("assigned", "on_the_way")).toBe(true);
    expect(canMove("on_the_way", "in_progress")).toBe(true);
    expect(canMove("in_progress", "done")).toBe(true);
    expect(canMove("open", "done")).toBe(false);
    expect(canMove("assigned", "done")).toBe(false);
    for (const to of WORK_ORDER_STATUSES) {
      expect(canMove("done", to)).toBe(false);
      expect(canMove("cancelled", to)).toBe(false);
    }
    for (const from of ["open", "assigned", "on_the_way", "in_progress"] as const) expect(TRANSITIONS[from]).toContain("cancelled");
  });
});

describe("checklists", () => {
  it("an installation names every required item still missing, in order", () => {
    expect(missingItems("installation", {}, 0)).toEqual(["odpPort", "cableLengthM", "onuSerial", "rxPowerDbm", "router", "pppoeChecked", "photo"]);
    const values = { odpPort: { odpId: "00000000-0000-4000-8000-000000000000", port: 3 }, cableLengthM: 120, onuSerial: "ZTEG1234", rxPowerDbm: -19.5, router: "r", pppoeChecked: false };
    expect(missingItems("installation", values, 1)).toEqual(["pppoeChecked"]);
    expect(missingItems("installation", { ...values, pppoeChecked: true }, 1)).toEqual([]);
  });
  it("every kind has a checklist and optional items never block", () => {
    for (const kind of WORK_ORDER_KINDS) expect(CHECKLISTS[kind].length).toBeGreaterThan(0);
    expect(missingItems("repair", { cause: "konektor", action: "ganti" }, 0)).toEqual([]);
  });
});

it("measures the check-in distance to the site in metres", () => {
  expect(distanceM({ lat: -6.2, lng: 106.8 }, { lat: -6.2, lng: 106.8 })).toBe(0);
  expect(distanceM({ lat: -6.2, lng: 106.8 }, { lat: -6.201, lng: 106.8 })).toBeGreaterThan(100);
});
