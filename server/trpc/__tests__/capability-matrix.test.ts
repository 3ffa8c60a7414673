// Walks the whole permission matrix: every procedure of the app router, called as every role,
// answers FORBIDDEN exactly when the role lacks the procedure's capability (capabilities.ts,
// mirrored in docs/ROLE_CAPABILITY_SPEC.md). A procedure without a declared capability must be
// one of the few deliberately public ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { can, TENANT_ROLES, type AnyRole, type Capability, type PlatformCapability } from "@/server/modules/identity/capabilities";
import { appRouter } from "@/server/trpc/root";
import type { ProcedureMeta } from "@/server/trpc/init";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { platformCaller, userWithRole } from "@/server/testing/callers";
import { closeConnections } from "@/server/testing/lifecycle";

// portal.requestCode: a subscriber asks for a WhatsApp sign-in code before they can be signed in.
const PUBLIC = new Set(["tenant.current", "identity.me", "portal.requestCode"]);

type AnyCaller = Record<string, unknown>;
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>).map(([path, p]) => ({
  path,
  capability: p._def.meta?.capability as Capability | PlatformCapability | undefined,
}));

function procedureOf(caller: AnyCaller, path: string): (input?: unknown) => Promise<unknown> {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
}

/** The error code a call ends with, or "OK". Inputs are left empty: the gate runs first. */
async function outcome(caller: AnyCaller, path: string): Promise<string> {
  try {
    await procedureOf(caller, path)(undefined);
    return "OK";
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof AppError) return cause.code;
    if (error instanceof AppError) return error.code;
    if ((error as { code?: string }).code === "BAD_REQUEST") return "VALIDATION_FAILED";
    return `OTHER:${(error as Error).message}`;
  }
}

const callers = new Map<AnyRole, AnyCaller>();

beforeAll(async () => {
  // A plan with room for every call of this walk (the per-tenant API limit is per minute).
  const plan = await unsafeSystemDb().plan.upsert({
    where: { code: "test-matrix" },
    create: { code: "test-matrix", name: "matrix", priceIdr: 0, maxCustomers: 1000, maxRouters: 100, maxStaff: 1000, features: [], apiRateLimitPerMinute: 1_000_000 },
    update: { apiRateLimitPerMinute: 1_000_000 },
  });
  const { tenant } = await createTenantWithUser("matrix", "owner", plan.id);
  for (const role of TENANT_ROLES) callers.set(role, (await userWithRole(tenant, role)).caller as unknown as AnyCaller);
  callers.set("super_admin", (await platformCaller()).caller as unknown as AnyCaller);
});

afterAll(closeConnections);

describe("capability matrix", () => {
  it("every procedure declares a capability, except the deliberately public ones", () => {
    const undeclared = procedures.filter((p) => !p.capability).map((p) => p.path);
    expect(undeclared.sort()).toEqual([...PUBLIC].sort());
  });

  for (const { path, capability } of procedures.filter((p) => p.capability)) {
    it(`${path} (${capability})`, async () => {
      const platform = capability!.startsWith("platform.");
      for (const [role, caller] of callers) {
        const result = await outcome(caller, path);
        if (platform !== (role === "super_admin")) {
          // The wrong kind of session for this host: the call never reaches the capability check.
          // (tenant users on a tenant host reach no platform procedure; operators on the admin
          // host reach no tenant procedure).
          expect([role, result]).toEqual([role, platform ? "NOT_FOUND" : "TENANT_NOT_FOUND"]);
          continue;
        }
        const allowed = can(role, capability!);
        if (allowed) expect([role, result], `${role} may call ${path}`).not.toEqual([role, "FORBIDDEN"]);
        else expect([role, result], `${role} may not call ${path}`).toEqual([role, "FORBIDDEN"]);
      }
    });
  }
});
