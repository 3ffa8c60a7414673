import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { ZCreateSubscriptionInput, ZCustomerTarget, ZSubscription, ZSubscriptionList, ZUpdateSubscriptionInput } from "./subscriptions.schema";
import { createSubscription, listCustomerSubscriptions, updateSubscription } from "./subscription.service";

const manage = requireCapability("customers.manage");

export const subscriptionsRouter = router({
  listForCustomer: requireCapability("customers.read")
    .input(ZCustomerTarget)
    .output(ZSubscriptionList)
    .query(({ ctx, input }) => listCustomerSubscriptions(ctx.db, input.customerId)),
  create: manage.input(ZCreateSubscriptionInput).output(ZSubscription).mutation(({ ctx, input }) => createSubscription(ctx.db, ctx.actor, input)),
  /** Change package or discount, pause/resume, or end (with an end date). */
  update: manage.input(ZUpdateSubscriptionInput).output(ZSubscription).mutation(({ ctx, input }) => updateSubscription(ctx.db, ctx.actor, input)),
});
