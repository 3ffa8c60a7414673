import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability, tenantProcedure } from "@/server/trpc/procedures";
import { setClientPassword } from "@/server/modules/identity/client-user.service";
import { ZPortalCodeRequest, ZPortalCodeSent, ZPortalInvoices, ZPortalMe, ZPortalService, ZPortalSetPassword } from "./portal.schema";
import { getPortalCustomerOrThrow, portalInvoices, portalMe, portalService } from "./portal.service";
import { requestSignInCode } from "./portal-sign-in.service";

/** A signed-in client with their customer record in ctx. */
const self = requireCapability("portal.self").use(async ({ ctx, next }) => next({ ctx: { customer: await getPortalCustomerOrThrow(ctx.db, ctx.actor.userId) } }));

export const portalRouter = router({
  /**
   * Public, on the tenant's host: sends a sign-in code by WhatsApp to the customer a number
   * names (rate-limited; the same answer whether or not they exist). The code is checked by
   * next-auth's "portal" provider.
   */
  requestCode: tenantProcedure
    .input(ZPortalCodeRequest)
    .output(ZPortalCodeSent)
    .mutation(({ ctx, input }) => requestSignInCode(ctx.db, input, { ip: ctx.ip ?? "unknown", requestId: ctx.requestId })),
  /** Always answers, isolated or not: the customer must be able to see what to pay. */
  me: self.output(ZPortalMe).query(({ ctx }) => portalMe(ctx.db, ctx.customer)),
  invoices: self.output(ZPortalInvoices).query(({ ctx }) => portalInvoices(ctx.db, ctx.customer)),
  /** Service details (package, speeds): BILLING_OVERDUE while isolated. */
  service: self.output(ZPortalService).query(({ ctx }) => portalService(ctx.db, ctx.customer)),
  /** The password the client may sign in with next time, instead of a code. */
  setPassword: self.input(ZPortalSetPassword).mutation(async ({ ctx, input }) => {
    await setClientPassword(ctx.db, { ...ctx.actor, sessionId: ctx.session.sessionId }, input);
    return { saved: true };
  }),
});
