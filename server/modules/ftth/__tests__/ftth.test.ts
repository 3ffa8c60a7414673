// The fibre plant and its outages, through the tRPC procedures: port capacity, cycle refusal,
// deletion refused with the dependants named, outage propagation through trees and cascades,
// overlapping incidents that never notify a customer twice, resolve and restored events, the
// suspected-outage detector on a synthetic burst of stops, planning, and tenant isolation.
import { afterAll, describe, expect, it } from "vitest";
import { systemActor } from "@/server/actor/actor";
import { forTenant, type TenantDb } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { eventsOf } from "@/server/testing/events";
import { createTenantWithUser, testPlanId } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { detectSuspectedOutages, nearestCommonUpstream } from "../outage.service";
import { reportSessionDrops } from "../session-drops.service";

afterAll(closeConnections);

type Caller = Awaited<ReturnType<typeof userWithRole>>["caller"];

async function plantTenant(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  const owner = await userWithRole(tenant, "owner");
  const tech = await userWithRole(tenant, "technician");
  return { tenant, db: forTenant(tenant.id), owner: owner.caller, tech: tech.caller };
}

let customerNo = 0;
async function customer(db: TenantDb, name: string, lat = -6.2, lng = 106.8) {
  customerNo += 1;
  return db.customer.create({ data: { tenantId: db.tenantId, number: customerNo, name, status: "active", latitude: lat, longitude: lng } });
}

const node = (c: Caller, type: "olt" | "odc" | "odp", code: string, parentId: string | undefined = undefined, ports = 8) =>
  c.ftth.createNode({ type, code, name: code, latitude: -6.2, longitude: 106.8, ports, parentId });

/** OLT-1 -> ODC-A -> {ODP-1, ODP-2 -> ODP-2B (cascade)}, ODC-A -> ODC-A2 (cascade) -> ODP-3; OLT-1 -> ODC-B -> ODP-4. */
async function samplePlant(c: Caller, db: TenantDb) {
  const olt = await node(c, "olt", "OLT-1", undefined, 16);
  const odcA = await node(c, "odc", "ODC-A", olt.id);
  const odcA2 = await node(c, "odc", "ODC-A2", odcA.id);
  const odcB = await node(c, "odc", "ODC-B", olt.id);
  const odp1 = await node(c, "odp", "ODP-1", odcA.id);
  const odp2 = await node(c, "odp", "ODP-2", odcA.id);
  const odp2b = await node(c, "odp", "ODP-2B", odp2.id);
  const odp3 = await node(c, "odp", "ODP-3", odcA2.id);
  const odp4 = await node(c, "odp", "ODP-4", odcB.id);
  const people: Record<string, string[]> = {};
  for (const [odp, n] of [[odp1, 2], [odp2, 1], [odp2b, 2], [odp3, 3], [odp4, 2]] as const) {
    people[odp.code] = [];
    for (let port = 1; port <= n; port++) {
      const cust = await customer(db, `${odp.code} p${port}`);
      await c.ftth.attachCustomer({ odpId: odp.id, port, customerId: cust.id });
      people[odp.code]!.push(cust.id);
    }
  }
  return { olt, odcA, odcA2, odcB, odp1, odp2, odp2b, odp3, odp4, people };
}

const started = async (tenantId: string) => (await eventsOf(tenantId)).filter((e) => e.type === "ftth.outage_started");
const resolvedEvents = async (tenantId: string) => (await eventsOf(tenantId)).filter((e) => e.type === "ftth.outage_resolved");

