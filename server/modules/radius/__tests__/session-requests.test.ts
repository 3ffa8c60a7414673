// CoA and Disconnect over real sockets: a simulated RouterOS router dials its subscriber through
// our FreeRADIUS and reports the session in accounting; when billing changes the subscriber,
// the converge records a request for the open session, the `radius.session_request` job sends it
// to the router's /radius incoming port, and the session itself changes (new rate limit, or
// dropped and redialled into the isolation attributes) — with ACK, NAK + Error-Cause, retries
// and timeouts recorded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { getQueue } from "@/server/jobs/queues";
import { convergeCustomer, networkActor } from "@/server/modules/routers/provisioning.service";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { RouterModel } from "@/sim/routeros/model";
import { startSimRadiusNas, type SimRadiusNas } from "@/sim/routeros/radius-nas";
import { sessionRequestJob } from "../radius.jobs";
import { sendSessionRequest } from "../session-request.service";
import { radiusPorts } from "./radclient";

const randomLoopback = () => `127.${20 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
const today = () => new Date().toISOString().slice(0, 10);

async function waitFor<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const nases: SimRadiusNas[] = [];

/** A tenant with a RADIUS-mode router (simulated, at its own loopback address), a subscriber online through it. */
async function onlineSubscriber(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  const { caller } = await userWithRole(tenant, "owner");
  const db = forTenant(tenant.id);
  const address = randomLoopback();
  const secret = `secret-${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  await unsafeSystemDb().radiusNas.deleteMany({ where: { nasname: address } });
  await caller.routers.create({ name: "RADIUS", host: address, transport: "api", port: 8728, username: "rrnet", password: "api-pass-123", tlsVerify: false, mode: "radius", location: null, notes: null, radiusSecret: secret });
  const pkg = await caller.packages.create({ name: `Rumah ${tenant.slug}`, priceIdr: 150_000, speedDownKbps: 10_000, speedUpKbps: 5_000, type: "pppoe", taxable: false, description: null });
  const customer = await caller.customers.create({ name: "Sari Wulandari", billingDay: 1, status: "active" });
  const subscription = await caller.subscriptions.create({ customerId: customer.id, packageId: pkg.id, startDate: today(), prorateFirstPeriod: false, discountIdr: 0, installationFeeIdr: 0 });
  const converge = () => convergeCustomer(db, networkActor(tenant.id), customer.id);
  await converge();
  const account = (await caller.network.customer({ customerId: customer.id })).accounts[0]!;

  const { auth, acct } = radiusPorts();
  const model = new RouterModel({ reconnectDelayMs: 100 });
  const nas = await startSimRadiusNas({ model, host: address, secret, server: { host: "127.0.0.1", authPort: auth, acctPort: acct }, timeoutMs: 1500 });
  nases.push(nas);
  model.addClient(account.username, account.password!);
  const openSession = (notId?: bigint) =>
    waitFor(() => db.radiusAccounting.findFirst({ where: { username: account.username, acctstoptime: null, ...(notId ? { NOT: { radacctid: notId } } : {}) } }));
  const session = await openSession();
  const requests = () => db.radiusSessionRequest.findMany({ where: { username: account.username }, orderBy: { createdAt: "asc" } });
  /** Runs the queued job of each pending request, as the worker would. */
  const runPending = async (lastAttempt = true) => {
    for (const request of (await requests()).filter((r) => r.status === "pending")) {
      const job = await getQueue("default").getJob(`radius-session-${request.id}`);
      expect(job?.name).toBe("radius.session_request");
      await sessionRequestJob.handler(job!.data, { jobId: job!.id!, attempt: lastAttempt ? 4 : 1, log: { info: () => undefined } as never });
    }
    await nas.settled();
  };
  return { tenant, caller, db, address, secret, pkg, customer, subscription, converge, account, model, nas, session, openSession, requests, runPending };
}

beforeAll(() => {
  radiusPorts();
});
afterEach(async () => {
  await Promise.all(nases.splice(0).map((nas) => nas.close()));
});
afterAll(() => closeConnections());

