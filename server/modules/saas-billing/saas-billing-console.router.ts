// The console's SaaS billing (mounted at platform.saasBilling by server/trpc/root.ts, so the
// platform privacy test walks it): RRNET's invoices to its ISPs, issuing this month's,
// recording payments.
import "server-only";
import { router } from "@/server/trpc/init";
import { platformProcedure } from "@/server/trpc/procedures";
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

const saas = platformProcedure("platform.saas_billing");

export const saasBillingConsoleRouter = router({
  /** Every tenant's SaaS invoices, newest first, with this month's totals. */
  list: saas.input(ZSaasInvoiceListInput).output(ZSaasInvoicePage).query(({ ctx, input }) => listSaasInvoices(ctx.db, input)),
  /** One tenant's SaaS invoices, payments and standing. */
  tenant: saas.input(ZSaasTenantTarget).output(ZTenantSaasBilling).query(({ ctx, input }) => getTenantSaasBilling(ctx.db, input.tenantId)),
  /** Issues this month's missing invoices now (the daily job does the same). */
  runIssuing: saas.input(ZRunIssuingInput).output(ZIssuingResult).mutation(({ ctx, input }) => runIssuingNow(ctx.db, ctx.actor, { period: input.period, log: ctx.log })),
  /** Partial payments allowed, overpayment refused; the same idempotency key records once. */
  recordPayment: saas.input(ZRecordSaasPaymentInput).output(ZRecordedSaasPayment).mutation(({ ctx, input }) => recordSaasPayment(ctx.db, ctx.actor, input)),
});
