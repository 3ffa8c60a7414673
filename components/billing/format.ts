// Billing's words and dates on screen. Invoice dates are calendar dates of the tenant's zone
// ("2026-11-25"): shown as they are, never shifted. Months are "YYYY-MM". Pure.
import type { BadgeTone } from "@/components/ui/Badge";
import { newIdempotencyKey } from "@/components/ui/idempotency";
import { shortMonth } from "@/components/ui/time";
import type { TInvoiceStatus } from "@/server/modules/billing/billing.schema";

export { formatCalendarDate, formatMonth } from "@/components/ui/time";

/** A subscription period "1 Nov – 30 Nov 2026", or null for manual invoices. */
export function formatPeriodRange(from: string | null, to: string | null): string | null {
  if (!from || !to) return null;
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const start = fy === ty ? `${fd} ${shortMonth(fm)}` : `${fd} ${shortMonth(fm)} ${fy}`;
  return `${start} – ${td} ${shortMonth(tm)} ${ty}`;
}

/** The month ("YYYY-MM") it is now in the zone. */
export function monthIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(at).slice(0, 7);
}

/** `count` months back from `month`, newest first: ["2026-11", "2026-10", ...]. */
export function recentMonths(month: string, count = 24): string[] {
  let [year, m] = month.split("-").map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-${String(m).padStart(2, "0")}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      year -= 1;
    }
  }
  return out;
}

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

/** 1100 basis points -> "11 %"; 1250 -> "12,5 %". */
export function formatRateBp(bp: number): string {
  return `${new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }).format(bp / 100)} %`;
}
