// The cross-tenant denial suite: tenant A's handle can neither see nor change tenant B's rows,
// through any operation, including findUnique, upsert and nested writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant, type TenantDb } from "@/server/db";

type TenantDbUser = TenantDb["user"];
import { closeDb, unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { createTenantWithUser } from "@/server/testing/fixtures";

let a: Awaited<ReturnType<typeof createTenantWithUser>>;
let b: Awaited<ReturnType<typeof createTenantWithUser>>;
const db = () => forTenant(a.tenant.id);
const system = () => unsafeSystemDb();

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** B's rows exactly as they were. */
async function expectBUntouched() {
  const user = await system().user.findUniqueOrThrow({ where: { id: b.user.id } });
  expect(user).toMatchObject({ tenantId: b.tenant.id, name: b.user.name, email: b.user.email, active: true });
  const session = await system().userSession.findUniqueOrThrow({ where: { id: b.session.id } });
  expect(session).toMatchObject({ tenantId: b.tenant.id, userId: b.user.id, revokedAt: null });
}

beforeAll(async () => {
  a = await createTenantWithUser("iso-a");
  b = await createTenantWithUser("iso-b");
});
afterAll(async () => {
  await expectBUntouched();
  await closeDb();
});

describe("reads", () => {
  it("findUnique of B's row by id returns null", async () => {
    expect(await db().user.findUnique({ where: { id: b.user.id } })).toBeNull();
  });
  it("findUniqueOrThrow of B's row throws not-found", async () => {
    await expect(db().user.findUniqueOrThrow({ where: { id: b.user.id } })).rejects.toThrow();
  });
  it("findUnique by B's compound unique key returns null", async () => {
    expect(await db().user.findUnique({ where: { tenantId_email: { tenantId: b.tenant.id, email: b.user.email } } })).toBeNull();
  });
  it("findFirst and findMany see only A's rows, even when asked for B's tenantId", async () => {
    expect(await db().user.findFirst({ where: { id: b.user.id } })).toBeNull();
    expect(await db().user.findMany({ where: { tenantId: b.tenant.id } })).toEqual([]);
    const all = await db().user.findMany();
    expect(all.map((u) => u.id)).toEqual([a.user.id]);
  });
  it("count, aggregate and groupBy count only A's rows", async () => {
    expect(await db().user.count()).toBe(1);
    expect((await db().userSession.aggregate({ _count: { _all: true } }))._count._all).toBe(1);
    const groups = await db().user.groupBy({ by: ["tenantId"], _count: { _all: true } });
    expect(groups).toEqual([{ tenantId: a.tenant.id, _count: { _all: 1 } }]);
  });
  it("include of a relation returns only the tenant's children", async () => {
    const users = await db().user.findMany({ include: { sessions: true, tenant: true } });
    expect(users.flatMap((u) => u.sessions.map((s) => s.tenantId))).toEqual([a.tenant.id]);
    expect(users[0]?.tenant.id).toBe(a.tenant.id);
  });
  it("the Tenant model shows only A's own row", async () => {
    expect((await db().tenant.findMany()).map((t) => t.id)).toEqual([a.tenant.id]);
    expect(await db().tenant.findUnique({ where: { id: b.tenant.id } })).toBeNull();
  });
});

describe("writes", () => {
  it("update of B's row fails and changes nothing", async () => {
    await expect(db().user.update({ where: { id: b.user.id }, data: { name: "pwned" } })).rejects.toThrow();
    await expectBUntouched();
  });
  it("updateMany aimed at B's row updates nothing", async () => {
    expect((await db().user.updateMany({ where: { id: b.user.id }, data: { active: false } })).count).toBe(0);
    await expectBUntouched();
  });
  it("delete of B's row fails; deleteMany aimed at it deletes nothing", async () => {
    await expect(db().userSession.delete({ where: { id: b.session.id } })).rejects.toThrow();
    expect((await db().userSession.deleteMany({ where: { id: b.session.id } })).count).toBe(0);
    await expectBUntouched();
  });
  it("upsert keyed on B's row creates in A instead of touching B", async () => {
    const row = await db().user.upsert({
      where: { id: b.user.id },
      create: { tenantId: a.tenant.id, email: "upsert@a.test", name: "Upserted", role: "technician", passwordHash: "x" },
      update: { name: "pwned" },
    });
    expect(row.tenantId).toBe(a.tenant.id);
    expect(row.id).not.toBe(b.user.id);
    await expectBUntouched();
    await db().user.delete({ where: { id: row.id } });
  });
  it("create stamps A's tenantId when the caller leaves it out", async () => {
    // The types ask callers to name tenantId on create; at run time the extension stamps it.
    const data = { email: "new@a.test", name: "New", role: "finance", passwordHash: "x" } as unknown as Parameters<TenantDbUser["create"]>[0]["data"];
    const row = await db().user.create({ data });
    expect(row.tenantId).toBe(a.tenant.id);
    await db().user.delete({ where: { id: row.id } });
  });
  it("create or update naming another tenant is refused", async () => {
    await expectAppError(
      db().user.create({ data: { tenantId: b.tenant.id, email: "x@b.test", name: "X", role: "admin", passwordHash: "x" } }),
      "CROSS_TENANT_WRITE",
    );
    await expectAppError(
      db().user.create({ data: { tenant: { connect: { id: b.tenant.id } }, email: "x@b.test", name: "X", role: "admin", passwordHash: "x" } }),
      "CROSS_TENANT_WRITE",
    );
    await expectAppError(db().user.updateMany({ data: { tenantId: b.tenant.id } }), "CROSS_TENANT_WRITE");
    await expectAppError(
      db().user.createMany({ data: [{ tenantId: b.tenant.id, email: "y@b.test", name: "Y", role: "admin", passwordHash: "x" }] }),
      "CROSS_TENANT_WRITE",
    );
  });
  it("Tenant rows other than A's cannot be created, updated or deleted", async () => {
    await expect(db().tenant.update({ where: { id: b.tenant.id }, data: { name: "pwned" } })).rejects.toThrow();
    await expectAppError(db().tenant.create({ data: { slug: "evil-tenant", name: "Evil", planId: a.tenant.planId } }), "FORBIDDEN");
    await expectAppError(db().tenant.delete({ where: { id: b.tenant.id } }), "FORBIDDEN");
    expect((await system().tenant.findUniqueOrThrow({ where: { id: b.tenant.id } })).name).toBe(b.tenant.name);
  });
});

describe("nested writes", () => {
  it("connecting B's child to A's parent fails and leaves it in B", async () => {
    await expect(
      db().user.update({ where: { id: a.user.id }, data: { sessions: { connect: { id: b.session.id } } } }),
    ).rejects.toThrow();
    await expectBUntouched();
  });
  it("nested update, upsert and delete of B's child through A's parent fail", async () => {
    const revoke = { revokedAt: new Date() };
    await expect(
      db().user.update({ where: { id: a.user.id }, data: { sessions: { update: { where: { id: b.session.id }, data: revoke } } } }),
    ).rejects.toThrow();
    await expect(
      db().user.update({ where: { id: a.user.id }, data: { sessions: { delete: { id: b.session.id } } } }),
    ).rejects.toThrow();
    await db().user.update({
      where: { id: a.user.id },
      data: { sessions: { updateMany: { where: { id: b.session.id }, data: revoke }, deleteMany: { id: b.session.id } } },
    });
    await expectBUntouched();
  });
  it("nested create under A's parent lands in A", async () => {
    const user = await db().user.update({
      where: { id: a.user.id },
      data: { sessions: { create: { expiresAt: new Date(Date.now() + 1000) } } },
      include: { sessions: true },
    });
    expect(new Set(user.sessions.map((s) => s.tenantId))).toEqual(new Set([a.tenant.id]));
    expect(user.sessions).toHaveLength(2);
  });
  it("a nested write to another tenant's Tenant row is refused", async () => {
    await expectAppError(
      db().userSession.update({ where: { id: a.session.id }, data: { tenant: { connect: { id: b.tenant.id } } } }),
      "CROSS_TENANT_WRITE",
    );
  });
});

describe("guards", () => {
  it("a handle without a tenant throws on tenant-owned models", async () => {
    await expectAppError(forTenant(null).user.findMany(), "TENANT_CONTEXT_MISSING");
    await expectAppError(forTenant(null).userSession.count(), "TENANT_CONTEXT_MISSING");
  });
  it("a tenant handle cannot reach platform models", async () => {
    await expectAppError(db().platformAdmin.findMany(), "FORBIDDEN");
  });
  it("the database refuses a child that points into another tenant (compound foreign key)", async () => {
    await expect(
      system().userSession.create({ data: { tenantId: a.tenant.id, userId: b.user.id, expiresAt: new Date() } }),
    ).rejects.toThrow();
  });
});

describe("paths through platform models", () => {
  it("a tenant's plan does not lead to other tenants or their users", async () => {
    await expectAppError(
      db().tenant.findFirst({ select: { plan: { select: { tenants: { select: { users: { select: { email: true } } } } } } } }),
      "FORBIDDEN",
    );
    await expectAppError(db().user.findMany({ where: { tenant: { plan: { tenants: { some: { slug: b.tenant.slug } } } } } }), "FORBIDDEN");
    await expectAppError(db().tenant.findFirst({ include: { plan: { include: { _count: { select: { tenants: true } } } } } }), "FORBIDDEN");
  });
  it("the plan itself can be read, but not written, from a tenant", async () => {
    const own = await db().tenant.findFirst({ include: { plan: true } });
    expect(own?.plan.id).toBe(a.tenant.planId);
    await expectAppError(db().tenant.update({ where: { id: a.tenant.id }, data: { plan: { update: { priceIdr: 0 } } } }), "FORBIDDEN");
  });
});
