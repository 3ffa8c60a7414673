// Packages as router profiles: every active package gets its profile with the package's rate
// limit (rx/tx: the client's upload first), a dry run changes nothing, a second run sends no
// write, a speed change is one set, and a same-named profile RRNET did not make is left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";
import { startRouterOsSim, type RouterOsSim } from "@/sim/routeros/routeros-sim";
import { routerPool } from "../driver/router-pool";
import { profileNameOf, rateLimitOf } from "../package-profiles";

const API_USER = { name: "rrnet", password: "api-pass-123", group: "full" };
let sim: RouterOsSim;

beforeAll(async () => {
  sim = await startRouterOsSim({ users: [API_USER] });
});
afterAll(async () => {
  await routerPool().closeAll();
  await sim.close();
  await closeConnections();
});

const pkg = (name: string, down: number, up: number, type: "pppoe" | "hotspot" = "pppoe") => ({ name, priceIdr: 100_000, speedDownKbps: down, speedUpKbps: up, type, taxable: false, description: null });

describe("package profile names and rate limits", () => {
  it("name the profile after the package and put the client's upload first", () => {
    expect(profileNameOf({ name: "Rumah 10 Mbps" })).toBe("rrnet-rumah-10-mbps");
    expect(rateLimitOf({ speedDownKbps: 10_000, speedUpKbps: 5_000 })).toBe("5M/10M");
    expect(rateLimitOf({ speedDownKbps: 1_500, speedUpKbps: 512 })).toBe("512k/1500k");
  });
});

describe("syncing packages to a router", () => {
  it("adds what is missing, then sends no write at all, then one set for a changed speed", async () => {
    const { tenant } = await createTenantWithUser("prof-sync", "admin");
    const { caller } = await userWithRole(tenant, "owner");
    const router = await caller.routers.create({ name: "R1", host: "127.0.0.1", transport: "api", port: sim.apiPort!, username: API_USER.name, password: API_USER.password, tlsVerify: false, mode: "api", location: null, notes: null, radiusSecret: null });
    const home = await caller.packages.create(pkg(`Rumah ${tenant.slug}`, 10_000, 5_000));
    await caller.packages.create(pkg(`Voucher ${tenant.slug}`, 2_000, 1_000, "hotspot"));

    const dry = await caller.routers.syncProfiles({ routerId: router.id, dryRun: true });
    expect(dry.pppoe.add).toEqual([{ packageId: home.id, name: profileNameOf(home), rateLimit: "5M/10M" }]);
    expect(sim.model.list("/ppp/profile").some((p) => p.name === profileNameOf(home))).toBe(false);

    const first = await caller.routers.syncProfiles({ routerId: router.id, dryRun: false });
    expect([first.pppoe.add.length, first.hotspot.add.length]).toEqual([1, 1]);
    expect(sim.model.list("/ppp/profile").find((p) => p.name === profileNameOf(home))).toMatchObject({ "rate-limit": "5M/10M", comment: `rrnet:package:${home.id}` });

    const writes = () => sim.commands.filter(([w]) => /\/(add|set|remove)$/.test(w ?? "")).length;
    const before = writes();
    const second = await caller.routers.syncProfiles({ routerId: router.id, dryRun: false });
    expect(writes()).toBe(before);
    expect([second.pppoe.unchanged, second.hotspot.unchanged, second.commands]).toEqual([1, 1, 2]);

    await caller.packages.update({ ...pkg(`Rumah ${tenant.slug}`, 20_000, 10_000), id: home.id, active: true });
    const third = await caller.routers.syncProfiles({ routerId: router.id, dryRun: false });
    expect(third.pppoe.set).toMatchObject([{ name: profileNameOf(home), rateLimit: "10M/20M", from: "5M/10M" }]);
    expect(writes()).toBe(before + 1);
  });

  it("leaves a same-named profile RRNET did not make alone", async () => {
    const { tenant } = await createTenantWithUser("prof-conflict", "admin");
    const { caller } = await userWithRole(tenant, "owner");
    const router = await caller.routers.create({ name: "R1", host: "127.0.0.1", transport: "api", port: sim.apiPort!, username: API_USER.name, password: API_USER.password, tlsVerify: false, mode: "api", location: null, notes: null, radiusSecret: null });
    const home = await caller.packages.create(pkg(`Bisnis ${tenant.slug}`, 50_000, 25_000));
    sim.model.add("/ppp/profile", { name: profileNameOf(home), "rate-limit": "1M/1M" });
    const result = await caller.routers.syncProfiles({ routerId: router.id, dryRun: false });
    expect(result.pppoe.conflicts).toEqual([{ packageId: home.id, name: profileNameOf(home) }]);
    expect(sim.model.list("/ppp/profile").find((p) => p.name === profileNameOf(home))?.["rate-limit"]).toBe("1M/1M");
  });
});
