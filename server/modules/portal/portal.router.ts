import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { ZPortalInvoices, ZPortalMe, ZPortalService } from "./portal.schema";
import { getPortalCustomerOrThrow, portalInvoices, portalMe, portalService } from "./portal.service";

/** A signed-in client with their customer record in ctx. */
const self = requireCapability("portal.self").use(async ({ ctx, next }) => next({ ctx: { customer: await getPortalCustomerOrThrow(ctx.db, ctx.actor.userId) } }));

export const portalRouter = router({
  /** Always answers, isolated or not: the customer must be able to see what to pay. */
  me: self.output(ZPortalMe).query(({ ctx }) => portalMe(ctx.db, ctx.customer)),
  invoices: self.output(ZPortalInvoices).query(({ ctx }) => portalInvoices(ctx.db, ctx.customer)),
  /** Service details (package, speeds): BILLING_OVERDUE while isolated. */
  service: self.output(ZPortalService).query(({ ctx }) => portalService(ctx.db, ctx.customer)),
});
