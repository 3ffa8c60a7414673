// A feature the tenant's plan lacks answers FEATURE_NOT_IN_PLAN; an add-on that brings it opens it.
import { afterAll, describe, expect, it } from "vitest";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { invalidateEntitlements } from "@/server/modules/plans/entitlements.service";
import { createCallerFactory, router } from "@/server/trpc/init";
import { requireCapability, requireFeature } from "@/server/trpc/procedures";
import { userWithRole } from "@/server/testing/callers";
import { createTenantWithUser, testPlanId } from "@/server/testing/fixtures";
import { failure } from "@/server/testing/errors";
import { closeConnections } from "@/server/testing/lifecycle";

afterAll(closeConnections);

const mapsRouter = router({ outline: requireCapability("maps.read").use(requireFeature("maps")).query(() => "ok") });

describe("feature gates", () => {
  it("maps without the feature: FEATURE_NOT_IN_PLAN; with the maps add-on: allowed", async () => {
    const { tenant } = await createTenantWithUser("feat", "owner", await testPlanId({ code: "test-no-maps", features: ["vouchers"] }));
    const { ctx } = await userWithRole(tenant, "technician");
    const maps = createCallerFactory(mapsRouter)(ctx);
    expect(await failure(maps.outline())).toMatchObject({ code: "FEATURE_NOT_IN_PLAN", details: { feature: "maps", plan: "test-no-maps" } });

    const addOn = await unsafeSystemDb().addOn.upsert({ where: { code: "test-maps" }, create: { code: "test-maps", name: "maps", priceIdr: 1, features: ["maps"] }, update: {} });
    await unsafeSystemDb().tenantAddOn.create({ data: { tenantId: tenant.id, addOnId: addOn.id } });
    await invalidateEntitlements(tenant.id);
    await expect(maps.outline()).resolves.toBe("ok");
  });
});
