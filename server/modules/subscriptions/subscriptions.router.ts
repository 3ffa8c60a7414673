import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import type { Context } from "@/server/trpc/context";
import type { TenantSession } from "@/server/modules/identity/session.service";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import { ZCreateSubscriptionInput, ZCustomerTarget, ZSubscription, ZSubscriptionList, ZUpdateSubscriptionInput } from "./subscriptions.schema";
import { createSubscription, listCustomerSubscriptions, updateSubscription, type SubscriptionActor } from "./subscription.service";

const actorOf = (ctx: Context & { tenant: TenantSummary; session: TenantSession }): SubscriptionActor => ({
  tenantId: ctx.tenant.id,
  userId: ctx.session.userId,
  role: ctx.session.role,
  email: ctx.session.email,
  requestId: ctx.requestId,
  ip: ctx.ip,
});

const manage = requireCapability("customers.manage");

export const subscriptionsRouter = router({
  listForCustomer: requireCapability("customers.read")
    .input(ZCustomerTarget)
    .output(ZSubscriptionList)
    .query(({ ctx, input }) => listCustomerSubscriptions(ctx.db, input.customerId)),
  create: manage.input(ZCreateSubscriptionInput).output(ZSubscription).mutation(({ ctx, input }) => createSubscription(ctx.db, actorOf(ctx), input)),
  /** Change package or discount, pause/resume, or end (with an end date). */
  update: manage.input(ZUpdateSubscriptionInput).output(ZSubscription).mutation(({ ctx, input }) => updateSubscription(ctx.db, actorOf(ctx), input)),
});
