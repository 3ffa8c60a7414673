// Shapes of billing as the API and the UI see them. No server imports.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { ZKeysetCursor } from "@/server/pagination/keyset-cursor";
import { isCalendarMonth } from "@/server/time/calendar-date";

export const INVOICE_STATUSES = ["draft", "issued", "partially_paid", "paid", "overdue", "void"] as const;
export const ZInvoiceStatus = z.enum(INVOICE_STATUSES);
export type TInvoiceStatus = z.infer<typeof ZInvoiceStatus>;

/** Statuses of invoices money can still be paid against. */
export const PAYABLE_STATUSES = ["issued", "partially_paid", "overdue"] as const satisfies readonly TInvoiceStatus[];
export const isPayable = (status: TInvoiceStatus) => (PAYABLE_STATUSES as readonly TInvoiceStatus[]).includes(status);
/** Every status a customer may see (drafts are the ISP's work in progress). */
export const CUSTOMER_VISIBLE_STATUSES = ["issued", "partially_paid", "paid", "overdue", "void"] as const satisfies readonly TInvoiceStatus[];

export const PAYMENT_METHODS = ["cash", "bank_transfer", "collector", "gateway"] as const;
export const ZPaymentMethod = z.enum(PAYMENT_METHODS);
export type TPaymentMethod = z.infer<typeof ZPaymentMethod>;
/** Methods staff record by hand; gateway payments come from the gateway's callback. */
export const ZManualPaymentMethod = z.enum(["cash", "bank_transfer", "collector"]);

export const TAX_MODES = ["none", "exclusive", "inclusive"] as const;
export const ZTaxMode = z.enum(TAX_MODES);

const ZRupiah = z.int(v("billing.validation.amountWhole")).min(0).max(1_000_000_000);
const ZDate = z.iso.date("Enter a date as YYYY-MM-DD");
/** "2026-11": a billing month. */
export const ZPeriod = z.string().refine(isCalendarMonth, v("validation.month"));
/** Client-made key (UUID or similar) that makes a payment-creating call safe to repeat. */
export const ZIdempotencyKey = z.string().trim().min(8, "Idempotency key is too short").max(100).regex(/^[A-Za-z0-9_.-]+$/, "Idempotency key has invalid characters (letters, digits, . _ -)");

export const ZInvoiceLine = z.object({
  description: z.string().trim().min(1, v("billing.validation.describeItem")).max(200),
  quantity: z.int().min(1).max(10_000),
  unitPriceIdr: ZRupiah,
  discountIdr: ZRupiah.default(0),
  taxable: z.boolean().default(true),
});
export type TInvoiceLineInput = z.infer<typeof ZInvoiceLine>;

export const ZCreateManualInvoiceInput = z.object({
  customerId: z.uuid(),
  lines: z.array(ZInvoiceLine).min(1, v("billing.validation.addLine")).max(50),
  notes: z.string().trim().max(1000).nullish(),
  /** Issue at once (numbered, due date set) or keep as a draft. */
  issue: z.boolean().default(false),
});
export type TCreateManualInvoiceInput = z.infer<typeof ZCreateManualInvoiceInput>;

/** The invoice form's lines and notes (the customer is picked beside them): a discount is at most its line's price. */
export const ZInvoiceFormFields = z.object({
  lines: z
    .array(ZInvoiceLine.refine((l) => (l.discountIdr ?? 0) <= l.quantity * l.unitPriceIdr, { message: v("billing.validation.discountTooLarge"), path: ["discountIdr"] }))
    .min(1, v("billing.validation.addLine"))
    .max(50),
  notes: ZCreateManualInvoiceInput.shape.notes,
});

export const ZUpdateDraftInput = ZCreateManualInvoiceInput.omit({ customerId: true, issue: true }).extend({ id: z.uuid() });
export type TUpdateDraftInput = z.infer<typeof ZUpdateDraftInput>;

export const ZInvoiceTarget = z.object({ id: z.uuid() });
export const ZInvoiceIds = z.object({ ids: z.array(z.uuid()).min(1).max(500) });
export const ZVoidInvoicesInput = ZInvoiceIds.extend({ reason: z.string().trim().min(3, v("billing.validation.voidReason")).max(300) });
/** The void form: the reason, for one invoice. */
export const ZVoidReason = ZVoidInvoicesInput.pick({ reason: true });

