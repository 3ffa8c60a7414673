// Billing screens' shared constants: badge colours per invoice status, the print batch size and
// the idempotency key of a payment form. Pure.
import type { BadgeTone } from "@/components/ui/Badge";
import { newIdempotencyKey } from "@/components/ui/idempotency";
import type { TInvoiceStatus } from "@/server/modules/billing/billing.schema";

export const INVOICE_STATUS_TONES: Record<TInvoiceStatus, BadgeTone> = {
  draft: "neutral",
  issued: "brand",
  partially_paid: "warning",
  paid: "success",
  overdue: "danger",
  void: "neutral",
};

/** Print views open one page with every ticked invoice; more than this is a batch job, not a tab. */
export const MAX_PRINT = 50;

/** A key for one opening of a payment form (see components/ui/idempotency.ts). */
export const newPaymentKey = () => newIdempotencyKey("pay");
