// Subscribers on the router, against the RouterOS simulator over real sockets, for both
// transports and both `!empty` behaviours: a subscription gets its PPP secret (only the
// difference is ever sent; a second run writes nothing), a package change moves and kicks the
// session, isolation moves the customer to the isolation profile and address list and kicks
// them (they redial into it; a hotspot client logs in again into it), the read-back catches an isolation that did not take, restore
// and termination, a router unreachable mid-job (retried, converges later), two converges for
// one customer at once, and the password only for roles that may see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { startRouterOsSim, type RouterOsSim } from "@/sim/routeros/routeros-sim";
import { selfSignedCertificate } from "@/sim/routeros/self-signed";
import { routerPool } from "../driver/router-pool";
import { profileNameOf } from "../package-profiles";
import { convergeCustomer, networkActor } from "../provisioning.service";

const API_USER = { name: "rrnet", password: "api-pass-123", group: "full" };
const certificate = selfSignedCertificate();
const sims: RouterOsSim[] = [];

afterAll(async () => {
  await routerPool().closeAll();
  await Promise.all(sims.map((s) => s.close()));
  await closeConnections();
});

const today = () => new Date().toISOString().slice(0, 10);
const writes = (sim: RouterOsSim) => sim.commands.filter(([w]) => /\/(add|set|remove)$/.test(w ?? "") || /^(PUT|PATCH|DELETE) /.test(w ?? "")).length;
const waitFor = async (check: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function setup(sim: RouterOsSim, transport: "api" | "rest", prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  const { caller } = await userWithRole(tenant, "owner");
  const db = forTenant(tenant.id);
  const port = transport === "api" ? sim.apiPort! : sim.restPort!;
  const router = await caller.routers.create({ name: "Core", host: "127.0.0.1", transport, port, username: API_USER.name, password: API_USER.password, tlsVerify: false, mode: "api", location: null, notes: null, radiusSecret: null });
  const home = await caller.packages.create({ name: `Rumah ${tenant.slug}`, priceIdr: 150_000, speedDownKbps: 10_000, speedUpKbps: 5_000, type: "pppoe", taxable: false, description: null });
  const fast = await caller.packages.create({ name: `Cepat ${tenant.slug}`, priceIdr: 250_000, speedDownKbps: 20_000, speedUpKbps: 10_000, type: "pppoe", taxable: false, description: null });
  const newCustomer = async (name: string) => {
    const customer = await caller.customers.create({ name, billingDay: 1 });
    const subscription = await caller.subscriptions.create({ customerId: customer.id, packageId: home.id, startDate: today(), prorateFirstPeriod: false, discountIdr: 0, installationFeeIdr: 0 });
    return { customer, subscription };
  };
  const converge = (customerId: string) => convergeCustomer(db, networkActor(tenant.id), customerId);
  return { tenant, caller, db, router, home, fast, newCustomer, converge };
}

describe.each([
  ["api", "7.19.4 (stable)"],
  ["api", "7.16.2 (stable)"],
  ["rest", "7.19.4 (stable)"],
] as const)("provisioning over %s, RouterOS %s", (transport, version) => {
  let sim: RouterOsSim;
  beforeAll(async () => {
    sim = await startRouterOsSim({ version, users: [API_USER], restTls: certificate, reconnectDelayMs: 30 });
    sims.push(sim);
  });

  it("creates the secret once, moves and kicks on package change, isolates on the wire and restores", async () => {
    const t = await setup(sim, transport, `prov-${transport}`);
    const { customer, subscription } = await t.newCustomer("Budi Santoso");
    const first = await t.converge(customer.id);
    expect(first).toMatchObject({ accounts: 1, applied: 1, failed: 0 });

    const net = await t.caller.network.customer({ customerId: customer.id });
    const account = net.accounts[0]!;
    expect(account).toMatchObject({ kind: "pppoe", status: "applied", wantedAccess: "allowed", wantedProfile: profileNameOf(t.home), routerId: t.router.id });
    expect(account.username).toMatch(/^budi\d+$/);
    const secret = sim.model.list("/ppp/secret").find((s) => s.name === account.username)!;
    expect(secret).toMatchObject({ password: account.password, profile: profileNameOf(t.home), comment: `rrnet:sub:${subscription.id}`, service: "pppoe", disabled: "false" });
    expect(sim.model.list("/ppp/profile").find((p) => p.name === profileNameOf(t.home))?.["rate-limit"]).toBe("5M/10M");

    // Converged: the next run only reads.
    const before = writes(sim);
    expect((await t.converge(customer.id)).writes).toBe(0);
    expect(writes(sim)).toBe(before);

    // The CPE dials in.
    sim.model.addClient(account.username, account.password!);
    expect(sim.model.sessionProfile(account.username)).toBe(profileNameOf(t.home));
    expect((await t.caller.network.customer({ customerId: customer.id })).sessions).toMatchObject([{ username: account.username, kind: "pppoe" }]);

    // Package change: new profile, the session is kicked and redials into it.
    await t.caller.subscriptions.update({ id: subscription.id, packageId: t.fast.id });
    await t.converge(customer.id);
    expect(sim.model.list("/ppp/secret").find((s) => s.name === account.username)?.profile).toBe(profileNameOf(t.fast));
    await waitFor(() => sim.model.sessionProfile(account.username) === profileNameOf(t.fast));

    // Isolation: isolation profile (with its address list) and a kick; they redial into it.
    await t.caller.network.isolate({ customerId: customer.id });
    await t.converge(customer.id);
    expect(sim.model.list("/ppp/secret").find((s) => s.name === account.username)?.profile).toBe("isolir");
    expect(sim.model.list("/ppp/profile").find((p) => p.name === "isolir")).toMatchObject({ "address-list": "isolir", "rate-limit": "256k/256k" });
    await waitFor(() => sim.model.sessionProfile(account.username) === "isolir");
    const address = sim.model.list("/ppp/active").find((s) => s.name === account.username)!.address;
    await waitFor(() => sim.model.list("/ip/firewall/address-list").some((e) => e.list === "isolir" && e.address === address));
    const overview = await t.caller.network.overview();
    expect([overview.isolated, overview.isolatedOnWire, overview.problems]).toEqual([1, 1, 0]);

    // Restore: back to the package's profile, kicked again.
    await t.caller.network.restore({ customerId: customer.id });
    await t.converge(customer.id);
    expect(sim.model.list("/ppp/secret").find((s) => s.name === account.username)?.profile).toBe(profileNameOf(t.fast));
    await waitFor(() => sim.model.sessionProfile(account.username) === profileNameOf(t.fast));

    // Ending the subscription removes the secret and the session.
    await t.caller.subscriptions.update({ id: subscription.id, status: "ended", endDate: today() });
    await t.converge(customer.id);
    expect(sim.model.list("/ppp/secret").some((s) => s.name === account.username)).toBe(false);
  });

  it("gives a hotspot subscription its user: the client logs in, isolation kicks it into the isolation profile, restore back", async () => {
    const t = await setup(sim, transport, `hs-${transport}`);
    const daily = await t.caller.packages.create({ name: `Harian ${t.tenant.slug}`, priceIdr: 5_000, speedDownKbps: 5_000, speedUpKbps: 2_000, type: "hotspot", taxable: false, description: null });
    const customer = await t.caller.customers.create({ name: "Citra Lestari", billingDay: 1 });
    await t.caller.subscriptions.create({ customerId: customer.id, packageId: daily.id, startDate: today(), prorateFirstPeriod: false, discountIdr: 0, installationFeeIdr: 0 });
    expect(await t.converge(customer.id)).toMatchObject({ accounts: 1, applied: 1, failed: 0 });
    const account = (await t.caller.network.customer({ customerId: customer.id })).accounts[0]!;
    expect(account).toMatchObject({ kind: "hotspot", status: "applied", wantedProfile: profileNameOf(daily) });
    const user = () => sim.model.list("/ip/hotspot/user").find((u) => u.name === account.username);
    expect(user()).toMatchObject({ password: account.password, profile: profileNameOf(daily), disabled: "false" });
    expect(sim.model.list("/ip/hotspot/user/profile").find((p) => p.name === profileNameOf(daily))?.["rate-limit"]).toBe("2M/5M");

    // The phone logs in through the hotspot page: a live session RRNET sees on the customer and the router.
    sim.model.addHotspotClient(account.username, account.password!, "02:11:22:33:44:55");
    expect(sim.model.sessionProfile(account.username, "hotspot")).toBe(profileNameOf(daily));
    expect((await t.caller.network.customer({ customerId: customer.id })).sessions).toMatchObject([{ username: account.username, kind: "hotspot", callerId: "02:11:22:33:44:55" }]);
    const listed = await t.caller.network.sessions({ routerId: t.router.id });
    expect(listed.sessions.filter((s) => s.kind === "hotspot" && s.username === account.username)).toMatchObject([{ customerId: customer.id, customerName: "Citra Lestari" }]);

    // Isolated: the user moves to the isolation profile, the session is kicked, the login comes back into it (and its address list).
    await t.caller.network.isolate({ customerId: customer.id });
    expect((await t.converge(customer.id)).failed).toBe(0);
    expect(user()?.profile).toBe("isolir");
    expect(sim.model.list("/ip/hotspot/user/profile").find((p) => p.name === "isolir")).toMatchObject({ "address-list": "isolir" });
    await waitFor(() => sim.model.sessionProfile(account.username, "hotspot") === "isolir");
    const address = sim.model.list("/ip/hotspot/active").find((s) => s.user === account.username)!.address;
    expect(sim.model.list("/ip/firewall/address-list").some((e) => e.list === "isolir" && e.address === address)).toBe(true);
    expect((await t.caller.network.customer({ customerId: customer.id })).accounts[0]).toMatchObject({ appliedAccess: "isolated", isolationProblem: null });

    // Restored: back on the package's profile, off the list.
    await t.caller.network.restore({ customerId: customer.id });
    await t.converge(customer.id);
    expect(user()?.profile).toBe(profileNameOf(daily));
    await waitFor(() => sim.model.sessionProfile(account.username, "hotspot") === profileNameOf(daily));
    const back = sim.model.list("/ip/hotspot/active").find((s) => s.user === account.username)!.address;
    expect(sim.model.list("/ip/firewall/address-list").some((e) => e.list === "isolir" && e.address === back)).toBe(false);
  });

  it("flags an isolation the router did not take, with the reason, and clears it once it takes", async () => {
    const t = await setup(sim, transport, `prov-readback-${transport}`);
    const { customer } = await t.newCustomer("Sari Dewi");
    await t.converge(customer.id);
    const username = (await t.caller.network.customer({ customerId: customer.id })).accounts[0]!.username;
    sim.model.revertSetsOn.add(username);
    await t.caller.network.isolate({ customerId: customer.id });
    const error = await failure(t.converge(customer.id));
    expect(error.code).toBe("ROUTER_COMMAND_FAILED");
    const flagged = (await t.caller.network.customer({ customerId: customer.id })).accounts[0]!;
    expect(flagged).toMatchObject({ status: "failed", isolationProblem: "wrong_profile", wantedAccess: "isolated" });
    const overview = await t.caller.network.overview();
    expect([overview.isolated, overview.isolatedOnWire, overview.problems]).toEqual([1, 0, 1]);

    sim.model.revertSetsOn.delete(username);
    await t.converge(customer.id);
    expect((await t.caller.network.customer({ customerId: customer.id })).accounts[0]).toMatchObject({ status: "applied", isolationProblem: null });
    expect((await t.caller.network.overview()).isolatedOnWire).toBe(1);
  });
});

describe("faults and concurrency", () => {
  let sim: RouterOsSim;
  beforeAll(async () => {
    sim = await startRouterOsSim({ users: [API_USER], reconnectDelayMs: 30 });
    sims.push(sim);
  });

  it("a router unreachable mid-job fails the job (retried) and loses nothing: the next run converges", async () => {
    const t = await setup(sim, "api", "prov-down");
    const { customer } = await t.newCustomer("Andi");
    sim.faults.reachability = "refuse";
    sim.dropConnections();
    try {
      expect((await failure(t.converge(customer.id))).code).toBe("ROUTER_UNREACHABLE");
    } finally {
      sim.faults.reachability = "ok";
    }
    const pending = (await t.caller.network.customer({ customerId: customer.id }).catch(() => null))?.accounts[0];
    expect(pending).toMatchObject({ status: "failed", lastError: "ROUTER_UNREACHABLE" });
    await t.converge(customer.id);
    const account = (await t.caller.network.customer({ customerId: customer.id })).accounts[0]!;
    expect(account.status).toBe("applied");
    expect(sim.model.list("/ppp/secret").filter((s) => s.name === account.username)).toHaveLength(1);
  });

  it("two converges of one customer at once run one after the other: one secret, no duplicate add", async () => {
    const t = await setup(sim, "api", "prov-twice");
    const { customer } = await t.newCustomer("Rina");
    const results = await Promise.all([t.converge(customer.id), t.converge(customer.id)]);
    expect(results.map((r) => r.failed)).toEqual([0, 0]);
    expect(results.map((r) => r.writes > 0).sort()).toEqual([false, true]);
    const username = (await t.caller.network.customer({ customerId: customer.id })).accounts[0]!.username;
    expect(sim.model.list("/ppp/secret").filter((s) => s.name === username)).toHaveLength(1);
  });

  it("shows the password to network.manage roles only, and another tenant sees nothing", async () => {
    const t = await setup(sim, "api", "prov-roles");
    const { customer } = await t.newCustomer("Joko");
    await t.converge(customer.id);
    const { caller: technician } = await userWithRole(t.tenant, "technician");
    expect((await technician.network.customer({ customerId: customer.id })).accounts[0]!.password).toMatch(/^[a-z2-9]{10}$/);
    const { caller: finance } = await userWithRole(t.tenant, "finance");
    expect((await failure(finance.network.customer({ customerId: customer.id }))).code).toBe("FORBIDDEN");
    const { caller: collector } = await userWithRole(t.tenant, "collector");
    expect((await failure(collector.network.sessions({ routerId: t.router.id }))).code).toBe("FORBIDDEN");

    const other = await createTenantWithUser("prov-other", "admin");
    const { caller: stranger } = await userWithRole(other.tenant, "owner");
    expect((await failure(stranger.network.customer({ customerId: customer.id }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.network.sessions({ routerId: t.router.id }))).code).toBe("NOT_FOUND");
    expect((await failure(stranger.network.fixDrift({ routerId: t.router.id, fix: "all" }))).code).toBe("NOT_FOUND");
  });

  it("a changed password reaches the router", async () => {
    const t = await setup(sim, "api", "prov-pass");
    const { customer } = await t.newCustomer("Tono");
    await t.converge(customer.id);
    const account = (await t.caller.network.customer({ customerId: customer.id })).accounts[0]!;
    const { password } = await t.caller.network.changePassword({ customerId: customer.id, accountId: account.id, password: "Baru-12345" });
    expect(password).toBe("Baru-12345");
    await t.converge(customer.id);
    expect(sim.model.list("/ppp/secret").find((s) => s.name === account.username)?.password).toBe("Baru-12345");
  });
});
