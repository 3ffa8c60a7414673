import { router } from "@/server/trpc/init";
import { tenantProcedure } from "@/server/trpc/procedures";
import { ZTenantOverview, ZTenantProfile } from "./tenant.schema";
import { getOverview, toProfile } from "./tenant.service";

export const tenantRouter = router({
  /** The tenant of this host: what a sign-in page or the shell shows. */
  current: tenantProcedure.output(ZTenantProfile).query(({ ctx }) => toProfile(ctx.tenant)),
  /** Aggregate figures for the dashboard home. */
  overview: tenantProcedure.output(ZTenantOverview).query(({ ctx }) => getOverview(ctx.db, ctx.tenant)),
});
