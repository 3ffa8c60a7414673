// Routers as a tenant manages them, against the RouterOS simulator: secrets sealed and never
// returned, the plan's router limit, connection tests that say what failed, health polls that
// mark a router down after two failed polls, the command log, and tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/server/actor/actor";
import { parseKeyRing } from "@/server/crypto/secret-box";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser, testPlanId } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { startRouterOsSim, type RouterOsSim } from "@/sim/routeros/routeros-sim";
import { PPP_SECRET } from "../driver/router-client";
import { routerPool } from "../driver/router-pool";
import { pollRouter } from "../router-health.service";
import { withRouter } from "../router.service";

const API_USER = { name: "rrnet", password: "api-pass-123", group: "full" };
let sim: RouterOsSim;

beforeAll(async () => {
  sim = await startRouterOsSim({ identity: "core-utara", users: [API_USER, { name: "viewer", password: "viewer-pass", group: "noapi" }] });
});
afterAll(async () => {
  await routerPool().closeAll();
  await sim.close();
  await closeConnections();
});

const settings = () => ({ name: "Core Utara", host: "127.0.0.1", transport: "api" as const, port: sim.apiPort!, username: API_USER.name, password: API_USER.password, tlsVerify: false, mode: "api" as const, location: "Tiang 12", notes: null, radiusSecret: "radius-s3cret" });

async function owner(prefix: string, planId?: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin", planId);
  return { tenant, ...(await userWithRole(tenant, "owner")) };
}

describe("router secrets", () => {
  it("are sealed at rest and appear in no answer", async () => {
    const { caller } = await owner("rtr-secret");
    const created = await caller.routers.create(settings());
    const listed = await caller.routers.list();
    const detail = await caller.routers.get({ id: created.id });
    for (const answer of [created, listed, detail]) {
      expect(JSON.stringify(answer)).not.toContain(API_USER.password);
      expect(JSON.stringify(answer)).not.toContain("radius-s3cret");
    }
    expect(created.hasRadiusSecret).toBe(true);
    const row = await unsafeSystemDb().router.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordSealed).not.toContain(API_USER.password);
    expect(row.passwordSealed.split(".")[0]).toBe("v1");
  });

  it("an empty password on edit keeps the stored one; a new one replaces it", async () => {
    const { caller } = await owner("rtr-keep");
    const created = await caller.routers.create(settings());
    const { password: _p, radiusSecret: _r, ...rest } = settings();
    await caller.routers.update({ ...rest, id: created.id, name: "Core Utara 2", password: null, radiusSecret: null });
    expect((await caller.routers.testConnection({ id: created.id })).ok).toBe(true);
    await caller.routers.update({ ...rest, id: created.id, password: "wrong-now", radiusSecret: null });
    expect(await caller.routers.testConnection({ id: created.id })).toMatchObject({ ok: false, failure: "credentials" });
  });

  it("a key ring names its keys; a malformed entry is refused", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseKeyRing(`k2:${key},k1:${key}`).map((k) => k.id)).toEqual(["k2", "k1"]);
    expect(() => parseKeyRing("k1:short")).toThrow(/32 bytes/);
  });
});

describe("adding routers", () => {
  it("stops at the plan's router limit with PLAN_LIMIT_EXCEEDED", async () => {
    const { caller } = await owner("rtr-limit", await testPlanId({ code: "test-one-router", maxRouters: 1 }));
    await caller.routers.create(settings());
    const error = await failure(caller.routers.create({ ...settings(), name: "Second" }));
    expect(error.code).toBe("PLAN_LIMIT_EXCEEDED");
    expect(error.details).toMatchObject({ resource: "routers", limit: 1, used: 1 });
  });

  it("refuses a second router with the same name, and a host with a scheme", async () => {
    const { caller } = await owner("rtr-dup");
    await caller.routers.create(settings());
    expect((await failure(caller.routers.create(settings()))).code).toBe("CONFLICT");
    expect((await failure(caller.routers.create({ ...settings(), name: "X", host: "http://10.0.0.1" }))).code).toBe("VALIDATION_FAILED");
  });
});

