// Shapes of RRNET's own billing of its ISPs (SaaS invoices, payments, standing), for the
// console, the owner's subscription page and the standing banner. No server imports: shared
// with the UI. Nothing here has a field for a tenant's customers or staff: these are RRNET's books.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { isCalendarMonth } from "@/server/time/calendar-date";

export const SAAS_STANDINGS = ["good", "warned", "restricted"] as const;
export const ZSaasStanding = z.enum(SAAS_STANDINGS);
export type TSaasStanding = z.infer<typeof ZSaasStanding>;

export const SAAS_INVOICE_STATUSES = ["issued", "overdue", "paid", "void"] as const;
export const ZSaasInvoiceStatus = z.enum(SAAS_INVOICE_STATUSES);
export type TSaasInvoiceStatus = z.infer<typeof ZSaasInvoiceStatus>;

/** Methods an operator records by hand. */
export const SAAS_PAYMENT_METHODS = ["bank_transfer", "cash"] as const;
export const ZSaasPaymentMethod = z.enum(SAAS_PAYMENT_METHODS);
export type TSaasPaymentMethod = z.infer<typeof ZSaasPaymentMethod>;

/** A calendar month, "2026-05". */
export const ZPeriod = z.string().refine(isCalendarMonth, v("validation.month"));
/** A calendar date, "2026-05-08". */
const ZDate = z.iso.date();
const ZRupiah = z.number().int();

export const ZSaasInvoiceLine = z.object({
  description: z.string(),
  quantity: z.number().int().min(1),
  unitPriceIdr: ZRupiah,
  amountIdr: ZRupiah,
});
export type TSaasInvoiceLine = z.infer<typeof ZSaasInvoiceLine>;

export const ZSaasPayment = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string(),
  /** bank_transfer or cash when recorded by an operator (the column's enum has more). */
  method: z.enum(["bank_transfer", "cash", "collector", "gateway"]),
  amountIdr: ZRupiah,
  reference: z.string().nullable(),
  receivedAt: z.iso.datetime(),
});
export type TSaasPayment = z.infer<typeof ZSaasPayment>;

/** A payment as the console shows it: who recorded it (the operator's email). */
export const ZSaasPaymentRecord = ZSaasPayment.extend({ recordedBy: z.string().nullable() });
export type TSaasPaymentRecord = z.infer<typeof ZSaasPaymentRecord>;

export const ZSaasInvoice = z.object({
  id: z.uuid(),
  number: z.string(),
  period: ZPeriod,
  periodStart: ZDate,
  periodEnd: ZDate,
  issueDate: ZDate,
  dueDate: ZDate,
  status: ZSaasInvoiceStatus,
  lines: z.array(ZSaasInvoiceLine),
  totalIdr: ZRupiah,
  paidIdr: ZRupiah,
  outstandingIdr: ZRupiah,
  paidAt: z.iso.datetime().nullable(),
});
export type TSaasInvoice = z.infer<typeof ZSaasInvoice>;

const ZTenantRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

// ---------------------------------------------------------------- console

