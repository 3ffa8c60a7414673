import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { tenantActor } from "@/server/trpc/actor";
import { recordAudit } from "@/server/modules/audit/audit.service";
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
  ZPaymentPage,
  ZPaymentRow,
  ZPeriod,
  ZRecordPaymentInput,
  ZRecordPaymentResult,
  ZUpdateDraftInput,
  ZVoidInvoicesInput,
} from "./billing.schema";
import { localDate } from "@/server/time/calendar-date";
import { getBillingSettings, updateBillingSettings } from "./billing-settings.service";
import { billingDashboard } from "./dashboard.service";
import { generateInvoices } from "./invoice-generation.service";
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
const ZCustomerTarget = z.object({ customerId: z.uuid() });

const invoicesRouter = router({
  list: read.input(ZInvoiceListInput).output(ZInvoicePage).query(({ ctx, input }) => listInvoices(ctx.db, input)),
  get: read.input(ZInvoiceTarget).output(ZInvoiceDetail).query(({ ctx, input }) => getInvoiceOrThrow(ctx.db, input.id)),
  /** A customer's unpaid invoices: what a collector or cashier settles. */
  openForCustomer: record
    .input(ZCustomerTarget)
    .output(ZInvoicePage)
    .query(async ({ ctx, input }) => ({ rows: await listCustomerInvoices(ctx.db, input.customerId, PAYABLE_STATUSES), nextCursor: null })),
  createManual: manage.input(ZCreateManualInvoiceInput).output(ZInvoiceDetail).mutation(({ ctx, input }) => createManualInvoice(ctx.db, tenantActor(ctx), input)),
  updateDraft: manage.input(ZUpdateDraftInput).output(ZInvoiceDetail).mutation(({ ctx, input }) => updateDraft(ctx.db, tenantActor(ctx), input)),
  deleteDraft: manage.input(ZInvoiceTarget).mutation(async ({ ctx, input }) => {
    await deleteDraft(ctx.db, tenantActor(ctx), input.id);
    return { deleted: true };
  }),
  issue: manage.input(ZInvoiceIds).mutation(({ ctx, input }) => issueInvoices(ctx.db, tenantActor(ctx), input.ids)),
  void: manage.input(ZVoidInvoicesInput).mutation(({ ctx, input }) => voidInvoices(ctx.db, tenantActor(ctx), input.ids, input.reason)),
  /** Issues the invoices due today (tenant's zone) now, as the daily job would. */
  generate: manage
    .input(ZGenerateInput)
    .output(ZGenerateResult)
    .mutation(async ({ ctx }) => {
      const date = localDate(new Date(), ctx.tenant.timezone);
      const result = await generateInvoices(ctx.tenant.id, date);
      const actor = tenantActor(ctx);
      await recordAudit(ctx.db, actor.tenantId, {
        action: "invoices.generated",
        actor: { type: "user", id: actor.userId, label: actor.email },
        requestId: actor.requestId,
        ip: actor.ip,
        details: { date, created: result.created, first: result.firstNumber, last: result.lastNumber },
      });
      return result;
    }),
});

const paymentsRouter = router({
  list: read.input(ZPaymentListInput).output(ZPaymentPage).query(({ ctx, input }) => listPayments(ctx.db, ctx.tenant.timezone, input)),
  get: record
    .input(z.object({ id: z.uuid() }))
    .output(ZPaymentRow.extend({ allocations: z.array(z.object({ invoiceId: z.uuid(), invoiceNumber: z.string().nullable(), amountIdr: z.int() })) }))
    .query(({ ctx, input }) => getPaymentOrThrow(ctx.db, input.id)),
  /**
   * Cash, bank transfer or collector payment. Idempotent per `idempotencyKey`. Allowed while
   * RRNET has made the ISP read-only: its subscribers' money must still restore their service.
   */
  record: record.meta({ allowWhenReadOnly: true }).input(ZRecordPaymentInput).output(ZRecordPaymentResult).mutation(({ ctx, input }) => {
    const actor = tenantActor(ctx);
    return recordPayment(ctx.db, { tenantId: actor.tenantId, userId: actor.userId, label: actor.email, requestId: actor.requestId, ip: actor.ip }, input);
  }),
});

export const billingRouter = router({
  invoices: invoicesRouter,
  payments: paymentsRouter,
  customerBalance: record.input(ZCustomerTarget).output(ZCustomerBalance).query(({ ctx, input }) => customerBalance(ctx.db, ctx.tenant.id, input.customerId)),
  dashboard: read
    .input(z.object({ period: ZPeriod.optional() }))
    .output(ZBillingDashboard)
    .query(({ ctx, input }) => billingDashboard(ctx.db, ctx.tenant.id, ctx.tenant.timezone, input.period)),
  settings: read.output(ZBillingSettings).query(({ ctx }) => getBillingSettings(ctx.db, ctx.tenant.id)),
  updateSettings: requireCapability("tenant.settings").input(ZBillingSettings).output(ZBillingSettings).mutation(({ ctx, input }) => updateBillingSettings(ctx.db, tenantActor(ctx), input)),
});