export const ZInvoiceListInput = z.object({
  status: ZInvoiceStatus.optional(),
  /** Invoices issued in this month (tenant's zone). */
  period: ZPeriod.optional(),
  customerId: z.uuid().optional(),
  /** Invoice number "INV/2026/000017", its digits, or a customer's name/number. */
  search: z.string().trim().max(100).optional(),
  cursor: ZKeysetCursor.optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type TInvoiceListInput = z.infer<typeof ZInvoiceListInput>;

export const ZInvoiceRow = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  kind: z.enum(["subscription", "manual"]),
  status: ZInvoiceStatus,
  customerId: z.uuid(),
  customerName: z.string(),
  customerCode: z.string(),
  periodStart: ZDate.nullable(),
  periodEnd: ZDate.nullable(),
  issueDate: ZDate.nullable(),
  dueDate: ZDate.nullable(),
  totalIdr: z.int(),
  paidIdr: z.int(),
  outstandingIdr: z.int(),
});
export type TInvoiceRow = z.infer<typeof ZInvoiceRow>;

export const ZInvoicePage = z.object({ rows: z.array(ZInvoiceRow), nextCursor: z.string().nullable() });
export type TInvoicePage = z.infer<typeof ZInvoicePage>;

export const ZInvoiceLineOut = ZInvoiceLine.extend({ id: z.uuid(), position: z.int(), amountIdr: z.int(), discountIdr: z.int(), taxable: z.boolean() });