describe("the plant graph", () => {
  it("an ODP port holds one customer; a port beyond the ODP's count is unavailable too", async () => {
    const { db, owner } = await plantTenant("ftth-port");
    const olt = await node(owner, "olt", "OLT-P");
    const odp = await node(owner, "odp", "ODP-P", olt.id, 8);
    const a = await customer(db, "A");
    const b = await customer(db, "B");
    await owner.ftth.attachCustomer({ odpId: odp.id, port: 3, customerId: a.id });
    expect(await failure(owner.ftth.attachCustomer({ odpId: odp.id, port: 3, customerId: b.id }))).toMatchObject({ code: "PORT_UNAVAILABLE", details: { port: 3 } });
    expect(await failure(owner.ftth.attachCustomer({ odpId: odp.id, port: 9, customerId: b.id }))).toMatchObject({ code: "PORT_UNAVAILABLE", details: { port: 9, ports: 8 } });
    // Moving A to another port frees port 3.
    await owner.ftth.attachCustomer({ odpId: odp.id, port: 4, customerId: a.id });
    await owner.ftth.attachCustomer({ odpId: odp.id, port: 3, customerId: b.id });
    expect((await owner.ftth.node({ id: odp.id })).drops.map((d) => [d.port, d.customerName])).toEqual([[3, "B"], [4, "A"]]);
  });

  it("a link that would close a cycle is refused", async () => {
    const { owner } = await plantTenant("ftth-cycle");
    const olt = await node(owner, "olt", "OLT-C");
    const a = await node(owner, "odc", "ODC-1", olt.id);
    const b = await node(owner, "odc", "ODC-2", a.id);
    const c = await node(owner, "odc", "ODC-3");
    await owner.ftth.link({ parentId: b.id, childId: c.id });
    // ODC-3 -> ODC-1 would make ODC-1 -> ODC-2 -> ODC-3 -> ODC-1. (ODC-1 has a parent already, so first free it.)
    const parentLink = (await owner.ftth.node({ id: a.id })).parent!.link;
    await owner.ftth.unlink({ id: parentLink.id });
    expect(await failure(owner.ftth.link({ parentId: c.id, childId: a.id }))).toMatchObject({ code: "TOPOLOGY_CYCLE", details: { parentCode: "ODC-3", childCode: "ODC-1" } });
    expect(await failure(owner.ftth.link({ parentId: a.id, childId: a.id }))).toMatchObject({ code: "TOPOLOGY_CYCLE" });
    // Types nest: an OLT never hangs below anything.
    expect(await failure(owner.ftth.link({ parentId: a.id, childId: olt.id }))).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("deleting a node with dependants is refused and names them", async () => {
    const { db, owner } = await plantTenant("ftth-delete");
    const olt = await node(owner, "olt", "OLT-D");
    const odc = await node(owner, "odc", "ODC-D", olt.id);
    const odp = await node(owner, "odp", "ODP-D", odc.id);
    await owner.ftth.attachCustomer({ odpId: odp.id, port: 1, customerId: (await customer(db, "D")).id });
    expect(await failure(owner.ftth.removeNode({ id: odc.id }))).toMatchObject({ code: "NODE_HAS_DEPENDANTS", details: { code: "ODC-D", children: ["ODP-D"], customers: 0 } });
    expect(await failure(owner.ftth.removeNode({ id: odp.id }))).toMatchObject({ code: "NODE_HAS_DEPENDANTS", details: { children: [], customers: 1 } });
    const lone = await node(owner, "odp", "ODP-LONE", odc.id);
    expect(await owner.ftth.removeNode({ id: lone.id })).toEqual({ ok: true });
  });

  it("a customer's path runs ODP -> ODC -> OLT with the loss budget of recorded spans", async () => {
    const { db, owner } = await plantTenant("ftth-path");
    const olt = await node(owner, "olt", "OLT-X");
    const odc = await node(owner, "odc", "ODC-X");
    await owner.ftth.link({ parentId: olt.id, childId: odc.id, lossDb: 3.5, route: [[-6.21, 106.81]] });
    const odp = await node(owner, "odp", "ODP-X");
    await owner.ftth.link({ parentId: odc.id, childId: odp.id, lossDb: 10.5 });
    const cust = await customer(db, "Path");
    await owner.ftth.attachCustomer({ odpId: odp.id, port: 2, customerId: cust.id, lossDb: 1 });
    const path = await owner.ftth.customerPath({ customerId: cust.id });
    expect(path.nodes.map((n) => n.code)).toEqual(["ODP-X", "ODC-X", "OLT-X"]);
    expect(path.port).toBe(2);
    expect(path.lossDb).toBe(15);
    expect(path.points).toHaveLength(5);
  });
});

describe("outages", () => {
  it("marking an ODC down reaches its ODPs, cascades and their customers, and tells each customer once", async () => {
    const { tenant, db, owner, tech } = await plantTenant("ftth-down");
    const p = await samplePlant(owner, db);
    const change = await tech.ftth.setNodeStatus({ id: p.odcA.id, status: "down", notes: "kabel putus" });
    // ODC-A, ODC-A2, ODP-1, ODP-2, ODP-2B, ODP-3; customers 2 + 1 + 2 + 3.
    expect(change.incident).toMatchObject({ affectedNodes: 6, affectedCustomers: 8, notified: 8 });
    const notified = (await started(tenant.id)).map((e) => e.payload.customerId).sort();
    expect(notified).toEqual([...p.people["ODP-1"]!, ...p.people["ODP-2"]!, ...p.people["ODP-2B"]!, ...p.people["ODP-3"]!].sort());
    const detail = await tech.ftth.incident({ id: change.incident!.id });
    expect(detail.incident).toMatchObject({ status: "open", causeNode: { code: "ODC-A" }, notes: "kabel putus" });
    expect(detail.customers).toHaveLength(8);
    expect(detail.timeline.map((e) => e.kind)).toEqual(["opened"]);
    // ODC-B's customers are untouched; marking down again opens nothing new.
    expect((await tech.ftth.setNodeStatus({ id: p.odcA.id, status: "down" })).incident!.id).toBe(change.incident!.id);
    expect(await started(tenant.id)).toHaveLength(8);
    expect(await tech.ftth.customerIncidents({ customerId: p.people["ODP-3"]![0]! })).toHaveLength(1);
    expect(await tech.ftth.customerIncidents({ customerId: p.people["ODP-4"]![0]! })).toHaveLength(0);
  });

  it("overlapping incidents never notify a customer twice; restored only when no open incident still covers them", async () => {
    const { tenant, db, owner, tech } = await plantTenant("ftth-overlap");
    const p = await samplePlant(owner, db);
    await tech.ftth.setNodeStatus({ id: p.odp2.id, status: "down" }); // ODP-2 + ODP-2B: 3 customers
    expect(await started(tenant.id)).toHaveLength(3);
    const wide = await tech.ftth.setNodeStatus({ id: p.olt.id, status: "down" }); // everyone: 10
    expect(wide.incident).toMatchObject({ affectedCustomers: 10, notified: 7 });
    const perCustomer = new Map<unknown, number>();
    for (const e of await started(tenant.id)) perCustomer.set(e.payload.customerId, (perCustomer.get(e.payload.customerId) ?? 0) + 1);
    expect(perCustomer.size).toBe(10);
    expect([...perCustomer.values()].every((n) => n === 1)).toBe(true);
    // The ODP-2 fault is fixed first: its 3 customers are still down under the OLT outage.
    expect((await tech.ftth.setNodeStatus({ id: p.odp2.id, status: "up" })).restored).toBe(0);
    expect(await resolvedEvents(tenant.id)).toHaveLength(0);
    // The OLT comes back: all 10 are told, once each.
    expect((await tech.ftth.setNodeStatus({ id: p.olt.id, status: "up" })).restored).toBe(10);
    const restored = (await resolvedEvents(tenant.id)).map((e) => e.payload.customerId);
    expect(new Set(restored).size).toBe(10);
    expect(restored).toHaveLength(10);
    expect(await tech.ftth.incidents({ status: "active" })).toHaveLength(0);
  });

  it("resolving from the incident restores the cause node and keeps a timeline", async () => {
    const { tenant, db, owner, tech } = await plantTenant("ftth-resolve");
    const p = await samplePlant(owner, db);
    const { incident } = await tech.ftth.setNodeStatus({ id: p.odcB.id, status: "down" });
    await owner.ftth.updateIncident({ id: incident!.id, action: "note", note: "tim berangkat" });
    const resolved = await tech.ftth.updateIncident({ id: incident!.id, action: "resolve", note: "disambung ulang" });
    expect(resolved).toMatchObject({ status: "resolved" });
    expect((await tech.ftth.node({ id: p.odcB.id })).node.status).toBe("up");
    expect(await resolvedEvents(tenant.id)).toHaveLength(2);
    expect((await tech.ftth.incident({ id: incident!.id })).timeline.map((e) => e.kind)).toEqual(["opened", "note", "resolved"]);
    expect(await failure(tech.ftth.updateIncident({ id: incident!.id, action: "resolve" }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("suspected outages", () => {
  it("finds the nearest common upstream of a path set", () => {
    expect(nearestCommonUpstream([["p1", "a", "olt"], ["p2", "a", "olt"]])).toBe("a");
    expect(nearestCommonUpstream([["p1", "a", "olt"], ["p3", "a2", "a", "olt"], ["p4", "b", "olt"]])).toBe("olt");
    expect(nearestCommonUpstream([["p1", "a", "olt"], ["q", "olt2"]])).toBeNull();
  });

  it("a burst of carrier-loss stops under one ODC opens a suspected incident there, notifying nobody until confirmed", async () => {
    const { tenant, db, owner, tech } = await plantTenant("ftth-suspect");
    const p = await samplePlant(owner, db);
    const now = new Date("2026-12-04T10:00:00Z");
    const at = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
    const stops = [
      ...p.people["ODP-1"]!.map((id, i) => ({ customerId: id, stoppedAt: at(10 + i), cause: "Lost-Carrier" })),
      ...p.people["ODP-3"]!.map((id, i) => ({ customerId: id, stoppedAt: at(20 + i), cause: "Lost-Carrier" })),
      // A user logging off and an old stop are not part of the burst.
      { customerId: p.people["ODP-4"]![0]!, stoppedAt: at(5), cause: "User-Request" },
      { customerId: p.people["ODP-4"]![1]!, stoppedAt: at(900), cause: "Lost-Carrier" },
    ];
    const found = await detectSuspectedOutages(db, systemActor("session-drop detector", { tenantId: tenant.id }), stops, now);
    expect(found).toHaveLength(1);
    expect(found[0]!.causeNodeId).toBe(p.odcA.id);
    expect(await started(tenant.id)).toHaveLength(0);
    // The same burst seen again opens nothing new.
    expect(await detectSuspectedOutages(db, systemActor("session-drop detector", { tenantId: tenant.id }), stops, now)).toHaveLength(0);
    const [row] = await tech.ftth.incidents({ status: "active" });
    expect(row).toMatchObject({ status: "suspected", source: "detector", causeNode: { code: "ODC-A" } });
    await tech.ftth.updateIncident({ id: row!.id, action: "confirm" });
    expect(await started(tenant.id)).toHaveLength(8);
    expect((await tech.ftth.node({ id: p.odcA.id })).node.status).toBe("down");
  });

  it("fewer stops than the tenant's threshold are no burst; the threshold is the tenant's", async () => {
    const { tenant, db, owner } = await plantTenant("ftth-threshold");
    const p = await samplePlant(owner, db);
    const now = new Date();
    const stops = p.people["ODP-3"]!.map((id) => ({ customerId: id, stoppedAt: new Date(now.getTime() - 1000).toISOString(), cause: "Lost-Carrier" }));
    const actor = systemActor("detector", { tenantId: tenant.id });
    expect(await detectSuspectedOutages(db, actor, stops, now)).toHaveLength(0);
    await owner.ftth.saveSettings({ suspectMinDrops: 3, suspectWindowSeconds: 60 });
    expect((await detectSuspectedOutages(db, actor, stops, now)).map((s) => s.causeNodeId)).toEqual([p.odp3.id]);
  });
  it("carrier-loss stops reported one at a time are kept for the window and make one suspected incident", async () => {
    const { tenant, db, owner } = await plantTenant("ftth-drops");
    const p = await samplePlant(owner, db);
    const now = new Date();
    await owner.ftth.saveSettings({ suspectMinDrops: 3, suspectWindowSeconds: 60 });
    const actor = systemActor("session drops", { tenantId: tenant.id });
    const found = [];
    for (const [i, id] of p.people["ODP-3"]!.entries()) {
      found.push(...(await reportSessionDrops(db, actor, [{ customerId: id, stoppedAt: new Date(now.getTime() - 5000 + i).toISOString(), cause: "Lost-Carrier" }], now)));
    }
    expect(await reportSessionDrops(db, actor, [{ customerId: p.people["ODP-4"]![0]!, stoppedAt: now.toISOString(), cause: "User-Request" }], now)).toEqual([]);
    expect(found.map((s) => s.causeNodeId)).toEqual([p.odp3.id]);
  });
});

describe("map and planning", () => {
  it("map data is limited to the bounds; utilisation and nearest free ODPs", async () => {
    const { db, owner } = await plantTenant("ftth-map");
    const olt = await owner.ftth.createNode({ type: "olt", code: "OLT-M", name: "OLT", latitude: -6.2, longitude: 106.8, ports: 8, area: "Utara" });
    const near = await owner.ftth.createNode({ type: "odp", code: "ODP-NEAR", name: "n", latitude: -6.201, longitude: 106.801, ports: 2, parentId: olt.id, area: "Utara" });
    const full = await owner.ftth.createNode({ type: "odp", code: "ODP-FULL", name: "f", latitude: -6.2001, longitude: 106.8001, ports: 1, parentId: olt.id, area: "Utara" });
    await owner.ftth.createNode({ type: "odp", code: "ODP-FAR", name: "far", latitude: -7.5, longitude: 110.4, ports: 8, area: "Selatan" });
    await owner.ftth.attachCustomer({ odpId: full.id, port: 1, customerId: (await customer(db, "F", -6.2001, 106.8002)).id });
    const view = await owner.ftth.map({ bounds: { south: -6.3, west: 106.7, north: -6.1, east: 106.9 }, zoom: 15 });
    expect(view.nodes.map((n) => n.code).sort()).toEqual(["ODP-FULL", "ODP-NEAR", "OLT-M"]);
    expect(view.links).toHaveLength(2);
    expect(view.customers).toHaveLength(1);
    const nearest = await owner.ftth.nearestOdps({ latitude: -6.2, longitude: 106.8, limit: 5 });
    expect(nearest.map((n) => n.code)).toEqual(["ODP-NEAR", "ODP-FAR"]);
    expect(nearest[0]!.distanceM).toBeGreaterThan(100);
    expect(nearest[0]!.distanceM).toBeLessThan(200);
    const use = await owner.ftth.utilisation();
    expect(use.areas.find((a) => a.area === "Utara")).toMatchObject({ odps: 2, ports: 3, used: 1, free: 2 });
    expect((await owner.ftth.search({ q: "near" })).map((h) => h.label)).toEqual(["ODP-NEAR"]);
    expect(near.usedPorts).toBe(0);
  });
});

describe("roles and tenants", () => {
  it("a technician works in the field but does not build the plant; a collector sees nothing", async () => {
    const { tenant, owner, tech } = await plantTenant("ftth-roles");
    const olt = await node(owner, "olt", "OLT-R");
    expect((await tech.ftth.moveNode({ id: olt.id, latitude: -6.3, longitude: 106.9 })).latitude).toBe(-6.3);
    expect(await failure(tech.ftth.createNode({ type: "odp", code: "X", name: "x", latitude: 0, longitude: 0, ports: 8 }))).toMatchObject({ code: "FORBIDDEN" });
    const collector = await userWithRole(tenant, "collector");
    expect(await failure(collector.caller.ftth.node({ id: olt.id }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("another tenant's nodes, customers and incidents are out of reach", async () => {
    const a = await plantTenant("ftth-iso-a");
    const b = await plantTenant("ftth-iso-b");
    const pa = await samplePlant(a.owner, a.db);
    const { incident } = await a.tech.ftth.setNodeStatus({ id: pa.odcB.id, status: "down" });
    const bOlt = await node(b.owner, "olt", "OLT-B");
    expect(await failure(b.owner.ftth.node({ id: pa.odcA.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(b.tech.ftth.setNodeStatus({ id: pa.odcA.id, status: "down" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(b.owner.ftth.link({ parentId: bOlt.id, childId: pa.odp1.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(b.owner.ftth.attachCustomer({ odpId: (await node(b.owner, "odp", "ODP-B", bOlt.id)).id, port: 1, customerId: pa.people["ODP-1"]![0]! }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(b.owner.ftth.incident({ id: incident!.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(b.tech.ftth.updateIncident({ id: incident!.id, action: "resolve" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await b.owner.ftth.customerIncidents({ customerId: pa.people["ODP-4"]![0]! })).toEqual([]);
    const everywhere = { south: -90, west: -180, north: 90, east: 180 };
    const view = await b.owner.ftth.map({ bounds: everywhere, zoom: 3 });
    expect(view.nodes.map((n) => n.code).sort()).toEqual(["ODP-B", "OLT-B"]);
    expect(view.customers).toEqual([]);
    expect(await b.owner.ftth.search({ q: "ODC" })).toEqual([]);
    expect((await b.owner.ftth.utilisation()).odps.map((o) => o.code)).toEqual(["ODP-B"]);
  });

  it("a plan without FTTH maps has no map", async () => {
    const { tenant } = await createTenantWithUser("ftth-noplan", "owner", await testPlanId({ code: "test-no-maps-ftth", features: [] }));
    const owner = await userWithRole(tenant, "owner");
    expect(await failure(owner.caller.ftth.utilisation())).toMatchObject({ code: "FEATURE_NOT_IN_PLAN" });
  });
});
