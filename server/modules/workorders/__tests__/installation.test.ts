// Finishing an installation, against the RouterOS simulator over real sockets: the technician's
// checklist puts the customer on their ODP port, activates the prospect and their paused
// subscription, places the PPP account on the checklist's router and queues its provisioning;
// once the converge job ran, the customer dials in and their session is on the router. A port
// already taken refuses the finish with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { startRouterOsSim, type RouterOsSim } from "@/sim/routeros/routeros-sim";
import { routerPool } from "@/server/modules/routers/driver/router-pool";
import { convergeCustomer, networkActor } from "@/server/modules/routers/provisioning.service";

const API_USER = { name: "rrnet", password: "api-pass-123", group: "full" };
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const today = () => new Date().toISOString().slice(0, 10);
let sim: RouterOsSim;

beforeAll(async () => {
  sim = await startRouterOsSim({ version: "7.19.4 (stable)", users: [API_USER] });
});
afterAll(async () => {
  await routerPool().closeAll();
  await sim.close();
  await closeConnections();
});

async function installTenant(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  const { caller: owner } = await userWithRole(tenant, "owner");
  const tech = await userWithRole(tenant, "technician");
  const db = forTenant(tenant.id);
  const router = await owner.routers.create({ name: "Core", host: "127.0.0.1", transport: "api", port: sim.apiPort!, username: API_USER.name, password: API_USER.password, tlsVerify: false, mode: "api", location: null, notes: null, radiusSecret: null });
  const pkg = await owner.packages.create({ name: `Rumah ${tenant.slug}`, priceIdr: 150_000, speedDownKbps: 10_000, speedUpKbps: 5_000, type: "pppoe", taxable: false, description: null });
  const olt = await owner.ftth.createNode({ type: "olt", code: "OLT-1", name: "OLT", latitude: -6.2, longitude: 106.8, ports: 8 });
  const odp = await owner.ftth.createNode({ type: "odp", code: "ODP-1", name: "ODP", latitude: -6.2001, longitude: 106.8001, ports: 8, parentId: olt.id });
  const newCustomer = async (name: string) => {
    const customer = await owner.customers.create({ name, billingDay: 1 });
    const subscription = await owner.subscriptions.create({ customerId: customer.id, packageId: pkg.id, startDate: today(), prorateFirstPeriod: false, discountIdr: 0, installationFeeIdr: 0 });
    // Waiting for its installation: nothing on the wire yet.
    await owner.subscriptions.update({ id: subscription.id, status: "paused" });
    const order = await owner.workOrders.create({ kind: "installation", title: `Pasang ${name}`, customerId: customer.id, subscriptionId: subscription.id, latitude: -6.2002, longitude: 106.8002, assigneeIds: [tech.user.id] });
    return { customer, subscription, order };
  };
  const fillChecklist = async (orderId: string, port: number) => {
    await tech.caller.workOrders.checkIn({ id: orderId, latitude: -6.2002, longitude: 106.8002 });
    const file = await tech.caller.files.upload({ purpose: "work_order_photo", dataUrl: PNG });
    await tech.caller.workOrders.addPhoto({ id: orderId, fileId: file.id });
    await tech.caller.workOrders.saveChecklist({ id: orderId, values: { odpPort: { odpId: odp.id, port }, cableLengthM: 85, onuSerial: "ZTEGC0FFEE01", rxPowerDbm: -19.5, router: router.id, pppoeChecked: true } });
  };
  return { tenant, db, owner, tech: tech.caller, router, odp, newCustomer, fillChecklist };
}

describe("installation completion", () => {
  it("connects the ODP port, activates and provisions the subscription, and the customer goes online", async () => {
    const t = await installTenant("wo-install");
    const { customer, subscription, order } = await t.newCustomer("Pak Joko");
    await t.fillChecklist(order.id, 3);

    const done = await t.tech.workOrders.finish({ id: order.id });
    expect(done.status).toBe("done");

    const drop = await t.db.ftthDrop.findFirst({ where: { customerId: customer.id } });
    expect(drop).toMatchObject({ odpId: t.odp.id, port: 3, lengthM: 85 });
    const sub = await t.db.subscription.findFirst({ where: { id: subscription.id } });
    expect(sub?.status).toBe("active");
    expect((await t.db.customer.findFirst({ where: { id: customer.id } }))?.status).toBe("active");

    // The converge follows the commit through the outbox (the order, drop and activation committed together).
    expect(await t.db.outboxEvent.findFirst({ where: { type: "workorders.installation_finished", payload: { path: ["customerId"], equals: customer.id } } })).not.toBeNull();
    // What the worker's network.converge job does for the queued customer.
    await convergeCustomer(t.db, networkActor(t.tenant.id), customer.id);
    const net = await t.owner.network.customer({ customerId: customer.id });
    const account = net.accounts[0]!;
    expect(account).toMatchObject({ status: "applied", wantedAccess: "allowed", routerId: t.router.id });
    sim.model.addClient(account.username, account.password!);
    expect(sim.model.list("/ppp/active").some((s) => s.name === account.username)).toBe(true);
  });

  it("refuses the finish when the checklist's ODP port is taken, and changes nothing", async () => {
    const t = await installTenant("wo-install-port");
    const first = await t.newCustomer("Bu Ani");
    const second = await t.newCustomer("Pak Dedi");
    await t.owner.ftth.attachCustomer({ odpId: t.odp.id, port: 5, customerId: first.customer.id });
    await t.fillChecklist(second.order.id, 5);

    expect((await failure(t.tech.workOrders.finish({ id: second.order.id }))).code).toBe("PORT_UNAVAILABLE");
    expect((await t.tech.workOrders.get({ id: second.order.id })).status).toBe("in_progress");
    expect((await t.db.subscription.findFirst({ where: { id: second.subscription.id } }))?.status).toBe("paused");
    expect(await t.db.ftthDrop.findFirst({ where: { customerId: second.customer.id } })).toBeNull();
  });
});
