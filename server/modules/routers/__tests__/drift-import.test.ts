// Drift between RRNET and a router (against the simulator): the dry run lists missing, extra,
// wrong profile / password / disabled and leaves the router alone; fixing one item writes once;
// fixing all converges, and the next reconcile is two reads and no write. Import adopts the
// router's own secrets as customers and subscriptions, and importing again changes nothing.
// The onboarding script carries the API user, isolation list and CoA.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser, testPlanId } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";
import { startRouterOsSim, type RouterOsSim } from "@/sim/routeros/routeros-sim";
import { routerPool } from "../driver/router-pool";
import { convergeCustomer, networkActor } from "../provisioning.service";
import { speedsOf } from "../import.service";

const API_USER = { name: "rrnet", password: "api-pass-123", group: "full" };
let sim: RouterOsSim;
beforeAll(async () => {
  sim = await startRouterOsSim({ users: [API_USER], reconnectDelayMs: 30 });
});
afterAll(async () => {
  await routerPool().closeAll();
  await sim.close();
  await closeConnections();
});

const today = () => new Date().toISOString().slice(0, 10);
const writes = () => sim.commands.filter(([w]) => /\/(add|set|remove)$/.test(w ?? "")).length;

async function tenantWithRouter(prefix: string, planId?: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin", planId);
  const { caller } = await userWithRole(tenant, "owner");
  const router = await caller.routers.create({ name: "Core", host: "127.0.0.1", transport: "api", port: sim.apiPort!, username: API_USER.name, password: API_USER.password, tlsVerify: false, mode: "api", location: null, notes: null, radiusSecret: null });
  return { tenant, caller, router, db: forTenant(tenant.id) };
}

describe("drift", () => {
  it("reports every kind, fixes one, then all, and a converged router costs two reads", async () => {
    const t = await tenantWithRouter("drift");
    const pkg = await t.caller.packages.create({ name: `Rumah ${t.tenant.slug}`, priceIdr: 150_000, speedDownKbps: 10_000, speedUpKbps: 5_000, type: "pppoe", taxable: false, description: null });
    const names: string[] = [];
    for (const name of ["Ani", "Beni", "Cici", "Dodi"]) {
      const customer = await t.caller.customers.create({ name, billingDay: 1 });
      await t.caller.subscriptions.create({ customerId: customer.id, packageId: pkg.id, startDate: today(), prorateFirstPeriod: false, discountIdr: 0, installationFeeIdr: 0 });
      await convergeCustomer(t.db, networkActor(t.tenant.id), customer.id);
      names.push((await t.caller.network.customer({ customerId: customer.id })).accounts[0]!.username);
    }
    const secrets = () => sim.model.list("/ppp/secret");
    const idOf = (name: string) => secrets().find((s) => s.name === name)![".id"]!;
    sim.model.set("/ppp/secret", idOf(names[0]!), { password: "changed-by-hand" });
    sim.model.set("/ppp/secret", idOf(names[1]!), { profile: "default", disabled: "yes" });
    sim.model.remove("/ppp/secret", [idOf(names[2]!)]);
    sim.model.add("/ppp/secret", { name: "ghost", password: "x", comment: "rrnet:sub:00000000-0000-4000-8000-000000000000" });
    sim.model.add("/ppp/secret", { name: "tetangga", password: "y" });

    const before = writes();
    const dry = await t.caller.network.drift({ routerId: t.router.id });
    expect(writes()).toBe(before);
    const kinds = Object.fromEntries(dry.items.map((i) => [i.username, i.kinds]));
    expect(kinds).toEqual({ [names[0]!]: ["wrong_password"], [names[1]!]: ["wrong_profile", "wrong_disabled"], ghost: ["extra"], [names[2]!]: ["missing"] });
    expect(dry.unmanaged).toEqual([{ kind: "pppoe", username: "tetangga" }]);
    expect(JSON.stringify(dry)).not.toContain("changed-by-hand");
    expect((await t.caller.routers.get({ id: t.router.id })).router.driftCount).toBe(4);

    const one = await t.caller.network.fixDrift({ routerId: t.router.id, fix: [`pppoe:${names[0]}`] });
    expect(one.fixed).toEqual([`pppoe:${names[0]}`]);
    expect(writes()).toBe(before + 1);

    const all = await t.caller.network.fixDrift({ routerId: t.router.id, fix: "all" });
    expect(all.fixed).toHaveLength(3);
    expect(secrets().some((s) => s.name === "ghost")).toBe(false);
    expect(secrets().find((s) => s.name === "tetangga")).toBeDefined();
    expect(secrets().find((s) => s.name === names[1])).toMatchObject({ disabled: "false" });

    const afterFix = writes();
    const clean = await t.caller.network.drift({ routerId: t.router.id });
    expect([clean.items.length, clean.commands, writes() - afterFix]).toEqual([0, 2, 0]);
    expect((await t.caller.routers.get({ id: t.router.id })).router.driftCount).toBe(0);
  });
});

