// Staff management rules: who may manage whom, the tenant always keeping an active owner (also
// under concurrent demotions), role changes and session endings taking effect on the next
// request, the plan's staff limit, and the audit trail.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { resolveTenantSession } from "@/server/modules/identity/session.service";
import { signInTenantUser } from "@/server/modules/identity/sign-in.service";
import { summaryOf, tenantCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser, testPlanId } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

/** A tenant whose fixture user is an admin, so the test decides who the owners are. */
async function freshTenant(prefix: string, planId?: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin", planId);
  return tenant;
}

const meta = () => ({ ip: `10.${randomBytes(3).join(".")}`, userAgent: "vitest", requestId: null });

describe("creating staff", () => {
  it("an owner adds a user whose one-time password signs in; the list shows them", async () => {
    const tenant = await freshTenant("staff-add");
    const owner = await userWithRole(tenant, "owner");
    const { user, password } = await owner.caller.staff.create({ name: "Sari Teknisi", email: " Sari@Example.ID ", role: "technician" });
    expect(user).toMatchObject({ email: "sari@example.id", role: "technician", active: true, twoFactorEnabled: false, lastSignInAt: null });
    expect(password.length).toBeGreaterThanOrEqual(20);
    await expect(signInTenantUser(forTenant(tenant.id), { email: "sari@example.id", password }, meta())).resolves.toHaveProperty("sessionId");
    const list = await owner.caller.staff.list();
    expect(list.find((m) => m.id === user.id)).toMatchObject({ role: "technician", active: true });
    expect(list.find((m) => m.id === owner.user.id)?.isSelf).toBe(true);
  });

  it("an email already used in the tenant answers CONFLICT", async () => {
    const tenant = await freshTenant("staff-dup");
    const owner = await userWithRole(tenant, "owner");
    await owner.caller.staff.create({ name: "A", email: "dup@example.id", role: "finance" });
    expect((await failure(owner.caller.staff.create({ name: "B", email: "DUP@example.id", role: "collector" }))).code).toBe("CONFLICT");
  });

  it("the client role cannot be given from staff management", async () => {
    const tenant = await freshTenant("staff-client");
    const owner = await userWithRole(tenant, "owner");
    const input = { name: "C", email: "c@example.id", role: "client" } as unknown as Parameters<typeof owner.caller.staff.create>[0];
    expect((await failure(owner.caller.staff.create(input))).code).toBe("VALIDATION_FAILED");
  });

  it("HR can read the staff list but not manage it", async () => {
    const tenant = await freshTenant("staff-hr");
    const hr = await userWithRole(tenant, "hr");
    expect((await hr.caller.staff.list()).length).toBeGreaterThan(0);
    expect((await failure(hr.caller.staff.create({ name: "X", email: "x@example.id", role: "finance" }))).code).toBe("FORBIDDEN");
  });
});

describe("who may manage whom", () => {
  it("an admin cannot create, promote to, demote, deactivate or reset an owner", async () => {
    const tenant = await freshTenant("staff-admin");
    const owner = await userWithRole(tenant, "owner");
    const admin = await userWithRole(tenant, "admin");
    const tech = await userWithRole(tenant, "technician");
    const calls = [
      () => admin.caller.staff.create({ name: "O", email: "o@example.id", role: "owner" }),
      () => admin.caller.staff.changeRole({ userId: tech.user.id, role: "owner" }),
      () => admin.caller.staff.changeRole({ userId: owner.user.id, role: "admin" }),
      () => admin.caller.staff.deactivate({ userId: owner.user.id }),
      () => admin.caller.staff.resetPassword({ userId: owner.user.id }),
    ];
    for (const call of calls) expect((await failure(call())).code).toBe("FORBIDDEN");
    const row = await forTenant(tenant.id).user.findUniqueOrThrow({ where: { id: owner.user.id } });
    expect(row).toMatchObject({ role: "owner", active: true, passwordHash: owner.user.passwordHash });
    // Non-owners are fine for an admin.
    await expect(admin.caller.staff.changeRole({ userId: tech.user.id, role: "collector" })).resolves.toMatchObject({ role: "collector" });
  });

  it("nobody changes their own role, deactivates or resets themselves", async () => {
    const tenant = await freshTenant("staff-self");
    const owner = await userWithRole(tenant, "owner");
    await userWithRole(tenant, "owner");
    for (const call of [
      () => owner.caller.staff.changeRole({ userId: owner.user.id, role: "admin" }),
      () => owner.caller.staff.deactivate({ userId: owner.user.id }),
      () => owner.caller.staff.resetPassword({ userId: owner.user.id }),
    ]) {
      expect(await failure(call())).toMatchObject({ code: "FORBIDDEN", details: { reason: "self" } });
    }
  });

  it("users of another tenant are not found", async () => {
    const tenant = await freshTenant("staff-x1");
    const other = await freshTenant("staff-x2");
    const owner = await userWithRole(tenant, "owner");
    const stranger = await userWithRole(other, "technician");
    expect((await failure(owner.caller.staff.deactivate({ userId: stranger.user.id }))).code).toBe("NOT_FOUND");
    expect(await resolveTenantSession(forTenant(other.id), { tenant: summaryOf(other), sessionId: stranger.sessionId })).not.toBeNull();
  });
});