export const ZPaymentRow = z.object({
  id: z.uuid(),
  receiptNumber: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  customerCode: z.string(),
  method: ZPaymentMethod,
  amountIdr: z.int(),
  /** Part of the payment not yet applied to invoices: the customer's credit from it. */
  unallocatedIdr: z.int(),
  receivedAt: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type TPaymentRow = z.infer<typeof ZPaymentRow>;

/**
 * One payment with what it settled: per invoice the amount it paid, the invoice's total and what
 * the invoice still owed right after this payment (later payments do not change a receipt).
 */
export const ZPaymentDetail = ZPaymentRow.extend({
  allocations: z.array(
    z.object({ invoiceId: z.uuid(), invoiceNumber: z.string().nullable(), amountIdr: z.int(), invoiceTotalIdr: z.int(), remainingAfterIdr: z.int() }),
  ),
  /** Paid online on a code superseded before the money arrived (for this invoice): listed for follow-up. */
  fromSupersededCode: z.object({ invoiceNumber: z.string().nullable() }).nullable(),
});
export type TPaymentDetail = z.infer<typeof ZPaymentDetail>;

export const ZInvoiceDetail = ZInvoiceRow.extend({
  subtotalIdr: z.int(),
  discountIdr: z.int(),
  taxMode: ZTaxMode,
  taxRateBp: z.int(),
  taxIdr: z.int(),
  notes: z.string().nullable(),
  issuedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  lines: z.array(ZInvoiceLineOut),
  payments: z.array(z.object({ paymentId: z.uuid(), receiptNumber: z.string(), method: ZPaymentMethod, amountIdr: z.int(), receivedAt: z.string() })),
  customer: z.object({ id: z.uuid(), code: z.string(), name: z.string(), phone: z.string().nullable(), address: z.string().nullable() }),
});
export type TInvoiceDetail = z.infer<typeof ZInvoiceDetail>;

export const ZRecordPaymentInput = z.object({
  customerId: z.uuid(),
  /** Settle this invoice first; the rest goes to the customer's oldest open invoices, then credit. */
  invoiceId: z.uuid().optional(),
  amountIdr: z.int(v("billing.validation.amountWhole")).min(1, v("billing.validation.amountRequired")).max(1_000_000_000),
  method: ZManualPaymentMethod,
  /** When the money was received; defaults to now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  reference: z.string().trim().max(100).nullish(),
  note: z.string().trim().max(500).nullish(),
  idempotencyKey: ZIdempotencyKey,
});
export type TRecordPaymentInput = z.infer<typeof ZRecordPaymentInput>;
/** The payment form's own fields (the customer, invoice and key come from where it is opened). */
export const ZRecordPaymentFields = ZRecordPaymentInput.pick({ amountIdr: true, method: true, reference: true, note: true });

export const ZRecordPaymentResult = z.object({
  payment: ZPaymentRow,
  /** True when this key was already used by the same request: nothing new was recorded. */
  replayed: z.boolean(),
  allocations: z.array(z.object({ invoiceId: z.uuid(), amountIdr: z.int() })),
  creditIdr: z.int(),
  restored: z.boolean(),
});
export type TRecordPaymentResult = z.infer<typeof ZRecordPaymentResult>;

export const ZPaymentListInput = z.object({
  customerId: z.uuid().optional(),
  method: ZPaymentMethod.optional(),
  period: ZPeriod.optional(),
  cursor: ZKeysetCursor.optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type TPaymentListInput = z.infer<typeof ZPaymentListInput>;
export const ZPaymentPage = z.object({ rows: z.array(ZPaymentRow), nextCursor: z.string().nullable() });
export type TPaymentPage = z.infer<typeof ZPaymentPage>;

export const ZCustomerBalance = z.object({ outstandingIdr: z.int(), overdueIdr: z.int(), creditIdr: z.int(), openInvoices: z.int() });
export type TCustomerBalance = z.infer<typeof ZCustomerBalance>;

/** Generation always runs for today (tenant's zone): issue and due dates are real dates. */
export const ZGenerateInput = z.object({});
export const ZGenerateResult = z.object({ date: ZDate, created: z.int(), firstNumber: z.string().nullable(), lastNumber: z.string().nullable() });
export type TGenerateResult = z.infer<typeof ZGenerateResult>;

export const ZBillingSettings = z.object({
  taxMode: ZTaxMode,
  /** Basis points: 1100 = 11 %. */
  taxRateBp: z.int().min(0).max(5000),
  invoiceDueDays: z.int().min(0).max(90),
  isolationGraceDays: z.int().min(0).max(90),
  invoiceFooter: z.string().trim().max(500).nullable(),
  /** data:image/png|jpeg|svg+xml;base64,… at most ~200 KB. */
  logoDataUrl: z.string().max(280_000).regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/, v("billing.validation.logoFormat")).nullable(),
});
export type TBillingSettings = z.infer<typeof ZBillingSettings>;

/** A PPN rate typed as a percent: "11", "11,5", "11.5 %" -> basis points (more than 0, at most 50 %). */
const ZTaxRatePercent = z
  .string()
  .trim()
  .regex(/^\d{1,2}([.,]\d{1,2})?\s*%?$/, v("billing.validation.taxRate"))
  .transform((text) => Math.round(Number(text.replace(",", ".").replace(/\s*%$/, "")) * 100))
  .refine((bp) => bp > 0 && bp <= 5000, v("billing.validation.taxRate"));

/** The billing settings form: the rate typed in percent, which counts only with PPN (0 without). */
export const ZBillingSettingsForm = ZBillingSettings.omit({ taxRateBp: true })
  .extend({ taxRatePercent: z.string().optional() })
  .superRefine((form, ctx) => {
    if (form.taxMode !== "none" && !ZTaxRatePercent.safeParse(form.taxRatePercent ?? "").success) ctx.addIssue({ code: "custom", path: ["taxRatePercent"], message: v("billing.validation.taxRate") });
  })
  .transform(({ taxRatePercent, ...rest }): TBillingSettings => ({ ...rest, taxRateBp: rest.taxMode === "none" ? 0 : ZTaxRatePercent.parse(taxRatePercent ?? "") }));

export const ZBillingDashboard = z.object({
  month: ZPeriod,
  billedIdr: z.int(),
  collectedIdr: z.int(),
  outstandingIdr: z.int(),
  overdueIdr: z.int(),
  invoicesIssued: z.int(),
  invoicesPaid: z.int(),
  aging: z.array(z.object({ bucket: z.enum(["0-30", "31-60", "61-90", "90+"]), invoices: z.int(), amountIdr: z.int() })),
  isolatedCustomers: z.int(),
  creditIdr: z.int(),
});
export type TBillingDashboard = z.infer<typeof ZBillingDashboard>;

/** The finance figures of a home page: this month, today and now (tenant's zone). */
export const ZBillingHome = z.object({
  month: ZPeriod,
  billedIdr: z.int(),
  collectedIdr: z.int(),
  collectedTodayIdr: z.int(),
  outstandingIdr: z.int(),
  overdueIdr: z.int(),
  overdueInvoices: z.int(),
  isolatedCustomers: z.int(),
  newCustomers: z.int(),
});
export type TBillingHome = z.infer<typeof ZBillingHome>;