describe("import from a router", () => {
  it("reads rate limits as RouterOS does (upload first)", () => {
    expect(speedsOf("5M/10M")).toEqual({ speedUpKbps: 5000, speedDownKbps: 10000 });
    expect(speedsOf("512k/2M 1M/4M 256k/1M 8")).toEqual({ speedUpKbps: 512, speedDownKbps: 2000 });
    expect(speedsOf(undefined)).toBeNull();
    // A router's reply beyond a package's limit (or an Int column) is not a speed to import.
    expect(speedsOf("3000G/3000G")).toBeNull();
    expect(speedsOf("10G/10G")).toEqual({ speedUpKbps: 10_000_000, speedDownKbps: 10_000_000 });
  });

  it("adopts the router's secrets as customers and subscriptions, once", async () => {
    const t = await tenantWithRouter("import");
    const profile = `paket-${t.tenant.slug}`.slice(0, 40);
    sim.model.add("/ppp/profile", { name: profile, "rate-limit": "3M/6M" });
    for (const [name, comment] of [["imp-a", "Bu Ani"], ["imp-b", ""], ["imp-c", "Pak Cahyo"]]) sim.model.add("/ppp/secret", { name: `${name}-${t.tenant.slug}`, password: "p4ss", profile, comment: comment! });

    const preview = await t.caller.network.importPreview({ routerId: t.router.id });
    const group = preview.profiles.find((p) => p.profile === profile)!;
    expect(group).toMatchObject({ kind: "pppoe", entries: 3, packageId: null, speedUpKbps: 3000, speedDownKbps: 6000 });

    const mapping = [{ kind: "pppoe" as const, profile, packageId: null, newPackagePriceIdr: 120_000 }];
    const first = await t.caller.network.import({ routerId: t.router.id, mappings: mapping, startDate: today() });
    expect(first).toMatchObject({ customers: 3, subscriptions: 3, packages: 1 });
    const adopted = sim.model.list("/ppp/secret").find((s) => s.name === `imp-a-${t.tenant.slug}`)!;
    expect(adopted.comment).toMatch(/^rrnet:sub:/);

    const second = await t.caller.network.import({ routerId: t.router.id, mappings: mapping, startDate: today() });
    expect(second).toMatchObject({ customers: 0, subscriptions: 0 });
    const page = await t.caller.customers.list({});
    expect(page.items.map((c) => c.name).sort()).toEqual(["Bu Ani", "Pak Cahyo", `imp-b-${t.tenant.slug}`].sort());

    // Adopted entries converge with no write: the password and profile RRNET now holds are the router's.
    const before = writes();
    for (const c of page.items) await convergeCustomer(t.db, networkActor(t.tenant.id), c.id);
    expect(writes()).toBe(before);
  });
  it("is all or nothing: an import that passes the plan's customer limit midway creates no customer, package or adoption", async () => {
    const t = await tenantWithRouter("impall", await testPlanId({ code: "test-two-customers", maxCustomers: 2 }));
    const profile = `all-${t.tenant.slug}`.slice(0, 40);
    sim.model.add("/ppp/profile", { name: profile, "rate-limit": "2M/4M" });
    for (const n of [1, 2, 3]) sim.model.add("/ppp/secret", { name: `all${n}-${t.tenant.slug}`, password: "p4ss", profile });
    const before = writes();
    const mappings = [{ kind: "pppoe" as const, profile, packageId: null, newPackagePriceIdr: 100_000 }];
    expect(await failure(t.caller.network.import({ routerId: t.router.id, mappings, startDate: today() }))).toMatchObject({ code: "PLAN_LIMIT_EXCEEDED" });
    expect((await t.caller.customers.list({})).items).toHaveLength(0);
    expect((await t.caller.packages.list()).filter((p) => p.name === profile)).toHaveLength(0);
    expect(writes()).toBe(before);
    expect(sim.model.list("/ppp/secret").filter((s) => s.name?.endsWith(t.tenant.slug)).every((s) => !s.comment?.startsWith("rrnet:"))).toBe(true);
  });
  it("imports a secret disabled on the router as a paused subscription, and the converge leaves it disabled", async () => {
    const t = await tenantWithRouter("impoff");
    const profile = `off-${t.tenant.slug}`.slice(0, 40);
    const name = `cut-${t.tenant.slug}`;
    sim.model.add("/ppp/profile", { name: profile, "rate-limit": "2M/4M" });
    sim.model.add("/ppp/secret", { name, password: "p4ss", profile, disabled: "yes", comment: "Pak Nunggak" });
    const result = await t.caller.network.import({ routerId: t.router.id, mappings: [{ kind: "pppoe", profile, packageId: null, newPackagePriceIdr: 100_000 }], startDate: today() });
    expect(result).toMatchObject({ customers: 1, subscriptions: 1 });
    const [customer] = (await t.caller.customers.list({})).items;
    const [subscription] = (await t.caller.subscriptions.listForCustomer({ customerId: customer!.id })).subscriptions;
    expect(subscription!.status).toBe("paused");
    await convergeCustomer(t.db, networkActor(t.tenant.id), customer!.id);
    // The old system had cut this subscriber off: RRNET does not let them back in by itself.
    expect(sim.model.list("/ppp/secret").find((s) => s.name === name)).toMatchObject({ disabled: "true", comment: expect.stringMatching(/^rrnet:sub:/) });
  });
  it("imports a PPP secret and a hotspot user of the same name once (usernames are the tenant's)", async () => {
    const t = await tenantWithRouter("impdup");
    const profile = `dup-${t.tenant.slug}`.slice(0, 40);
    const name = `twin-${t.tenant.slug}`;
    sim.model.add("/ppp/profile", { name: profile, "rate-limit": "2M/4M" });
    sim.model.add("/ip/hotspot/user/profile", { name: `${profile}-hs`, "rate-limit": "2M/4M" });
    sim.model.add("/ppp/secret", { name, password: "p4ss", profile });
    sim.model.add("/ip/hotspot/user", { name, password: "p4ss", profile: `${profile}-hs` });
    const mappings = [
      { kind: "pppoe" as const, profile, packageId: null, newPackagePriceIdr: 100_000 },
      { kind: "hotspot" as const, profile: `${profile}-hs`, packageId: null, newPackagePriceIdr: 100_000 },
    ];
    const result = await t.caller.network.import({ routerId: t.router.id, mappings, startDate: today() });
    expect(result).toMatchObject({ customers: 1, subscriptions: 1 });
    const preview = await t.caller.network.importPreview({ routerId: t.router.id });
    // The PPP secret is adopted (RRNET's now); the hotspot user of that name shows as imported.
    expect(preview.entries.filter((e) => e.username === name).map((e) => [e.kind, e.alreadyImported])).toEqual([["hotspot", true]]);
  });
  it("never puts hotspot users on a PPPoE package that happens to share their profile's name", async () => {
    const t = await tenantWithRouter("impkind");
    const profile = `kind-${t.tenant.slug}`.slice(0, 40);
    await t.caller.packages.create({ name: profile, priceIdr: 100_000, speedDownKbps: 4_000, speedUpKbps: 2_000, type: "pppoe", taxable: false, description: null });
    sim.model.add("/ip/hotspot/user/profile", { name: profile, "rate-limit": "2M/4M" });
    sim.model.add("/ip/hotspot/user", { name: `hs-${t.tenant.slug}`, password: "p4ss", profile });
    const mappings = [{ kind: "hotspot" as const, profile, packageId: null, newPackagePriceIdr: 100_000 }];
    await expect(t.caller.network.import({ routerId: t.router.id, mappings, startDate: today() })).rejects.toThrow(/packages.errors.nameTaken/);
    expect((await t.caller.customers.list({})).items).toHaveLength(0);
  });
});

