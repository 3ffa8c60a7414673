// CoA and Disconnect over real sockets: a simulated RouterOS router dials its subscriber through
// our FreeRADIUS and reports the session in accounting; when billing changes the subscriber,
// the converge records a request for the open session, the `radius.session_request` job sends it
// to the router's /radius incoming port, and the session itself changes (new rate limit, or
// dropped and redialled into the isolation attributes) — with ACK, NAK + Error-Cause, retries
// and timeouts recorded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeConnections } from "@/server/testing/lifecycle";
import { sendSessionRequest } from "../session-request.service";
import { closeSimulatedNases, onlineSubscriber, waitFor } from "./online-subscriber";
import { radiusPorts } from "./radclient";

beforeAll(() => {
  radiusPorts();
});
afterEach(() => closeSimulatedNases());
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
