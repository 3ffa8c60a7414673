import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability, tenantProcedure } from "@/server/trpc/procedures";
import { roleHome } from "./home.service";
import { ZTenantHome, ZTenantOverview, ZTenantProfile } from "./tenant.schema";
import { getOverview, toProfile } from "./tenant.service";

export const tenantRouter = router({
  /** The tenant of this host: public, what the sign-in page shows. */
  current: tenantProcedure.output(ZTenantProfile).query(({ ctx }) => toProfile(ctx.tenant)),
  /** The signed-in staff member's home: what their role works on (see home.service). */
  home: requireCapability("dashboard.view").output(ZTenantHome).query(({ ctx }) => roleHome(ctx.db, ctx.actor, ctx.tenant)),
  /** Aggregate figures for the dashboard home. */
  overview: requireCapability("dashboard.view").output(ZTenantOverview).query(({ ctx }) => getOverview(ctx.db, ctx.tenant)),
});