describe("the tenant keeps an active owner", () => {
  const activeOwners = (tenantId: string) => forTenant(tenantId).user.count({ where: { role: "owner", active: true } });

  it("an owner whose role changed mid-request cannot demote the last active owner", async () => {
    const tenant = await freshTenant("staff-last");
    const a = await userWithRole(tenant, "owner");
    const b = await userWithRole(tenant, "owner");
    await b.caller.staff.changeRole({ userId: a.user.id, role: "admin" });
    // a.caller still carries the session as it was resolved (role owner) when the request began.
    const demote = await failure(a.caller.staff.changeRole({ userId: b.user.id, role: "admin" }));
    expect(demote).toMatchObject({ code: "CONFLICT", details: { reason: "last_owner" } });
    const deactivate = await failure(a.caller.staff.deactivate({ userId: b.user.id }));
    expect(deactivate).toMatchObject({ code: "CONFLICT", details: { reason: "last_owner" } });
    expect(await activeOwners(tenant.id)).toBe(1);
  });

  /** Two owners act on each other at the same moment, in a few fresh tenants (races are luck). */
  async function race(prefix: string, act: (actor: Awaited<ReturnType<typeof userWithRole>>, targetId: string) => Promise<unknown>) {
    for (let round = 0; round < 4; round++) {
      const tenant = await freshTenant(prefix);
      const a = await userWithRole(tenant, "owner");
      const b = await userWithRole(tenant, "owner");
      const results = await Promise.allSettled([act(a, b.user.id), act(b, a.user.id)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(await failure(Promise.reject(rejected.reason))).toMatchObject({ code: "CONFLICT", details: { reason: "last_owner" } });
      expect(await activeOwners(tenant.id)).toBe(1);
    }
  }

  it("two owners demoting each other at once: exactly one succeeds", async () => {
    await race("staff-race", (actor, userId) => actor.caller.staff.changeRole({ userId, role: "admin" }));
  });

  it("two owners deactivating each other at once: exactly one succeeds", async () => {
    await race("staff-race2", (actor, userId) => actor.caller.staff.deactivate({ userId }));
  });
});

describe("changes take effect on the next request", () => {
  it("a role change is what the user's session resolves to next", async () => {
    const tenant = await freshTenant("staff-role");
    const owner = await userWithRole(tenant, "owner");
    const target = await userWithRole(tenant, "admin");
    await owner.caller.staff.changeRole({ userId: target.user.id, role: "technician" });
    const next = await resolveTenantSession(forTenant(tenant.id), { tenant: summaryOf(tenant), sessionId: target.sessionId });
    expect(next?.role).toBe("technician");
  });

  it("deactivation ends the user's sessions; reactivation does not bring them back", async () => {
    const tenant = await freshTenant("staff-deact");
    const owner = await userWithRole(tenant, "owner");
    const target = await userWithRole(tenant, "collector");
    const db = forTenant(tenant.id);
    await owner.caller.staff.deactivate({ userId: target.user.id });
    expect(await resolveTenantSession(db, { tenant: summaryOf(tenant), sessionId: target.sessionId })).toBeNull();
    await owner.caller.staff.reactivate({ userId: target.user.id });
    expect(await resolveTenantSession(db, { tenant: summaryOf(tenant), sessionId: target.sessionId })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: target.user.id } })).active).toBe(true);
  });

  it("a password reset ends the sessions; only the new password signs in", async () => {
    const tenant = await freshTenant("staff-reset");
    const owner = await userWithRole(tenant, "owner");
    const target = await userWithRole(tenant, "finance", "old-password-123");
    const { password } = await owner.caller.staff.resetPassword({ userId: target.user.id });
    expect(await resolveTenantSession(forTenant(tenant.id), { tenant: summaryOf(tenant), sessionId: target.sessionId })).toBeNull();
    const summary = summaryOf(tenant);
    expect((await failure(signInTenantUser(forTenant(summary.id), { email: target.user.email, password: "old-password-123" }, meta()))).code).toBe("AUTH_INVALID");
    await expect(signInTenantUser(forTenant(summary.id), { email: target.user.email, password }, meta())).resolves.toHaveProperty("sessionId");
  });

  it("role changes, deactivations and resets are in the audit log", async () => {
    const tenant = await freshTenant("staff-audit");
    const owner = await userWithRole(tenant, "owner");
    const target = await userWithRole(tenant, "technician");
    await owner.caller.staff.changeRole({ userId: target.user.id, role: "finance" });
    await owner.caller.staff.deactivate({ userId: target.user.id });
    await owner.caller.staff.resetPassword({ userId: target.user.id });
    const events = await forTenant(tenant.id).auditEvent.findMany({ where: { targetId: target.user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["staff.role_changed", "staff.deactivated", "staff.password_reset"]);
    expect(events[0]).toMatchObject({ actorId: owner.user.id, actorLabel: owner.user.name, details: { from: "technician", to: "finance" } });
  });
});

