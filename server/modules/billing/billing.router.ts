import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import {
  ZBillingDashboard,
  ZBillingSettings,
  ZCreateManualInvoiceInput,
  ZCustomerBalance,
  ZGenerateInput,
  ZGenerateResult,
  ZInvoiceDetail,
  ZInvoiceIds,
  ZInvoiceListInput,
  ZInvoicePage,
  ZInvoiceTarget,
  PAYABLE_STATUSES,
  ZPaymentListInput,
  ZPaymentDetail,
  ZPaymentPage,
  ZPeriod,
  ZRecordPaymentInput,
  ZRecordPaymentResult,
  ZUpdateDraftInput,
  ZVoidInvoicesInput,
} from "./billing.schema";
import { localDate } from "@/server/time/calendar-date";
import { getBillingSettings, updateBillingSettings } from "./billing-settings.service";
import { billingDashboard } from "./dashboard.service";
import { generateInvoicesNow } from "./invoice-generation.service";
import {
  createManualInvoice,
  deleteDraft,
  getInvoiceOrThrow,
  issueInvoices,
  listCustomerInvoices,
  listInvoices,
  updateDraft,
  voidInvoices,
} from "./invoice.service";
import { customerBalance, getPaymentOrThrow, listPayments } from "./payment-query.service";
import { recordPayment } from "./payment.service";

const read = requireCapability("billing.read");
const manage = requireCapability("billing.manage");
const record = requireCapability("payments.record");
const readPayments = requireCapability("payments.read");
const ZCustomerTarget = z.object({ customerId: z.uuid() });

const invoicesRouter = router({
  list: read.input(ZInvoiceListInput).output(ZInvoicePage).query(({ ctx, input }) => listInvoices(ctx.db, input)),
  get: read.input(ZInvoiceTarget).output(ZInvoiceDetail).query(({ ctx, input }) => getInvoiceOrThrow(ctx.db, input.id)),
  /** A customer's unpaid invoices: what a collector or cashier settles. */
  openForCustomer: readPayments
    .input(ZCustomerTarget)
    .output(ZInvoicePage)
    .query(async ({ ctx, input }) => ({ rows: await listCustomerInvoices(ctx.db, { customerId: input.customerId, statuses: PAYABLE_STATUSES }), nextCursor: null })),
  createManual: manage.input(ZCreateManualInvoiceInput).output(ZInvoiceDetail).mutation(({ ctx, input }) => createManualInvoice(ctx.db, ctx.actor, input)),
  updateDraft: manage.input(ZUpdateDraftInput).output(ZInvoiceDetail).mutation(({ ctx, input }) => updateDraft(ctx.db, ctx.actor, input)),
  deleteDraft: manage.input(ZInvoiceTarget).mutation(async ({ ctx, input }) => {
    await deleteDraft(ctx.db, ctx.actor, input.id);
    return { deleted: true };
  }),
  issue: manage.input(ZInvoiceIds).mutation(({ ctx, input }) => issueInvoices(ctx.db, ctx.actor, input.ids)),
  void: manage.input(ZVoidInvoicesInput).mutation(({ ctx, input }) => voidInvoices(ctx.db, ctx.actor, input)),
  /** Issues the invoices due today (tenant's zone) now, as the daily job would. */
  generate: manage
    .input(ZGenerateInput)
    .output(ZGenerateResult)
    .mutation(({ ctx }) => generateInvoicesNow(ctx.db, ctx.actor, { date: localDate(new Date(), ctx.tenant.timezone) })),
});

const paymentsRouter = router({
  list: read.input(ZPaymentListInput).output(ZPaymentPage).query(({ ctx, input }) => listPayments(ctx.db, { ...input, timeZone: ctx.tenant.timezone })),
  get: readPayments
    .input(z.object({ id: z.uuid() }))
    .output(ZPaymentDetail)
    .query(({ ctx, input }) => getPaymentOrThrow(ctx.db, input.id)),
  /**
   * Cash, bank transfer or collector payment. Idempotent per `idempotencyKey`. Allowed while
   * RRNET has made the ISP read-only: its subscribers' money must still restore their service.
   */
  record: record.meta({ allowWhenReadOnly: true }).input(ZRecordPaymentInput).output(ZRecordPaymentResult).mutation(({ ctx, input }) => recordPayment(ctx.db, ctx.actor, input)),
});

export const billingRouter = router({
  invoices: invoicesRouter,
  payments: paymentsRouter,
  customerBalance: readPayments.input(ZCustomerTarget).output(ZCustomerBalance).query(({ ctx, input }) => customerBalance(ctx.db, input.customerId)),
  dashboard: read
    .input(z.object({ period: ZPeriod.optional() }))
    .output(ZBillingDashboard)
    .query(({ ctx, input }) => billingDashboard(ctx.db, { timeZone: ctx.tenant.timezone, period: input.period })),
  settings: read.output(ZBillingSettings).query(({ ctx }) => getBillingSettings(ctx.db)),
  updateSettings: requireCapability("tenant.settings").input(ZBillingSettings).output(ZBillingSettings).mutation(({ ctx, input }) => updateBillingSettings(ctx.db, ctx.actor, input)),
});