export const ZSaasInvoiceListInput = z.object({
  status: ZSaasInvoiceStatus.optional(),
  tenantId: z.uuid().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type TSaasInvoiceListInput = z.input<typeof ZSaasInvoiceListInput>;

export const ZSaasInvoiceRow = ZSaasInvoice.omit({ lines: true }).extend({ tenant: ZTenantRef.extend({ saasStanding: ZSaasStanding }) });
export type TSaasInvoiceRow = z.infer<typeof ZSaasInvoiceRow>;

/** RRNET's figures for the current month (Asia/Jakarta). */
export const ZSaasTotals = z.object({
  period: ZPeriod,
  /** Total of this month's invoices (void ones excluded). */
  billedIdr: ZRupiah,
  /** Payments received this month, whatever invoice they paid. */
  collectedIdr: ZRupiah,
  /** Unpaid amounts of every issued or overdue invoice, of any month. */
  outstandingIdr: ZRupiah,
  /** The part of outstandingIdr that is past its due date. */
  overdueIdr: ZRupiah,
});
export type TSaasTotals = z.infer<typeof ZSaasTotals>;

export const ZSaasInvoicePage = z.object({
  items: z.array(ZSaasInvoiceRow),
  total: z.number().int().min(0),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: ZSaasTotals,
});
export type TSaasInvoicePage = z.infer<typeof ZSaasInvoicePage>;

export const ZSaasTenantTarget = z.object({ tenantId: z.uuid() });

export const ZTenantSaasBilling = z.object({
  tenant: ZTenantRef,
  standing: ZSaasStanding,
  standingAt: z.iso.datetime().nullable(),
  outstandingIdr: ZRupiah,
  invoices: z.array(ZSaasInvoice),
  payments: z.array(ZSaasPaymentRecord),
});
export type TTenantSaasBilling = z.infer<typeof ZTenantSaasBilling>;

export const ZRunIssuingInput = z.object({
  /** The month the operator sees on screen; refused unless it is the current month. */
  period: ZPeriod,
});

export const ZIssuingResult = z.object({
  period: ZPeriod,
  /** Invoices written by this run. */
  issued: z.number().int(),
  /** Tenants whose invoice for the period existed already. */
  existing: z.number().int(),
  /** Tenants with nothing to pay (zero-price plan, no priced add-ons). */
  free: z.number().int(),
  failed: z.array(z.object({ tenantId: z.uuid(), code: z.string() })),
});
export type TIssuingResult = z.infer<typeof ZIssuingResult>;

export const ZRecordSaasPaymentInput = z.object({
  invoiceId: z.uuid(),
  amountIdr: z.number().int().min(1).max(2_000_000_000),
  method: ZSaasPaymentMethod,
  reference: z.string().trim().max(120).optional().transform((v) => (v ? v : undefined)),
  /** Made by the form when it opens: a double submit records one payment. */
  idempotencyKey: z.string().trim().min(8).max(100),
});
export type TRecordSaasPaymentInput = z.infer<typeof ZRecordSaasPaymentInput>;

export const ZRecordedSaasPayment = z.object({
  payment: ZSaasPaymentRecord,
  invoice: ZSaasInvoice,
  standing: ZSaasStanding,
  /** True when this key had been recorded already and nothing new was written. */
  replayed: z.boolean(),
});
export type TRecordedSaasPayment = z.infer<typeof ZRecordedSaasPayment>;

// ---------------------------------------------------------------- tenant owner

export const ZSaasSubscription = z.object({
  plan: z.object({ code: z.string(), name: z.string(), priceIdr: ZRupiah }),
  addOns: z.array(z.object({ code: z.string(), name: z.string(), quantity: z.number().int(), unitPriceIdr: ZRupiah, amountIdr: ZRupiah })),
  /** What next month's invoice comes to with today's plan and add-ons. */
  monthlyIdr: ZRupiah,
  standing: ZSaasStanding,
  standingAt: z.iso.datetime().nullable(),
  outstandingIdr: ZRupiah,
  /** The part of outstandingIdr past its due date. */
  overdueIdr: ZRupiah,
  /** While something is past due: the first read-only day if it stays unpaid. */
  restrictsOn: ZDate.nullable(),
  restrictAfterDays: z.number().int(),
  paymentInstructions: z.string().nullable(),
  invoices: z.array(ZSaasInvoice.extend({ payments: z.array(ZSaasPayment) })),
});
export type TSaasSubscription = z.infer<typeof ZSaasSubscription>;

/** The banner every staff member sees while the ISP is behind with RRNET. */
export const ZSaasNotice = z.object({
  standing: ZSaasStanding,
  /** For holders of tenant.saas_billing (the owner); null for other staff. */
  details: z
    .object({
      overdueIdr: ZRupiah,
      oldestDueDate: ZDate,
      /** The first day the account is read-only if still unpaid (past for restricted). */
      restrictsOn: ZDate,
    })
    .nullable(),
});
export type TSaasNotice = z.infer<typeof ZSaasNotice>;
