// docs/ROLE_CAPABILITY_SPEC.md and capabilities.ts are the same matrix: this test parses the
// document's table and fails on any difference, in either direction, in any cell.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CAPABILITIES, PLATFORM_CAPABILITIES, TENANT_ROLES, can, type AnyRole, type Capability, type PlatformCapability } from "../capabilities";

const SPEC = path.resolve(import.meta.dirname, "../../../../docs/ROLE_CAPABILITY_SPEC.md");
const ROLES: readonly AnyRole[] = ["super_admin", ...TENANT_ROLES];
const ALL: readonly (Capability | PlatformCapability)[] = [...(Object.keys(CAPABILITIES) as Capability[]), ...PLATFORM_CAPABILITIES];

const cellsOf = (line: string) => line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());

/** The table whose first header cell is "capability": capability -> roles ticked, in document order. */
function parseSpecMatrix(markdown: string): { roles: string[]; rows: [string, string[]][] } {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim().startsWith("|") && cellsOf(l)[0]?.toLowerCase() === "capability");
  if (start < 0) throw new Error("no table with a 'capability' column in the spec");
  const header = cellsOf(lines[start]!);
  const roleColumns = header.map((name, i) => [name, i] as const).filter(([name]) => (ROLES as readonly string[]).includes(name));
  const rows: [string, string[]][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith("|")) break;
    const cells = cellsOf(line);
    const capability = (cells[0] ?? "").replace(/`/g, "");
    const roles: string[] = [];
    for (const [role, i] of roleColumns) {
      const cell = cells[i] ?? "";
      if (cell !== "" && cell !== "✓") throw new Error(`cell ${capability} × ${role} is "${cell}": use ✓ or leave it blank`);
      if (cell === "✓") roles.push(role);
    }
    rows.push([capability, roles]);
  }
  return { roles: roleColumns.map(([name]) => name), rows };
}

const spec = parseSpecMatrix(readFileSync(SPEC, "utf8"));

describe("docs/ROLE_CAPABILITY_SPEC.md matches capabilities.ts", () => {
  it("has one column per role, super_admin first, then the tenant roles in order", () => {
    expect(spec.roles).toEqual(ROLES);
  });

  it("has exactly one row per capability, in the code's order", () => {
    expect(spec.rows.map(([capability]) => capability)).toEqual(ALL);
  });

  it("ticks exactly the roles for which can() is true, in every cell", () => {
    const fromDoc = Object.fromEntries(spec.rows);
    const fromCode = Object.fromEntries(ALL.map((c) => [c, ROLES.filter((role) => can(role, c))]));
    expect(fromDoc).toEqual(fromCode);
  });
});
