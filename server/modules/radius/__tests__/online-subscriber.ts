// Test helper: a tenant with a RADIUS-mode router simulated at a loopback address of its own
// (sim/routeros/radius-nas.ts), and one subscriber dialled in through our FreeRADIUS, its session
// open in radacct. Each call's simulated router is closed by closeSimulatedNases().
import { expect } from "vitest";
import { forTenant } from "@/server/db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { getQueue } from "@/server/jobs/queues";
import { convergeCustomer, networkActor } from "@/server/modules/routers/provisioning.service";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { RouterModel } from "@/sim/routeros/model";
import { startSimRadiusNas, type SimRadiusNas } from "@/sim/routeros/radius-nas";
import { sessionRequestJob } from "../radius.jobs";
import { radiusPorts } from "./radclient";

const randomLoopback = () => `127.${20 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
const today = () => new Date().toISOString().slice(0, 10);

export async function waitFor<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 5000): Promise<T> {
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
export async function onlineSubscriber(prefix: string) {
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

export async function closeSimulatedNases(): Promise<void> {
  await Promise.all(nases.splice(0).map((nas) => nas.close()));
}
