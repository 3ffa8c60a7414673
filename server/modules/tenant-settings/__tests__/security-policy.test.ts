// The owner's two-factor policy: once required, staff without 2FA can reach only their account
// security procedures (TWO_FACTOR_SETUP_REQUIRED elsewhere) until they set it up.
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { resolveTenantSession } from "@/server/modules/identity/session.service";
import { currentTotp } from "@/server/modules/identity/totp";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";
import { summaryOf, tenantCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { localizeError } from "@/server/errors/localize";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

const reload = (tenantId: string) => unsafeSystemDb().tenant.findUniqueOrThrow({ where: { id: tenantId } });

/** An owner who has set up two-factor sign-in (the policy refuses any other). */
async function enrolledOwner(tenant: Awaited<ReturnType<typeof createTenantWithUser>>["tenant"]) {
  const owner = await userWithRole(tenant, "owner");
  await forTenant(tenant.id).user.update({ where: { id: owner.user.id }, data: { totpEnabledAt: new Date() } });
  return owner;
}

describe("requiring two-factor sign-in", () => {
  it("only the owner may change the policy", async () => {
    const { tenant } = await createTenantWithUser("pol-cap");
    const admin = await userWithRole(tenant, "admin");
    expect((await failure(admin.caller.settings.setRequireTwoFactor(true))).code).toBe("FORBIDDEN");
    expect((await reload(tenant.id)).requireTwoFactor).toBe(false);
  });

  it("an owner without 2FA is refused (enroll first) and nothing changes", async () => {
    const { tenant } = await createTenantWithUser("pol-self");
    const owner = await userWithRole(tenant, "owner");
    expect(await owner.caller.settings.securityPolicy()).toMatchObject({ selfHasTwoFactor: false, requireTwoFactor: false });
    const refused = await failure(owner.caller.settings.setRequireTwoFactor(true));
    expect(refused).toMatchObject({ code: "CONFLICT", details: { reason: "enroll_first" } });
    expect(localizeError(refused, "id").error).toContain("verifikasi dua langkah di akun Anda sendiri");
    expect(localizeError(refused, "en").error).toContain("on your own account first");
    expect((await reload(tenant.id)).requireTwoFactor).toBe(false);
  });

  it("the policy names the staff it would stop, before it applies", async () => {
    const { tenant } = await createTenantWithUser("pol-names");
    const owner = await enrolledOwner(tenant);
    const tech = await userWithRole(tenant, "technician");
    const policy = await owner.caller.settings.securityPolicy();
    expect(policy.selfHasTwoFactor).toBe(true);
    const names = policy.withoutTwoFactor.map((p) => p.name);
    expect(names).toContain(tech.user.name);
    expect(names).not.toContain(owner.user.name);
    expect(policy.staffWithoutTwoFactor).toBe(policy.withoutTwoFactor.length);
  });

  it("staff without 2FA must set it up; account procedures keep working until they have", async () => {
    const { tenant } = await createTenantWithUser("pol-req");
    const owner = await enrolledOwner(tenant);
    const tech = await userWithRole(tenant, "technician");
    const policy = await owner.caller.settings.setRequireTwoFactor(true);
    expect(policy).toMatchObject({ requireTwoFactor: true });
    expect(policy.staffWithoutTwoFactor).toBeGreaterThanOrEqual(2);

    // The host cache was told: the next request sees the policy.
    const host = await resolveRequestHost(`${tenant.slug}.localhost`);
    expect(host).toMatchObject({ kind: "tenant", tenant: { requireTwoFactor: true } });
    const summary = host.kind === "tenant" ? host.tenant : summaryOf(tenant);
    expect((await resolveTenantSession(forTenant(tenant.id), { tenant: summary, sessionId: tech.sessionId }))?.needsTwoFactorSetup).toBe(true);

    const next = await tenantCaller(await reload(tenant.id), tech.user.id);
    expect(await next.caller.identity.me()).toMatchObject({ needsTwoFactorSetup: true });
    expect((await failure(next.caller.tenant.overview())).code).toBe("TWO_FACTOR_SETUP_REQUIRED");
    const ownerNext = await tenantCaller(await reload(tenant.id), owner.user.id);
    await expect(ownerNext.caller.staff.list()).resolves.toBeInstanceOf(Array);

    await expect(next.caller.account.sessions()).resolves.toBeInstanceOf(Array);
    const { secret } = await next.caller.account.twoFactor.begin();
    await next.caller.account.twoFactor.confirm({ code: currentTotp(secret) });

    const after = await tenantCaller(await reload(tenant.id), tech.user.id);
    expect(after.session.needsTwoFactorSetup).toBe(false);
    await expect(after.caller.tenant.overview()).resolves.toHaveProperty("users");
    const events = await forTenant(tenant.id).auditEvent.findMany({ where: { action: "tenant.security_policy_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.user.id, details: { requireTwoFactor: true } });
  });

  it("end customers are never asked for it", async () => {
    const { tenant } = await createTenantWithUser("pol-client");
    const owner = await enrolledOwner(tenant);
    const client = await userWithRole(tenant, "client");
    await owner.caller.settings.setRequireTwoFactor(true);
    const session = await resolveTenantSession(forTenant(tenant.id), { tenant: summaryOf(await reload(tenant.id)), sessionId: client.sessionId });
    expect(session?.needsTwoFactorSetup).toBe(false);
  });
});