describe("connection test", () => {
  it("reports the router's identity and version, or exactly which step failed", async () => {
    const { caller } = await owner("rtr-test");
    const { name: _n, mode: _m, location: _l, notes: _no, radiusSecret: _r, ...connection } = settings();
    expect(await caller.routers.testConnection(connection)).toMatchObject({ ok: true, identity: "core-utara", version: "7.19.4 (stable)", boardName: "RB4011iGS+" });
    expect(await caller.routers.testConnection({ ...connection, password: "nope" })).toMatchObject({ ok: false, code: "ROUTER_AUTH_FAILED", failure: "credentials" });
    expect(await caller.routers.testConnection({ ...connection, username: "viewer", password: "viewer-pass" })).toMatchObject({ ok: false, code: "ROUTER_AUTH_FAILED", failure: "policy" });
    expect(await caller.routers.testConnection({ ...connection, port: 1 })).toMatchObject({ ok: false, code: "ROUTER_UNREACHABLE", failure: "refused" });
  });
});

describe("health polls", () => {
  it("mark a router up with its figures, and down only after two failed polls in a row", async () => {
    const { tenant, caller } = await owner("rtr-health");
    const created = await caller.routers.create(settings());
    const db = forTenant(tenant.id);
    expect((await pollRouter(db, created.id)).ok).toBe(true);
    expect((await caller.routers.get({ id: created.id })).router).toMatchObject({ status: "up", identity: "core-utara", version: "7.19.4 (stable)" });

    sim.faults.reachability = "refuse";
    sim.dropConnections();
    try {
      await pollRouter(db, created.id);
      expect((await caller.routers.get({ id: created.id })).router.status).toBe("up");
      await pollRouter(db, created.id);
      const { router, health } = await caller.routers.get({ id: created.id });
      expect(router.status).toBe("down");
      expect(router.lastError).toMatch(/^ROUTER_UNREACHABLE/);
      expect(health.map((s) => s.ok)).toEqual([false, false, true]);
      expect(await caller.routers.summary()).toMatchObject({ total: 1, down: 1 });
    } finally {
      sim.faults.reachability = "ok";
    }
    expect((await pollRouter(db, created.id)).ok).toBe(true);
    expect((await caller.routers.get({ id: created.id })).router.status).toBe("up");
  });
});

describe("command log", () => {
  it("records each state-changing command with who caused it, the router's refusal included", async () => {
    const { tenant, caller } = await owner("rtr-log");
    const created = await caller.routers.create(settings());
    const db = forTenant(tenant.id);
    const actor = systemActor("test provisioning", { tenantId: tenant.id });
    await withRouter(db, actor, created.id, (client) => client.add(PPP_SECRET, { name: "log-budi", password: "pw" }));
    await expect(withRouter(db, actor, created.id, (client) => client.add(PPP_SECRET, { name: "log-budi", password: "pw" }))).rejects.toMatchObject({ code: "ROUTER_COMMAND_FAILED" });
    const { commands } = await caller.routers.get({ id: created.id });
    expect(commands.map((c) => [c.menu, c.action, c.actorLabel, c.ok, c.params.password])).toEqual([
      ["/ppp/secret", "add", "test provisioning", false, "***"],
      ["/ppp/secret", "add", "test provisioning", true, "***"],
    ]);
    expect(commands[0]!.error).toBe("failure: secret with the same name already exists");
  });
});

describe("tenancy and roles", () => {
  it("another tenant's staff neither see nor touch a router", async () => {
    const a = await owner("rtr-ten-a");
    const b = await owner("rtr-ten-b");
    const created = await a.caller.routers.create(settings());
    expect(await b.caller.routers.list()).toEqual([]);
    expect((await failure(b.caller.routers.get({ id: created.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.routers.testConnection({ id: created.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.routers.remove({ id: created.id }))).code).toBe("NOT_FOUND");
  });

  it("technicians see routers but cannot add them; collectors see nothing", async () => {
    const { tenant, caller } = await owner("rtr-roles");
    await caller.routers.create(settings());
    const tech = await userWithRole(tenant, "technician");
    expect(await tech.caller.routers.list()).toHaveLength(1);
    expect((await failure(tech.caller.routers.create({ ...settings(), name: "T" }))).code).toBe("FORBIDDEN");
    const collector = await userWithRole(tenant, "collector");
    expect((await failure(collector.caller.routers.list())).code).toBe("FORBIDDEN");
  });
});
