// Subscriptions: a customer on an active package of the same tenant, discounts within the price,
// real calendar dates, pause/resume/end rules, and the first-period charge shown with each.
import { afterAll, describe, expect, it } from "vitest";
import { forTenant } from "@/server/db";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { localizeError } from "@/server/errors/localize";
import { closeConnections } from "@/server/testing/lifecycle";
import { isProratedFirstPeriod } from "../proration";

afterAll(closeConnections);

const home20 = { name: "Home 20M", priceIdr: 150_000, speedDownKbps: 20_000, speedUpKbps: 5_000, type: "pppoe" as const, taxable: true };

/** A tenant with an owner, a Home 20M package and a customer billed on the 1st. */
async function setup(prefix: string) {
  const { tenant } = await createTenantWithUser(prefix, "admin");
  const owner = await userWithRole(tenant, "owner");
  const pkg = await owner.caller.packages.create(home20);
  const customer = await forTenant(tenant.id).customer.create({ data: { tenantId: tenant.id, number: 1, name: "Siti", billingDay: 1 } });
  const input = { customerId: customer.id, packageId: pkg.id, startDate: "2026-02-15", prorateFirstPeriod: true, discountIdr: 0, installationFeeIdr: 250_000 };
  return { tenant, owner, caller: owner.caller, pkg, customer, input };
}

describe("creating a subscription", () => {
  it("stores the calendar start date and shows the prorated first period", async () => {
    const { caller, customer, input } = await setup("sub-create");
    const sub = await caller.subscriptions.create(input);
    expect(sub).toMatchObject({ startDate: "2026-02-15", endDate: null, status: "active", installationFeeIdr: 250_000, billingDay: 1, firstPeriodChargeIdr: 75_000 });
    const list = await caller.subscriptions.listForCustomer({ customerId: customer.id });
    expect(list.subscriptions.map((s) => s.id)).toEqual([sub.id]);
  });

  it("a first period starting on the billing day is a full period, not prorated; a later start is", async () => {
    const { caller, input } = await setup("sub-full");
    const full = await caller.subscriptions.create({ ...input, startDate: "2026-03-01" });
    expect(full).toMatchObject({ firstPeriodChargeIdr: 150_000, firstPeriodDaysUsed: 31, firstPeriodDays: 31 });
    expect(isProratedFirstPeriod(full)).toBe(false);
    const late = await caller.subscriptions.create({ ...input, startDate: "2026-02-15" });
    expect(late).toMatchObject({ firstPeriodDaysUsed: 14, firstPeriodDays: 28 });
    expect(isProratedFirstPeriod(late)).toBe(true);
    expect(isProratedFirstPeriod({ ...late, prorateFirstPeriod: false })).toBe(false);
  });

  it("refuses an inactive package", async () => {
    const { caller, pkg, input } = await setup("sub-inactive");
    await caller.packages.update({ ...home20, id: pkg.id, active: false });
    const error = await failure(caller.subscriptions.create(input));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { reason: "package_inactive" } });
    // Named on its field, in the user's language.
    expect(localizeError(error, "id")).toMatchObject({
      error: "Paket ini sudah tidak ditawarkan. Pilih paket yang aktif.",
      details: { fields: { packageId: ["Paket ini sudah tidak ditawarkan. Pilih paket yang aktif."] } },
    });
    expect(localizeError(error, "en").details?.fields).toEqual({ packageId: ["This package is no longer offered. Choose an active package."] });
  });

  it("refuses a discount above the package price, accepts one equal to it", async () => {
    const { caller, input } = await setup("sub-discount");
    expect((await failure(caller.subscriptions.create({ ...input, discountIdr: 150_001 }))).details).toMatchObject({ reason: "discount_above_price" });
    await expect(caller.subscriptions.create({ ...input, discountIdr: 150_000 })).resolves.toMatchObject({ firstPeriodChargeIdr: 0 });
  });

  it("refuses a date that does not exist and fractional money", async () => {
    const { caller, input } = await setup("sub-date");
    const error = await failure(caller.subscriptions.create({ ...input, startDate: "2026-02-30" }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details).toMatchObject({ fields: { startDate: expect.any(Array) } });
    expect((await failure(caller.subscriptions.create({ ...input, installationFeeIdr: 10.5 }))).code).toBe("VALIDATION_FAILED");
  });
});