describe("the plan's staff limit", () => {
  it("creating or reactivating past maxStaff answers PLAN_LIMIT_EXCEEDED with limit, used and plan", async () => {
    const code = `tiny-staff-${randomBytes(3).toString("hex")}`;
    const tenant = await freshTenant("staff-limit", await testPlanId({ code, maxStaff: 2 }));
    const owner = await userWithRole(tenant, "owner"); // with the fixture admin: 2 active staff
    // End customers do not count.
    await unsafeSystemDb().user.create({ data: { tenantId: tenant.id, email: "pelanggan@example.id", name: "Pelanggan", role: "client", passwordHash: "x" } });
    const full = await failure(owner.caller.staff.create({ name: "Third", email: "third@example.id", role: "collector" }));
    expect(full).toMatchObject({ code: "PLAN_LIMIT_EXCEEDED", details: { limit: 2, used: 2, plan: code } });

    const admin = (await owner.caller.staff.list()).find((m) => m.role === "admin")!;
    await owner.caller.staff.deactivate({ userId: admin.id });
    const { user } = await owner.caller.staff.create({ name: "Third", email: "third@example.id", role: "collector" });
    expect(user.active).toBe(true);
    expect(await failure(owner.caller.staff.reactivate({ userId: admin.id }))).toMatchObject({ code: "PLAN_LIMIT_EXCEEDED", details: { limit: 2, used: 2, plan: code } });
  });
});

describe("a password someone else generated", () => {
  it("must be replaced before anything else: only account security works until the user sets their own", async () => {
    const tenant = await freshTenant("staff-otp");
    const owner = await userWithRole(tenant, "owner");
    const { user, password } = await owner.caller.staff.create({ name: "Budi Kolektor", email: "budi@otp.test", role: "collector" });
    const first = await tenantCaller(tenant, user.id);
    expect(first.session.needsPasswordChange).toBe(true);
    expect(await first.caller.identity.me()).toMatchObject({ needsPasswordChange: true });
    expect((await failure(first.caller.customers.list({}))).code).toBe("PASSWORD_CHANGE_REQUIRED");
    await expect(first.caller.account.sessions()).resolves.toBeInstanceOf(Array);

    await first.caller.account.changePassword({ currentPassword: password, newPassword: "my-own-password-2026" });
    const next = await tenantCaller(tenant, user.id);
    expect(next.session.needsPasswordChange).toBe(false);
    await expect(next.caller.customers.list({})).resolves.toHaveProperty("items");
  });

  it("a reset by the owner asks for a new own password again; a user's own change never does", async () => {
    const tenant = await freshTenant("staff-otp-reset");
    const owner = await userWithRole(tenant, "owner");
    const target = await userWithRole(tenant, "technician", "chosen-by-me-123");
    expect(target.session.needsPasswordChange).toBe(false);
    await owner.caller.staff.resetPassword({ userId: target.user.id });
    expect((await tenantCaller(tenant, target.user.id)).session.needsPasswordChange).toBe(true);
    expect(owner.session.needsPasswordChange).toBe(false);
  });
});