describe("onboarding script", () => {
  it("sets up the API user with the api policy, the isolation list and CoA", async () => {
    const t = await tenantWithRouter("onboard");
    const { filename, script } = await t.caller.network.onboardingScript({ routerId: t.router.id });
    expect(filename).toBe("rrnet-core.rsc");
    expect(script).toContain("/user group add name=rrnet-api policy=read,write,api");
    expect(script).toContain(`/user add name="${API_USER.name}" group=rrnet-api`);
    expect(script).toContain('address-list="isolir"');
    expect(script).toContain("/radius incoming set accept=yes port=3799");
    expect(script).not.toContain(API_USER.password);
  });

  it("redirects the walled garden to the pay page set in the network settings, the ISP's host until one is set", async () => {
    const t = await tenantWithRouter("walled");
    const before = await t.caller.network.settings();
    expect(before).toMatchObject({ isolationMode: "isolate", isolationAddressList: "isolir", isolationRedirectUrl: null });
    expect((await t.caller.network.onboardingScript({ routerId: t.router.id })).script).toContain(`action-data="${before.defaultRedirectUrl}"`);

    const { defaultRedirectUrl: _default, ...settings } = before;
    const saved = await t.caller.network.updateSettings({ ...settings, isolationAddressList: "telat-bayar", isolationRedirectUrl: "https://bayar.contoh.id/tagihan" });
    expect(saved).toMatchObject({ isolationAddressList: "telat-bayar", isolationRedirectUrl: "https://bayar.contoh.id/tagihan" });
    const { script } = await t.caller.network.onboardingScript({ routerId: t.router.id });
    expect(script).toContain('action-data="https://bayar.contoh.id/tagihan"');
    expect(script).toContain('/ip firewall address-list add list=rrnet-pay-page address="bayar.contoh.id"');
    expect(script).toContain('src-address-list="telat-bayar"');
    expect((await failure(t.caller.network.updateSettings({ ...settings, isolationRedirectUrl: "javascript:alert(1)" }))).code).toBe("VALIDATION_FAILED");
    const { caller: technician } = await userWithRole(t.tenant, "technician");
    expect((await failure(technician.network.updateSettings({ ...settings, isolationRedirectUrl: null }))).code).toBe("FORBIDDEN");
  });
});
