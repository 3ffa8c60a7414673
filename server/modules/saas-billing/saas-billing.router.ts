// The ISP's view of its RRNET subscription: the owner's page and the standing banner.
import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { ZSaasNotice, ZSaasSubscription } from "./saas-billing.schema";
import { getNotice, getSubscription } from "./saas-subscription.service";

export const saasBillingRouter = router({
  /** Plan, add-ons, standing and RRNET invoices with their payments (owner). */
  subscription: requireCapability("tenant.saas_billing").output(ZSaasSubscription).query(({ ctx }) => getSubscription(ctx.db)),
  /** For the banner: the standing for all staff, amounts and dates for the owner. */
  notice: requireCapability("dashboard.view")
    .output(ZSaasNotice)
    .query(({ ctx }) => getNotice(ctx.db, ctx.actor, { standing: ctx.tenant.saasStanding })),
});
