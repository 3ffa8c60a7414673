// `%` and `_` in a search are the text typed, not LIKE wildcards (issue 10 §4): customers by
// name, invoices by customer name, and the console's tenant list.
import { afterAll, describe, expect, it } from "vitest";
import { platformCaller, userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

async function owner(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  return { tenant, ...(await userWithRole(tenant, "owner")) };
}

describe("search wildcards", () => {
  it("a customer search for '50%' or 'a_b' finds only the names that contain that text", async () => {
    const a = await owner("like-cust");
    for (const name of ["Diskon 50% Budi", "Diskon 500 Sari", "Toko a_b", "Toko axb", "Back\\slash"]) await a.caller.customers.create({ name });
    const names = async (q: string) => (await a.caller.customers.list({ q })).items.map((r) => r.name).sort();
    expect(await names("50%")).toEqual(["Diskon 50% Budi"]);
    expect(await names("a_b")).toEqual(["Toko a_b"]);
    expect(await names("%")).toEqual(["Diskon 50% Budi"]);
    expect(await names("k\\s")).toEqual(["Back\\slash"]);
  });

  it("an invoice search by customer name treats '_' as text", async () => {
    const a = await owner("like-inv");
    const exact = await a.caller.customers.create({ name: "Warung_Ani" });
    const other = await a.caller.customers.create({ name: "WarungXAni" });
    for (const c of [exact, other]) {
      await a.caller.billing.invoices.createManual({ customerId: c.id, lines: [{ description: "Internet", quantity: 1, unitPriceIdr: 100_000 }], issue: true });
    }
    const found = await a.caller.billing.invoices.list({ search: "Warung_Ani" });
    expect(found.rows.map((r) => r.customerName)).toEqual(["Warung_Ani"]);
  });

  it("the console's tenant search treats '_' as text", async () => {
    await createTenantWithUser("like_ten");
    await createTenantWithUser("likexten");
    const { caller } = await platformCaller();
    const page = await caller.platform.tenants.list({ search: "like_ten" });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => r.slug.includes("like_ten") || r.name.toLowerCase().includes("like_ten"))).toBe(true);
  });
});