describe("CoA and Disconnect to the router of an online RADIUS subscriber", () => {
  it("a package change reaches the open session as a CoA with the new rate limit", async () => {
    const t = await onlineSubscriber("coa-pkg");
    expect(t.model.pppSession(t.account.username)).toMatchObject({ radius: "true", "rate-limit": "5M/10M" });

    const fast = await t.caller.packages.create({ name: `Cepat ${t.tenant.slug}`, priceIdr: 250_000, speedDownKbps: 20_000, speedUpKbps: 10_000, type: "pppoe", taxable: false, description: null });
    await t.caller.subscriptions.update({ id: t.subscription.id, packageId: fast.id });
    await t.converge();
    expect(await t.requests()).toMatchObject([{ kind: "coa", reason: "rate_limit", status: "pending", attributes: { "Mikrotik-Rate-Limit": "10M/20M" }, sessionId: t.session.radacctid }]);
    await t.runPending();

    expect(await t.requests()).toMatchObject([{ kind: "coa", status: "acked", attempts: 1, errorCause: null }]);
    expect(t.nas.incoming).toMatchObject([{ code: "CoA-Request", answer: "CoA-ACK", attributes: { "User-Name": t.account.username, "Acct-Session-Id": t.session.acctsessionid } }]);
    // The same session (not a redial), now at the new speed.
    expect(t.model.pppSession(t.account.username)).toMatchObject({ "session-id": t.session.acctsessionid, "rate-limit": "10M/20M" });
    // A converge with nothing new sends nothing.
    await t.converge();
    expect(await t.requests()).toHaveLength(1);
  });

  it("isolation disconnects the session, which redials into the isolation address list and rate limit; restore brings the package back", async () => {
    const t = await onlineSubscriber("coa-iso");
    await t.caller.network.isolate({ customerId: t.customer.id });
    await t.converge();
    await t.runPending();
    expect(await t.requests()).toMatchObject([{ kind: "disconnect", reason: "isolated", status: "acked" }]);
    // FreeRADIUS closed the old session from the router's Stop, and the redial is a new one.
    expect(await t.db.radiusAccounting.findFirst({ where: { radacctid: t.session.radacctid } })).toMatchObject({ acctterminatecause: "Admin-Reset" });
    expect((await t.db.radiusAccounting.findFirst({ where: { radacctid: t.session.radacctid } }))?.acctstoptime).toBeInstanceOf(Date);
    const isolated = await t.openSession(t.session.radacctid);
    const online = t.model.pppSession(t.account.username)!;
    expect(online).toMatchObject({ "session-id": isolated.acctsessionid, "rate-limit": "256k/256k" });
    expect(t.model.list("/ip/firewall/address-list")).toContainEqual(expect.objectContaining({ list: "isolir", address: online.address, dynamic: "true" }));

    await t.caller.network.restore({ customerId: t.customer.id });
    await t.converge();
    await t.runPending();
    expect((await t.requests()).map((r) => [r.reason, r.status])).toEqual([["isolated", "acked"], ["restored", "acked"]]);
    const restored = await t.openSession(isolated.radacctid);
    expect(t.model.pppSession(t.account.username)).toMatchObject({ "session-id": restored.acctsessionid, "rate-limit": "5M/10M" });
    expect(t.model.list("/ip/firewall/address-list").filter((row) => row.list === "isolir")).toEqual([]);
  });

  it("a terminated customer is disconnected and stays offline (the redial is rejected)", async () => {
    const t = await onlineSubscriber("coa-term");
    await t.caller.customers.update({ id: t.customer.id, status: "terminated" });
    await t.converge();
    await t.runPending();
    expect(await t.requests()).toMatchObject([{ kind: "disconnect", reason: "terminated", status: "acked" }]);
    await waitFor(() => t.nas.rejects.has(t.account.username));
    expect(t.model.pppSession(t.account.username)).toBeUndefined();
    expect(await t.db.radiusAccounting.count({ where: { username: t.account.username, acctstoptime: null } })).toBe(0);
  });

  it("records a NAK with its Error-Cause: a session the router no longer has (503), a CoA it can not apply (401, then a Disconnect)", async () => {
    const t = await onlineSubscriber("coa-nak");
    // The router lost the session without telling accounting (a reboot with no Accounting-On).
    const row = t.model.pppSession(t.account.username)!;
    t.model.table("/ppp/active").rows.delete(row[".id"]!);
    const fast = await t.caller.packages.create({ name: `Cepat ${t.tenant.slug}`, priceIdr: 250_000, speedDownKbps: 20_000, speedUpKbps: 10_000, type: "pppoe", taxable: false, description: null });
    await t.caller.subscriptions.update({ id: t.subscription.id, packageId: fast.id });
    await t.converge();
    await t.runPending();
    expect(await t.requests()).toMatchObject([{ kind: "coa", status: "naked", errorCause: 503 }]);

    // A CoA with an attribute RouterOS can not change on a session: refused, then disconnected.
    const u = await onlineSubscriber("coa-401");
    const request = await u.db.radiusSessionRequest.create({
      data: { tenantId: u.tenant.id, routerId: (await u.caller.routers.list())[0]!.id, sessionId: u.session.radacctid, username: u.account.username, acctSessionId: u.session.acctsessionid, kind: "coa", reason: "rate_limit", attributes: { "Mikrotik-Address-List": "isolir" } },
    });
    expect(await sendSessionRequest(u.db, request.id, { lastAttempt: true })).toMatchObject({ status: "naked", errorCause: 401, followUp: expect.any(String) });
    await u.runPending();
    expect((await u.requests()).map((r) => [r.kind, r.reason, r.status, r.errorCause])).toEqual([["coa", "rate_limit", "naked", 401], ["disconnect", "coa_refused", "acked", null]]);
    await u.openSession(u.session.radacctid);
  });

  it("retransmits when the router does not answer, and records a timeout when it never does", async () => {
    const t = await onlineSubscriber("coa-retry");
    t.nas.dropIncoming = 1; // the first packet is lost
    const fast = await t.caller.packages.create({ name: `Cepat ${t.tenant.slug}`, priceIdr: 250_000, speedDownKbps: 20_000, speedUpKbps: 10_000, type: "pppoe", taxable: false, description: null });
    await t.caller.subscriptions.update({ id: t.subscription.id, packageId: fast.id });
    await t.converge();
    const [request] = await t.requests();
    expect(await sendSessionRequest(t.db, request!.id, { lastAttempt: false, timeoutMs: 300 })).toMatchObject({ status: "acked" });
    expect(t.model.pppSession(t.account.username)).toMatchObject({ "rate-limit": "10M/20M" });

    // The router is gone: an attempt that is not the last throws (the job retries), the last records it.
    await t.nas.close();
    await t.caller.subscriptions.update({ id: t.subscription.id, packageId: t.pkg.id });
    await t.converge();
    const pending = (await t.requests()).find((r) => r.status === "pending")!;
    await expect(sendSessionRequest(t.db, pending.id, { lastAttempt: false, timeoutMs: 200 })).rejects.toMatchObject({ code: "ROUTER_UNREACHABLE" });
    expect(await sendSessionRequest(t.db, pending.id, { lastAttempt: true, timeoutMs: 200 })).toMatchObject({ status: "timed_out" });
    expect(await t.db.radiusSessionRequest.findFirst({ where: { id: pending.id } })).toMatchObject({ status: "timed_out", attempts: 2 });
  });

  it("is ignored by the router when signed with another secret", async () => {
    const t = await onlineSubscriber("coa-secret");
    // Someone changed the secret on the router but not in RRNET.
    await t.db.radiusNas.updateMany({ data: { secret: "not-the-routers-secret" } });
    await t.caller.network.isolate({ customerId: t.customer.id });
    await t.converge();
    const [request] = await t.requests();
    expect(await sendSessionRequest(t.db, request!.id, { lastAttempt: true, timeoutMs: 200 })).toMatchObject({ status: "timed_out" });
    expect(t.nas.incoming).toEqual([]);
    expect(t.model.pppSession(t.account.username)).toMatchObject({ "session-id": t.session.acctsessionid });
  });
});
