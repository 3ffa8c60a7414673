// Service packages: names unique per tenant (not across tenants), integer prices within range,
// delete only when never subscribed (deactivate otherwise), and who may change them.
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";
import { formatSpeed, mbpsToKbps } from "../packages.schema";
import { formatRupiah } from "@/components/ui/format";

afterAll(closeConnections);

const home20 = { name: "Home 20M", priceIdr: 150_000, speedDownKbps: 20_000, speedUpKbps: 5_000, type: "pppoe" as const, taxable: true, description: "Rumah" };

async function ownerOf(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  return { tenant, ...(await userWithRole(tenant, "owner")) };
}

describe("package names", () => {
  it("two tenants may both sell a package named Home 20M", async () => {
    const a = await ownerOf("pkg-name-a");
    const b = await ownerOf("pkg-name-b");
    await expect(a.caller.packages.create(home20)).resolves.toMatchObject({ name: "Home 20M", active: true, subscriberCount: 0 });
    await expect(b.caller.packages.create(home20)).resolves.toMatchObject({ name: "Home 20M" });
  });

  it("a second Home 20M in one tenant answers CONFLICT, on create and on rename", async () => {
    const a = await ownerOf("pkg-dup");
    await a.caller.packages.create(home20);
    expect((await failure(a.caller.packages.create({ ...home20, name: "  Home 20M " }))).code).toBe("CONFLICT");
    const other = await a.caller.packages.create({ ...home20, name: "Home 50M" });
    expect((await failure(a.caller.packages.update({ ...home20, id: other.id }))).code).toBe("CONFLICT");
  });
});

describe("package prices", () => {
  it("refuses fractional, negative and too large prices and fractional speeds", async () => {
    const a = await ownerOf("pkg-price");
    for (const bad of [{ priceIdr: 150_000.5 }, { priceIdr: -1 }, { priceIdr: 100_000_001 }, { speedDownKbps: 20_000.5 }]) {
      const error = await failure(a.caller.packages.create({ ...home20, ...bad }));
      expect(error.code).toBe("VALIDATION_FAILED");
    }
    expect(await a.caller.packages.list()).toEqual([]);
    await expect(a.caller.packages.create({ ...home20, priceIdr: 100_000_000 })).resolves.toMatchObject({ priceIdr: 100_000_000 });
  });
});

describe("removing a package", () => {
  it("deletes a package never subscribed to, and deactivates one with subscriptions", async () => {
    const a = await ownerOf("pkg-remove");
    const unused = await a.caller.packages.create({ ...home20, name: "Unused" });
    expect(await a.caller.packages.remove({ id: unused.id })).toEqual({ outcome: "deleted", id: unused.id });

    const used = await a.caller.packages.create(home20);
    const db = forTenant(a.tenant.id);
    const customer = await db.customer.create({ data: { tenantId: a.tenant.id, number: 1, name: "Budi" } });
    await a.caller.subscriptions.create({ customerId: customer.id, packageId: used.id, startDate: "2026-03-10", prorateFirstPeriod: true, discountIdr: 0, installationFeeIdr: 0 });
    const result = await a.caller.packages.remove({ id: used.id });
    expect(result).toMatchObject({ outcome: "deactivated", package: { active: false, subscriberCount: 1, subscriptionCount: 1 } });
    expect(await db.servicePackage.count()).toBe(1);
  });

  it("another tenant's package is NOT_FOUND", async () => {
    const a = await ownerOf("pkg-x-a");
    const b = await ownerOf("pkg-x-b");
    const pkg = await a.caller.packages.create(home20);
    expect((await failure(b.caller.packages.remove({ id: pkg.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.packages.update({ ...home20, id: pkg.id, priceIdr: 1 }))).code).toBe("NOT_FOUND");
    expect(await a.caller.packages.list()).toMatchObject([{ id: pkg.id, priceIdr: 150_000 }]);
  });
});

describe("who may see and change packages", () => {
  it("a technician reads the list but cannot create; finance can", async () => {
    const a = await ownerOf("pkg-roles");
    const tech = await userWithRole(a.tenant, "technician");
    const finance = await userWithRole(a.tenant, "finance");
    await finance.caller.packages.create(home20);
    expect((await tech.caller.packages.list()).map((p) => p.name)).toEqual(["Home 20M"]);
    expect((await failure(tech.caller.packages.create({ ...home20, name: "X" }))).code).toBe("FORBIDDEN");
  });
});

describe("speeds and prices as shown and entered", () => {
  it("Mbps with at most one decimal becomes integer kbps; anything else is refused", () => {
    expect(["20", "2.5", "0,5", " 100 "].map(mbpsToKbps)).toEqual([20_000, 2_500, 500, 100_000]);
    expect(["2.55", "-1", "abc", ""].map(mbpsToKbps)).toEqual([null, null, null, null]);
    expect(formatSpeed(20_000, 5_000)).toBe("20/5 Mbps");
    expect(formatRupiah(150_000)).toBe("Rp 150.000");
  });
});
