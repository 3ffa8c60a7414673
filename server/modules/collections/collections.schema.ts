// Inputs and outputs of collectors' cash (server/modules/collections): assignments, the round,
// collections, the custody ledger, deposits, the commission rule and the daily report.
import { z } from "zod";
import { v } from "@/i18n/keys";
import { ZIdempotencyKey, ZPaymentRow } from "@/server/modules/billing/billing.schema";

const ZRupiah = z.int(v("billing.validation.amountWhole")).min(1, v("billing.validation.amountRequired")).max(1_000_000_000);
const ZDate = z.iso.date();

// ── Assignment ──────────────────────────────────────────────────────────────────────────────
/** Customers given to a collector: by hand (ids), or every customer of an ODP or of an area. */
export const ZAssignInput = z
  .object({
    collectorId: z.uuid(),
    customerIds: z.array(z.uuid()).min(1).max(1000).optional(),
    odpId: z.uuid().optional(),
    area: z.string().trim().min(1).max(100).optional(),
  })
  .refine((x) => [x.customerIds, x.odpId, x.area].filter((t) => t !== undefined).length === 1, {
    message: v("collections.validation.oneTarget"),
    path: ["customerIds"],
  });
export type TAssignInput = z.infer<typeof ZAssignInput>;
export const ZAssignResult = z.object({ assigned: z.int(), moved: z.int(), unchanged: z.int() });
export type TAssignResult = z.infer<typeof ZAssignResult>;

export const ZUnassignInput = z.object({ customerIds: z.array(z.uuid()).min(1).max(1000) });
export const ZUnassignResult = z.object({ ended: z.int() });

export const ZAssignmentListInput = z.object({
  collectorId: z.uuid().optional(),
  /** Only customers without a collector. */
  unassigned: z.boolean().optional(),
  search: z.string().trim().max(100).optional(),
});
export type TAssignmentListInput = z.infer<typeof ZAssignmentListInput>;
export const ZAssignmentRow = z.object({
  customerId: z.uuid(),
  customerCode: z.string(),
  customerName: z.string(),
  customerStatus: z.string(),
  area: z.string().nullable(),
  odpCode: z.string().nullable(),
  collectorId: z.uuid().nullable(),
  collectorName: z.string().nullable(),
  assignedAt: z.string().nullable(),
});
export type TAssignmentRow = z.infer<typeof ZAssignmentRow>;

export const ZCollectorRow = z.object({ id: z.uuid(), name: z.string(), email: z.string(), active: z.boolean(), customers: z.int(), heldIdr: z.int() });
export type TCollectorRow = z.infer<typeof ZCollectorRow>;

export const ZAssignmentHistoryRow = z.object({
  id: z.uuid(),
  collectorId: z.uuid(),
  collectorName: z.string(),
  assignedAt: z.string(),
  assignedByName: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
});
export type TAssignmentHistoryRow = z.infer<typeof ZAssignmentHistoryRow>;

// ── The round ───────────────────────────────────────────────────────────────────────────────
export const ROUND_FILTERS = ["all", "owing", "overdue", "isolated", "promised"] as const;
export const ZRoundFilter = z.enum(ROUND_FILTERS);
export type TRoundFilter = z.infer<typeof ZRoundFilter>;
export const ZRoundInput = z.object({ filter: ZRoundFilter.default("all") });
export const ZRoundRow = z.object({
  customerId: z.uuid(),
  customerCode: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: z.string(),
  area: z.string().nullable(),
  odpCode: z.string().nullable(),
  owedIdr: z.int(),
  overdueIdr: z.int(),
  openInvoices: z.int(),
  oldestDueDate: z.string().nullable(),
  promisedOn: z.string().nullable(),
  promiseNote: z.string().nullable(),
});
export type TRoundRow = z.infer<typeof ZRoundRow>;
export const ZRound = z.object({ rows: z.array(ZRoundRow), heldIdr: z.int(), generatedAt: z.string() });
export type TRound = z.infer<typeof ZRound>;

export const ZPromiseInput = z.object({
  customerId: z.uuid(),
  /** null clears the promise. */
  promisedOn: ZDate.nullable(),
  note: z.string().trim().max(300).nullish(),
});
export type TPromiseInput = z.infer<typeof ZPromiseInput>;

// ── Collecting cash ─────────────────────────────────────────────────────────────────────────
export const ZCollectInput = z.object({
  customerId: z.uuid(),
  /** Settle this invoice first; the rest goes to the customer's oldest open invoices. */
  invoiceId: z.uuid().optional(),
  amountIdr: ZRupiah,
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  accuracyM: z.int().min(0).max(100_000).nullish(),
  /** A photo uploaded first (files.upload, purpose collection_photo). */
  photoFileId: z.uuid().nullish(),
  /** When the cash was taken: set by the phone, so an offline replay keeps the real time. */
  collectedAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(500).nullish(),
  idempotencyKey: ZIdempotencyKey,
});
export type TCollectInput = z.infer<typeof ZCollectInput>;
/** What the collector types on the collect form; the page adds the customer, GPS, time and key. */
export const ZCollectFields = ZCollectInput.pick({ amountIdr: true, note: true });
export const ZCollectResult = z.object({
  collectionId: z.uuid(),
  payment: ZPaymentRow,
  replayed: z.boolean(),
  creditIdr: z.int(),
  heldIdr: z.int(),
});
export type TCollectResult = z.infer<typeof ZCollectResult>;

