// The super admin's tenant lifecycle and catalog: slug rules, creating a tenant whose owner can
// sign in, suspension / archive taking effect on the tenant's host at once, plan and add-on
// changes reaching the entitlements cache, catalog validation, and who may call any of it.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { signInTenantUser } from "@/server/modules/identity/sign-in.service";
import { getEntitlements } from "@/server/modules/plans/entitlements.service";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { platformCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser, testPlanId, uniqueSlug } from "@/server/testing/fixtures";
import { ZSlug } from "../platform.schema";
import { callerForHost, failure } from "./helpers";
import { localizeError } from "@/server/errors/localize";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

const suffix = () => randomBytes(3).toString("hex");
const meta = () => ({ ip: `10.${randomBytes(3).join(".")}`, userAgent: "vitest", requestId: null });

async function newTenant(caller: Awaited<ReturnType<typeof platformCaller>>["caller"], prefix: string, planId?: string) {
  const slug = uniqueSlug(prefix);
  const email = `owner-${suffix()}@${slug}.test`;
  const created = await caller.platform.tenants.create({ slug, name: `ISP ${slug}`, planId: planId ?? (await testPlanId()), owner: { name: "First Owner", email } });
  return { ...created, slug, email };
}

describe("slug rules", () => {
  it.each([
    ["ab", "console.validation.slugLength"],
    ["a".repeat(33), "console.validation.slugLength"],
    ["MyNet", "console.validation.slugLowercase"],
    ["-net", "console.validation.slugPattern"],
    ["net_1", "console.validation.slugPattern"],
    ["admin", "console.validation.slugReserved"],
    ["www", "console.validation.slugReserved"],
    ["api", "console.validation.slugReserved"],
  ])("refuses %j with the message of the rule it breaks", (slug, message) => {
    const result = ZSlug.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("accepts lowercase letters, digits and inner hyphens of 3 to 32 characters", () => {
    for (const slug of ["abc", "net-1", "a".repeat(32), "99net"]) expect(ZSlug.safeParse(slug).success).toBe(true);
  });

  it("tenants.create refuses a reserved slug with VALIDATION_FAILED on the slug field", async () => {
    const { caller } = await platformCaller();
    const error = await failure(
      caller.platform.tenants.create({ slug: "console", name: "X", planId: await testPlanId(), owner: { name: "O", email: "o@example.id" } }),
    );
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toMatchObject({ fields: { slug: ["console.validation.slugReserved"] } });
  });
});

describe("creating a tenant", () => {
  it("creates the tenant and an owner who signs in with the password returned once", async () => {
    const { caller } = await platformCaller();
    const { tenant, initialPassword, ownerUserId, slug, email } = await newTenant(caller, "plat-new");
    expect(tenant).toMatchObject({ slug, status: "active", timezone: "Asia/Jakarta", staff: { active: 1, total: 1 } });
    expect(initialPassword.length).toBeGreaterThanOrEqual(20);
    const row = await unsafeSystemDb().tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    const owner = await forTenant(tenant.id).user.findUniqueOrThrow({ where: { id: ownerUserId } });
    // The operator generated the password: the owner must set their own before anything else.
    expect(owner).toMatchObject({ role: "owner", email, active: true, mustChangePassword: true });
    expect(owner.passwordHash).not.toContain(initialPassword);
    await expect(signInTenantUser(forTenant(row.id), { email, password: initialPassword }, meta())).resolves.toHaveProperty("sessionId");
    expect(await resolveRequestHost(`${slug}.localhost`)).toMatchObject({ kind: "tenant", tenant: { id: tenant.id } });
  });

  it("a slug already taken (even by an archived tenant) answers CONFLICT", async () => {
    const { caller } = await platformCaller();
    const first = await newTenant(caller, "plat-dup");
    await caller.platform.tenants.archive({ tenantId: first.tenant.id });
    const error = await failure(
      caller.platform.tenants.create({ slug: first.slug, name: "Again", planId: await testPlanId(), owner: { name: "O", email: "o@example.id" } }),
    );
    expect(error).toMatchObject({ code: "CONFLICT", details: { field: "slug" } });
  });

  it("the create is audited in the platform log without the owner's email", async () => {
    const { caller } = await platformCaller();
    const { tenant, email } = await newTenant(caller, "plat-aud");
    const page = await caller.platform.audit.list({ tenantId: tenant.id });
    expect(page.items.map((i) => i.action)).toContain("tenant.created");
    expect(JSON.stringify(page)).not.toContain(email);
  });
});

describe("lifecycle on the tenant's host", () => {
  it("suspend shows the suspended tenant and its API answers TENANT_SUSPENDED; reactivate undoes it", async () => {
    const { caller } = await platformCaller();
    const { tenant, slug } = await newTenant(caller, "plat-susp");
    const host = `${slug}.localhost:3000`;
    expect(await (await callerForHost(host)).tenant.current()).toMatchObject({ slug });

    const suspended = await caller.platform.tenants.suspend({ tenantId: tenant.id });
    expect(suspended.status).toBe("suspended");
    expect(await resolveRequestHost(host)).toMatchObject({ kind: "tenant", tenant: { status: "suspended" } });
    expect((await failure((await callerForHost(host)).tenant.current())).code).toBe("TENANT_SUSPENDED");
    const again = await failure(caller.platform.tenants.suspend({ tenantId: tenant.id }));
    expect(again.code).toBe("CONFLICT");
    expect(localizeError(again, "id").error).toBe("Tenant yang ditangguhkan tidak bisa ditangguhkan.");
    expect(localizeError(again, "en").error).toBe("A tenant that is suspended cannot be suspended.");

    await caller.platform.tenants.reactivate({ tenantId: tenant.id });
    expect(await (await callerForHost(host)).tenant.current()).toMatchObject({ slug });
  });

  it("archive makes the host unknown (soft delete); restore brings it back active", async () => {
    const { caller } = await platformCaller();
    const { tenant, slug } = await newTenant(caller, "plat-arch");
    const host = `${slug}.localhost`;
    await resolveRequestHost(host); // cached as served
    const archived = await caller.platform.tenants.archive({ tenantId: tenant.id });
    expect(archived.status).toBe("archived");
    expect(archived.archivedAt).not.toBeNull();
    expect(await resolveRequestHost(host)).toEqual({ kind: "unknown", host });
    // Nothing was deleted: the owner row is still there.
    expect(await forTenant(tenant.id).user.count()).toBe(1);

    const restored = await caller.platform.tenants.restore({ tenantId: tenant.id });
    expect(restored).toMatchObject({ status: "active", archivedAt: null });
    expect(await resolveRequestHost(host)).toMatchObject({ kind: "tenant", tenant: { id: tenant.id, status: "active" } });
  });

  it("the list filters by status and searches name and slug", async () => {
    const { caller } = await platformCaller();
    const { tenant, slug } = await newTenant(caller, "plat-list");
    await caller.platform.tenants.suspend({ tenantId: tenant.id });
    const bySlug = await caller.platform.tenants.list({ search: slug.toUpperCase() });
    expect(bySlug.items.map((t) => t.id)).toEqual([tenant.id]);
    expect((await caller.platform.tenants.list({ search: slug, status: "active" })).items).toEqual([]);
    expect((await caller.platform.tenants.list({ search: `ISP ${slug}`, status: "suspended" })).total).toBe(1);
  });

  it("removing a custom domain stops it resolving at once", async () => {
    const { caller } = await platformCaller();
    const { tenant } = await newTenant(caller, "plat-dom");
    const domain = `billing-${suffix()}.example`;
    const row = await forTenant(tenant.id).tenantDomain.create({ data: { tenantId: tenant.id, domain, verificationToken: "t", verifiedAt: new Date() } });
    expect(await resolveRequestHost(domain)).toMatchObject({ kind: "tenant", tenant: { id: tenant.id } });
    const detail = await caller.platform.tenants.get({ tenantId: tenant.id });
    expect(detail.domainList).toEqual([expect.objectContaining({ id: row.id, domain, verified: true })]);
    expect(detail.domains).toEqual({ verified: 1, pending: 0 });
    const after = await caller.platform.tenants.removeDomain({ tenantId: tenant.id, domainId: row.id });
    expect(after.domainList).toEqual([]);
    expect(await resolveRequestHost(domain)).toEqual({ kind: "unknown", host: domain });
  });
});

describe("plans, add-ons and entitlements", () => {
  async function plan(caller: Awaited<ReturnType<typeof platformCaller>>["caller"], maxStaff: number) {
    return caller.platform.catalog.savePlan({
      code: `t-plan-${suffix()}`,
      name: "Test plan",
      priceIdr: 150_000,
      maxCustomers: 100,
      maxRouters: 2,
      maxStaff,
      features: ["vouchers"],
    });
  }

  it("a plan change reaches getEntitlements at once (cache invalidated), as do catalog edits and add-ons", async () => {
    const { caller } = await platformCaller();
    const small = await plan(caller, 7);
    const big = await plan(caller, 9);
    const { tenant } = await newTenant(caller, "plat-plan", small.id);
    expect((await getEntitlements(forTenant(tenant.id))).limits.staff).toBe(7); // now cached

    const changed = await caller.platform.tenants.changePlan({ tenantId: tenant.id, planId: big.id });
    expect(changed.plan.id).toBe(big.id);
    expect((await getEntitlements(forTenant(tenant.id))).limits.staff).toBe(9);

    await caller.platform.catalog.savePlan({ ...big, maxStaff: 11, features: ["vouchers", "maps"] });
    expect(await getEntitlements(forTenant(tenant.id))).toMatchObject({ limits: { staff: 11 }, features: ["maps", "vouchers"] });

    const addOn = await caller.platform.catalog.saveAddOn({ code: `t-staff-${suffix()}`, name: "+2 staff", priceIdr: 25_000, extraStaff: 2, features: ["hr"] });
    const withAddOn = await caller.platform.tenants.setAddOns({ tenantId: tenant.id, addOns: [{ addOnId: addOn.id, quantity: 3 }] });
    expect(withAddOn.usage.staff).toEqual({ used: 1, limit: 17 });
    expect(withAddOn.addOns).toEqual([expect.objectContaining({ addOnId: addOn.id, quantity: 3 })]);
    expect((await getEntitlements(forTenant(tenant.id))).features).toContain("hr");

    // Deleting an add-on in use deactivates it; it stops counting.
    expect(await caller.platform.catalog.deleteAddOn({ id: addOn.id })).toEqual({ outcome: "deactivated" });
    expect((await getEntitlements(forTenant(tenant.id))).limits.staff).toBe(11);
    const audit = await caller.platform.audit.list({ tenantId: tenant.id });
    expect(audit.items.map((i) => i.action)).toEqual(expect.arrayContaining(["tenant.plan_changed", "tenant.addons_changed", "tenant.created"]));
  });

  it("usage counts customers not terminated, routers, and active non-client staff; another tenant's rows never count", async () => {
    const { caller } = await platformCaller();
    const { tenant } = await createTenantWithUser("plat-use", "owner");
    const { tenant: other } = await createTenantWithUser("plat-use2", "owner");
    const { caller: owner } = await userWithRole(tenant, "owner");
    const { caller: otherOwner } = await userWithRole(other, "owner");
    await userWithRole(tenant, "client");
    const inactive = await userWithRole(tenant, "technician");
    await forTenant(tenant.id).user.update({ where: { id: inactive.user.id }, data: { active: false } });
    expect((await caller.platform.tenants.get({ tenantId: tenant.id })).usage.customers.used).toBe(0);
    await owner.customers.create({ name: "Pelanggan Satu" });
    const gone = await owner.customers.create({ name: "Pelanggan Dua" });
    await forTenant(tenant.id).customer.update({ where: { id: gone.id }, data: { status: "terminated" } });
    await otherOwner.customers.create({ name: "Pelanggan Lain" });
    const router = (tenantId: string) => ({ tenantId, name: "Core", host: "127.0.0.1", port: 8728, username: "api", passwordSealed: "x" });
    await forTenant(tenant.id).router.create({ data: router(tenant.id) });
    await forTenant(other.id).router.create({ data: router(other.id) });
    const detail = await caller.platform.tenants.get({ tenantId: tenant.id });
    expect(detail.usage.customers.used).toBe(1);
    expect(detail.usage.routers.used).toBe(1);
    expect(detail.usage.staff.used).toBe(2);
    expect(detail.staff).toEqual({ active: 2, total: 3 });
    expect(detail.clients).toBe(1);
  });

  it("an unused plan is deleted, one in use is deactivated and then refused for new tenants", async () => {
    const { caller } = await platformCaller();
    const unused = await plan(caller, 3);
    expect(await caller.platform.catalog.deletePlan({ id: unused.id })).toEqual({ outcome: "deleted" });
    const used = await plan(caller, 3);
    await newTenant(caller, "plat-pdel", used.id);
    expect(await caller.platform.catalog.deletePlan({ id: used.id })).toEqual({ outcome: "deactivated" });
    const error = await failure(
      caller.platform.tenants.create({ slug: uniqueSlug("plat-inact"), name: "X", planId: used.id, owner: { name: "O", email: "o@example.id" } }),
    );
    expect(error.code).toBe("CONFLICT");
  });

  it("catalog validation: integer rupiah ≥ 0, limits ≥ 0, known features, lowercase unique codes", async () => {
    const { caller } = await platformCaller();
    const valid = { code: `t-val-${suffix()}`, name: "Valid", priceIdr: 100_000, maxCustomers: 10, maxRouters: 1, maxStaff: 2, features: ["maps" as const] };
    const cases: [string, unknown][] = [
      ["priceIdr", { ...valid, priceIdr: -1 }],
      ["priceIdr", { ...valid, priceIdr: 1500.5 }],
      ["maxStaff", { ...valid, maxStaff: -3 }],
      ["features.0", { ...valid, features: ["crypto-mining"] }],
      ["code", { ...valid, code: "Pro-Plan" }],
    ];
    for (const [field, input] of cases) {
      const error = await failure(caller.platform.catalog.savePlan(input as typeof valid));
      expect(error.code, field).toBe("VALIDATION_FAILED");
      expect(Object.keys((error.details as { fields: Record<string, string[]> }).fields), field).toContain(field);
    }
    await caller.platform.catalog.savePlan(valid);
    expect(await failure(caller.platform.catalog.savePlan({ ...valid, name: "Copy" }))).toMatchObject({ code: "CONFLICT", details: { field: "code" } });
    expect((await failure(caller.platform.catalog.saveAddOn({ code: `t-a-${suffix()}`, name: "A", priceIdr: -5 }))).code).toBe("VALIDATION_FAILED");
  });
});

describe("who may call the platform router", () => {
  it("a tenant owner on the tenant's host gets NOT_FOUND", async () => {
    const { tenant } = await createTenantWithUser("plat-deny", "admin");
    const { caller } = await userWithRole(tenant, "owner");
    expect((await failure(caller.platform.tenants.list({}))).code).toBe("NOT_FOUND");
    expect((await failure(caller.platform.tenants.suspend({ tenantId: tenant.id }))).code).toBe("NOT_FOUND");
    expect((await failure(caller.platform.catalog.listPlans())).code).toBe("NOT_FOUND");
    expect((await unsafeSystemDb().tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("active");
  });

  it("nobody signed in on the admin host gets AUTH_REQUIRED", async () => {
    const anonymous = await callerForHost("admin.localhost");
    expect((await failure(anonymous.platform.tenants.list({}))).code).toBe("AUTH_REQUIRED");
    expect((await failure(anonymous.platform.audit.list({}))).code).toBe("AUTH_REQUIRED");
  });
});
