// A node that stands for a router follows the routers module's health polls, against the RouterOS
// simulator: two failed polls mark the router down, whose routers.status_changed event (delivered
// by the event delivery job, as the worker does) marks its node down and opens an incident with
// source "health" that tells the customers below; the router answering again resolves that
// incident and restores the node. A node staff marked down themselves is left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { deliverEventJob } from "@/server/events/delivery.jobs";
import { logger } from "@/server/log/logger";
import { routerPool } from "@/server/modules/routers/driver/router-pool";
import { pollRouter } from "@/server/modules/routers/router-health.service";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { eventsOf } from "@/server/testing/events";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { startRouterOsSim, type RouterOsSim } from "@/sim/routeros/routeros-sim";

const API_USER = { name: "rrnet", password: "api-pass-123", group: "full" };
let sim: RouterOsSim;

beforeAll(async () => {
  sim = await startRouterOsSim({ identity: "olt-uplink", users: [API_USER] });
});
afterAll(async () => {
  await routerPool().closeAll();
  await sim.close();
  await closeConnections();
});

async function linkedPlant(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  const { caller: owner } = await userWithRole(tenant, "owner");
  const db = forTenant(tenant.id);
  const router = await owner.routers.create({
    name: "Uplink OLT",
    host: "127.0.0.1",
    transport: "api",
    port: sim.apiPort!,
    username: API_USER.name,
    password: API_USER.password,
    tlsVerify: false,
    mode: "api",
    location: null,
    notes: null,
    radiusSecret: null,
  });
  const olt = await owner.ftth.createNode({ type: "olt", code: "OLT-H", name: "OLT H", latitude: -6.2, longitude: 106.8, ports: 16, routerId: router.id });
  const odp = await owner.ftth.createNode({ type: "odp", code: "ODP-H", name: "ODP H", latitude: -6.2, longitude: 106.8, ports: 8, parentId: olt.id });
  const customers = [];
  for (let port = 1; port <= 3; port++) {
    const c = await db.customer.create({ data: { tenantId: tenant.id, number: port, name: `H${port}`, status: "active" } });
    await owner.ftth.attachCustomer({ odpId: odp.id, port, customerId: c.id });
    customers.push(c.id);
  }
  return { tenantId: tenant.id, db, owner, router, olt, odp, customers };
}

/**
 * Delivers the tenant's router status events through the delivery job's handler, as the worker
 * does; every one of them, as often as it is found (at-least-once delivery).
 */
async function deliverRouterEvents(tenantId: string) {
  for (const e of (await eventsOf(tenantId)).filter((x) => x.type === "routers.status_changed")) {
    const envelope = { eventId: e.id, tenantId, type: e.type, payload: e.payload, occurredAt: new Date().toISOString() };
    await deliverEventJob.handler(envelope, { jobId: `event-${e.id}`, attempt: 1, log: logger() });
  }
}

/** Two failed polls in a row: what it takes the routers module to call a router down. */
async function routerGoesDown(run: () => Promise<void>) {
  sim.faults.reachability = "refuse";
  sim.dropConnections();
  try {
    await run();
  } finally {
    sim.faults.reachability = "ok";
  }
}

describe("router health -> the plant", () => {
  it("a router seen down marks its node down with a health incident; seen up again, the incident resolves", async () => {
    const p = await linkedPlant("ftth-health");
    expect((await p.owner.ftth.node({ id: p.olt.id })).router).toMatchObject({ id: p.router.id, name: "Uplink OLT" });

    await routerGoesDown(async () => {
      await pollRouter(p.db, p.router.id);
      await deliverRouterEvents(p.tenantId);
      // One failed poll is not down yet: neither is the node.
      expect((await p.owner.ftth.node({ id: p.olt.id })).node.status).toBe("up");
      await pollRouter(p.db, p.router.id);
    });
    await deliverRouterEvents(p.tenantId);
    const down = await p.owner.ftth.node({ id: p.olt.id });
    expect(down.node.status).toBe("down");
    const [incident] = await p.owner.ftth.incidents({ status: "active" });
    expect(incident).toMatchObject({ status: "open", source: "health", causeNode: { code: "OLT-H" }, affectedCustomers: 3 });
    const started = (await eventsOf(p.tenantId)).filter((e) => e.type === "ftth.outage_started");
    expect(started.map((e) => e.payload.customerId).sort()).toEqual([...p.customers].sort());

    // Still down on the next failed poll, the event delivered again: no second incident, nobody told twice.
    await routerGoesDown(() => pollRouter(p.db, p.router.id).then(() => undefined));
    await deliverRouterEvents(p.tenantId);
    expect(await p.owner.ftth.incidents({ status: "active" })).toHaveLength(1);
    expect((await eventsOf(p.tenantId)).filter((e) => e.type === "ftth.outage_started")).toHaveLength(3);

    expect((await pollRouter(p.db, p.router.id)).ok).toBe(true);
    await deliverRouterEvents(p.tenantId);
    expect((await p.owner.ftth.node({ id: p.olt.id })).node.status).toBe("up");
    expect(await p.owner.ftth.incidents({ status: "active" })).toHaveLength(0);
    const [closed] = await p.owner.ftth.incidents({ status: "closed" });
    expect(closed).toMatchObject({ id: incident!.id, status: "resolved" });
    const restored = (await eventsOf(p.tenantId)).filter((e) => e.type === "ftth.outage_resolved");
    expect(restored).toHaveLength(3);
  });

  it("a node staff marked down by hand stays down when its router answers", async () => {
    const p = await linkedPlant("ftth-health-manual");
    await p.owner.ftth.setNodeStatus({ id: p.olt.id, status: "down", notes: "fibre cut at the pole" });
    expect((await pollRouter(p.db, p.router.id)).ok).toBe(true);
    await deliverRouterEvents(p.tenantId);
    expect((await eventsOf(p.tenantId)).filter((e) => e.type === "routers.status_changed")).toMatchObject([{ payload: { from: "unknown", to: "up" } }]);
    expect((await p.owner.ftth.node({ id: p.olt.id })).node.status).toBe("down");
    expect(await p.owner.ftth.incidents({ status: "active" })).toMatchObject([{ source: "manual" }]);
  });

  it("a node can only stand for one of the tenant's own routers", async () => {
    const a = await linkedPlant("ftth-health-own");
    const { tenant: other } = await createTenantWithUser("ftth-health-other", "admin");
    const { caller: otherOwner } = await userWithRole(other, "owner");
    const error = await failure(otherOwner.ftth.createNode({ type: "olt", code: "OLT-X", name: "X", latitude: -6.2, longitude: 106.8, ports: 8, routerId: a.router.id }));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: { routerId: ["ftth.validation.router"] } } });
  });
});
