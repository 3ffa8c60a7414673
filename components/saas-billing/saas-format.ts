// Formatting of RRNET's SaaS invoices, shared by the console and the ISP owner's page. Invoice
// dates are calendar dates of RRNET's calendar ("2026-05-08"): shown as they are, never shifted
// by a time zone. Money is integer rupiah.
export { formatRupiah } from "@/components/console/format";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-05-08" -> "8 May 2026". */
export function formatCalendarDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "2026-05" -> "May 2026". */
export function formatPeriod(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return `${LONG_MONTHS[month - 1]} ${year}`;
}

/** A key for one opening of a payment form: a double submit of that form records one payment. */
export function newIdempotencyKey(): string {
  // getRandomValues works on plain-http hosts too, where crypto.randomUUID() is unavailable.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `saas-pay-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
