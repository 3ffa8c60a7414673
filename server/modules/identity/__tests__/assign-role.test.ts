import { describe, expect, it } from "vitest";
import { canAssignRole, STAFF_ROLES } from "@/server/modules/identity/capabilities";

describe("who may give (or manage) which role", () => {
  it("the owner: every role", () => {
    expect(STAFF_ROLES.every((r) => canAssignRole("owner", r))).toBe(true);
  });
  it("an admin: only roles that can do nothing an admin cannot (no owner, no HR)", () => {
    expect(STAFF_ROLES.filter((r) => canAssignRole("admin", r))).toEqual(["admin", "finance", "technician", "collector"]);
  });
  it("roles without staff.manage: none", () => {
    for (const actor of ["hr", "finance", "technician", "collector", "client"] as const) {
      expect(STAFF_ROLES.filter((r) => canAssignRole(actor, r))).toEqual([]);
    }
  });
});
