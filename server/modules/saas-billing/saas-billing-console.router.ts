// The console's SaaS billing (mounted at platform.saasBilling, so the platform privacy test
// walks it): RRNET's invoices to its ISPs, issuing this month's, recording payments.
import { router } from "@/server/trpc/init";
import { platformProcedure } from "@/server/trpc/procedures";
import type { Context } from "@/server/trpc/context";
import type { PlatformSession } from "@/server/modules/platform/platform-session.service";
import type { PlatformActor } from "@/server/modules/platform/tenants.service";
import {
  ZIssuingResult,
  ZRecordSaasPaymentInput,
  ZRecordedSaasPayment,
  ZRunIssuingInput,
  ZSaasInvoiceListInput,
  ZSaasInvoicePage,
  ZSaasTenantTarget,
  ZTenantSaasBilling,
} from "./saas-billing.schema";
import { getTenantSaasBilling, listSaasInvoices, runIssuingNow } from "./saas-console.service";
import { recordSaasPayment } from "./saas-payment.service";

const actorOf = (ctx: Context & { session: PlatformSession }): PlatformActor => ({
  adminId: ctx.session.adminId,
  email: ctx.session.email,
  requestId: ctx.requestId,
  ip: ctx.ip,
});

const saas = platformProcedure("platform.saas_billing");

export const saasBillingConsoleRouter = router({
  /** Every tenant's SaaS invoices, newest first, with this month's totals. */
  list: saas.input(ZSaasInvoiceListInput).output(ZSaasInvoicePage).query(({ input }) => listSaasInvoices(input)),
  /** One tenant's SaaS invoices, payments and standing. */
  tenant: saas.input(ZSaasTenantTarget).output(ZTenantSaasBilling).query(({ input }) => getTenantSaasBilling(input.tenantId)),
  /** Issues this month's missing invoices now (the daily job does the same). */
  runIssuing: saas.input(ZRunIssuingInput).output(ZIssuingResult).mutation(({ ctx, input }) => runIssuingNow(actorOf(ctx), input.period, ctx.log)),
  /** Partial payments allowed, overpayment refused; the same idempotency key records once. */
  recordPayment: saas.input(ZRecordSaasPaymentInput).output(ZRecordedSaasPayment).mutation(({ ctx, input }) => recordSaasPayment(actorOf(ctx), input)),
});