export const ZCollectionRow = z.object({
  id: z.uuid(),
  paymentId: z.uuid(),
  receiptNumber: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  amountIdr: z.int(),
  collectedAt: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  photoUrl: z.string().nullable(),
});
export type TCollectionRow = z.infer<typeof ZCollectionRow>;

/** A collector's home page: today's collections (the ledger's credits), what they hold now and what is declared but not yet counted. */
export const ZCollectorDay = z.object({
  date: z.iso.date(),
  collectedIdr: z.int(),
  heldIdr: z.int(),
  pendingDepositIdr: z.int(),
  collections: z.array(ZCollectionRow),
});
export type TCollectorDay = z.infer<typeof ZCollectorDay>;

// ── Custody and deposits ────────────────────────────────────────────────────────────────────
export const ZLedgerEntry = z.object({
  id: z.uuid(),
  kind: z.enum(["collection", "deposit"]),
  amountIdr: z.int(),
  balanceIdr: z.int(),
  at: z.string(),
  label: z.string().nullable(),
});
export const ZCustody = z.object({
  collectorId: z.uuid(),
  heldIdr: z.int(),
  /** Declared hand-overs finance has not confirmed yet (still held until then). */
  pendingDepositIdr: z.int(),
  entries: z.array(ZLedgerEntry),
});
export type TCustody = z.infer<typeof ZCustody>;

export const ZDeclareDepositInput = z.object({
  amountIdr: ZRupiah,
  note: z.string().trim().max(500).nullish(),
  idempotencyKey: ZIdempotencyKey,
});
export type TDeclareDepositInput = z.infer<typeof ZDeclareDepositInput>;
export const ZDeclareDepositFields = ZDeclareDepositInput.pick({ amountIdr: true, note: true });

export const ZConfirmDepositInput = z
  .object({
    depositId: z.uuid(),
    /** What finance counted. */
    receivedIdr: z.int(v("billing.validation.amountWhole")).min(0).max(1_000_000_000),
    note: z.string().trim().max(500).nullish(),
  });
export type TConfirmDepositInput = z.infer<typeof ZConfirmDepositInput>;
export const ZConfirmDepositFields = ZConfirmDepositInput.pick({ receivedIdr: true, note: true });

export const ZDepositRow = z.object({
  id: z.uuid(),
  collectorId: z.uuid(),
  collectorName: z.string(),
  declaredIdr: z.int(),
  collectorNote: z.string().nullable(),
  status: z.enum(["declared", "confirmed"]),
  receivedIdr: z.int().nullable(),
  varianceIdr: z.int().nullable(),
  note: z.string().nullable(),
  declaredAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
});
export type TDepositRow = z.infer<typeof ZDepositRow>;
export const ZDepositListInput = z.object({ status: z.enum(["declared", "confirmed"]).optional(), collectorId: z.uuid().optional() });

// ── Commission ──────────────────────────────────────────────────────────────────────────────
export const COMMISSION_KINDS = ["none", "percent_of_collected", "per_paid_invoice"] as const;
export const ZCommissionRule = z
  .object({
    kind: z.enum(COMMISSION_KINDS),
    /** Basis points of the cash collected (250 = 2.5 %). */
    percentBp: z.int().min(0).max(10_000),
    amountPerInvoiceIdr: z.int().min(0).max(10_000_000),
  })
  .refine((r) => r.kind !== "percent_of_collected" || r.percentBp > 0, { message: v("collections.validation.percentRequired"), path: ["percentBp"] })
  .refine((r) => r.kind !== "per_paid_invoice" || r.amountPerInvoiceIdr > 0, { message: v("collections.validation.amountRequired"), path: ["amountPerInvoiceIdr"] });
export type TCommissionRule = z.infer<typeof ZCommissionRule>;

export const ZPeriodRange = z.object({ from: ZDate, to: ZDate }).refine((r) => r.from <= r.to, { message: v("collections.validation.range"), path: ["to"] });
export type TPeriodRange = z.infer<typeof ZPeriodRange>;

export const ZCommissionRow = z.object({
  collectorId: z.uuid(),
  collectorName: z.string(),
  collectedIdr: z.int(),
  paidInvoices: z.int(),
  commissionIdr: z.int(),
});
export type TCommissionRow = z.infer<typeof ZCommissionRow>;

// ── Daily report ────────────────────────────────────────────────────────────────────────────
/** The longest span a report or commission query covers (a quarter). */
export const MAX_REPORT_DAYS = 93;
const spanDays = (r: { from: string; to: string }) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000;
export const ZDailyReportInput = z
  .object({ from: ZDate, to: ZDate, collectorId: z.uuid().optional() })
  .refine((r) => r.from <= r.to, { message: v("collections.validation.range"), path: ["to"] })
  .refine((r) => spanDays(r) < MAX_REPORT_DAYS, { message: v("collections.validation.rangeTooLong"), path: ["to"], params: { days: MAX_REPORT_DAYS } });
export const ZDailyReportRow = z.object({
  date: z.string(),
  collectorId: z.uuid(),
  collectorName: z.string(),
  collectedIdr: z.int(),
  collections: z.int(),
  depositedIdr: z.int(),
  varianceIdr: z.int(),
  heldIdr: z.int(),
  commissionIdr: z.int(),
});
export type TDailyReportRow = z.infer<typeof ZDailyReportRow>;