describe("across tenants", () => {
  it("tenant B cannot subscribe tenant A's customer, nor use A's package, nor see or change A's subscriptions", async () => {
    const a = await setup("sub-x-a");
    const b = await setup("sub-x-b");
    const aSub = await a.caller.subscriptions.create(a.input);
    expect((await failure(b.caller.subscriptions.create({ ...b.input, customerId: a.customer.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.subscriptions.create({ ...b.input, packageId: a.pkg.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.subscriptions.listForCustomer({ customerId: a.customer.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.caller.subscriptions.update({ id: aSub.id, status: "paused" }))).code).toBe("NOT_FOUND");
    expect((await failure(a.caller.subscriptions.update({ id: aSub.id, packageId: b.pkg.id }))).code).toBe("NOT_FOUND");
    expect(await forTenant(b.tenant.id).subscription.count()).toBe(0);
    expect((await a.caller.subscriptions.listForCustomer({ customerId: a.customer.id })).subscriptions).toMatchObject([{ status: "active", packageId: a.pkg.id }]);
  });
});

describe("changing a subscription", () => {
  it("changes package and discount, pauses, resumes and ends", async () => {
    const { caller, input } = await setup("sub-change");
    const sub = await caller.subscriptions.create(input);
    const pro = await caller.packages.create({ ...home20, name: "Pro 50M", priceIdr: 300_000 });
    await expect(caller.subscriptions.update({ id: sub.id, packageId: pro.id, discountIdr: 200_000 })).resolves.toMatchObject({ packageName: "Pro 50M", discountIdr: 200_000, firstPeriodChargeIdr: 50_000 });
    await expect(caller.subscriptions.update({ id: sub.id, status: "paused" })).resolves.toMatchObject({ status: "paused" });
    await expect(caller.subscriptions.update({ id: sub.id, status: "active" })).resolves.toMatchObject({ status: "active" });
    await expect(caller.subscriptions.update({ id: sub.id, status: "ended", endDate: "2026-02-15" })).resolves.toMatchObject({ status: "ended", endDate: "2026-02-15" });
    expect((await failure(caller.subscriptions.update({ id: sub.id, status: "active" }))).code).toBe("CONFLICT");
  });

  it("refuses an end date before the start date, an end without a date, and a discount above a new package's price", async () => {
    const { caller, input } = await setup("sub-end");
    const sub = await caller.subscriptions.create({ ...input, discountIdr: 100_000 });
    expect((await failure(caller.subscriptions.update({ id: sub.id, status: "ended", endDate: "2026-02-14" }))).details).toMatchObject({ reason: "end_before_start" });
    expect((await failure(caller.subscriptions.update({ id: sub.id, status: "ended" }))).details).toMatchObject({ reason: "end_date_required" });
    const cheap = await caller.packages.create({ ...home20, name: "Lite 5M", priceIdr: 50_000 });
    expect((await failure(caller.subscriptions.update({ id: sub.id, packageId: cheap.id }))).details).toMatchObject({ reason: "discount_above_price" });
    expect((await caller.subscriptions.listForCustomer({ customerId: input.customerId })).subscriptions[0]).toMatchObject({ status: "active", packageName: "Home 20M" });
  });

  it("a collector sees subscriptions but cannot create one", async () => {
    const { tenant, caller, input } = await setup("sub-roles");
    await caller.subscriptions.create(input);
    const collector = await userWithRole(tenant, "collector");
    expect((await collector.caller.subscriptions.listForCustomer({ customerId: input.customerId })).subscriptions).toHaveLength(1);
    expect((await failure(collector.caller.subscriptions.create(input))).code).toBe("FORBIDDEN");
  });
});
