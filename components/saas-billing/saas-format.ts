// Formatting of RRNET's SaaS invoices, shared by the console and the ISP owner's page. Invoice
// dates are calendar dates of RRNET's calendar ("2026-05-08"): shown as they are, never shifted
// by a time zone. Money is integer rupiah.
export { formatRupiah } from "@/components/ui/money";
import { newIdempotencyKey as newIdempotencyKeyWith } from "@/components/ui/idempotency";

export { formatCalendarDate, formatMonth as formatPeriod } from "@/components/ui/time";

/** A key for one opening of a payment form (see components/ui/idempotency.ts). */
export const newIdempotencyKey = () => newIdempotencyKeyWith("saas-pay");
