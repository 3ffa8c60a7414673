// identity.me tells the UI what the signed-in user may do: exactly the capabilities for which
// can(role, capability) is true, for every tenant role and for the super admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousTenantCaller, platformCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { CAPABILITIES, PLATFORM_CAPABILITIES, TENANT_ROLES, can, type AnyRole, type Capability, type PlatformCapability } from "../capabilities";
import { closeConnections } from "@/server/testing/lifecycle";

const ALL: readonly (Capability | PlatformCapability)[] = [...(Object.keys(CAPABILITIES) as Capability[]), ...PLATFORM_CAPABILITIES];
const expected = (role: AnyRole) => ALL.filter((c) => can(role, c)).sort();

let tenant: Awaited<ReturnType<typeof createTenantWithUser>>["tenant"];

beforeAll(async () => {
  tenant = (await createTenantWithUser("me-caps")).tenant;
});
afterAll(closeConnections);

describe("identity.me capabilities", () => {
  it.each(TENANT_ROLES)("a %s gets exactly the capabilities can() grants its role", async (role) => {
    const { caller } = await userWithRole(tenant, role);
    const me = await caller.identity.me();
    expect(me).toMatchObject({ kind: "tenant", role });
    expect([...me!.capabilities].sort()).toEqual(expected(role));
    expect(me!.capabilities.some((c) => c.startsWith("platform."))).toBe(false);
  });

  it("the super admin gets the platform capabilities and no tenant capability", async () => {
    const { caller } = await platformCaller();
    const me = await caller.identity.me();
    expect(me).toMatchObject({ kind: "platform", role: "super_admin" });
    expect([...me!.capabilities].sort()).toEqual(expected("super_admin"));
    expect(expected("super_admin")).toEqual([...PLATFORM_CAPABILITIES].sort());
  });

  it("nobody signed in: null", async () => {
    expect(await anonymousTenantCaller(tenant).identity.me()).toBeNull();
  });
});
