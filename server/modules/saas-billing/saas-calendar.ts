// The rules of RRNET's monthly SaaS invoice that need no database: RRNET's calendar (Asia/Jakarta),
// billing periods, issue and due dates, invoice numbers (RRN/2026/000001), the lines a plan and
// its add-ons come to, and which standing a tenant's unpaid invoices put it in. Pure.
import { addDays, localDate, monthBounds, startOfLocalDay } from "@/server/time/calendar-date";
import { INTL_LOCALES, type Locale } from "@/i18n/locales";
import { serverTranslator } from "@/i18n/translator";
import type { TSaasInvoiceLine, TSaasStanding } from "./saas-billing.schema";

/** RRNET bills in its own zone, whatever the tenant's zone is. */
export const RRNET_TIME_ZONE = "Asia/Jakarta";

/** The largest amount an Int column holds: an invoice above it is refused, not truncated. */
export const MAX_INVOICE_IDR = 2_147_483_647;

/** RRNET's calendar date at an instant, "YYYY-MM-DD". */
export const rrnetDate = (at: Date): string => localDate(at, RRNET_TIME_ZONE);

/** The instant a calendar date begins in RRNET's zone. */
export const rrnetStartOfDay = (date: string): Date => startOfLocalDay(date, RRNET_TIME_ZONE);

/** The month a date falls in, "YYYY-MM". */
export const periodOf = (date: string): string => date.slice(0, 7);

export function periodBounds(period: string): { start: string; end: string } {
  const { from, to } = monthBounds(`${period}-01`);
  return { start: from, end: to };
}

/** The month before `period`. */
export function previousPeriod(period: string): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

/** "Mei 2026" (id), "May 2026" (en). */
export function periodLabel(period: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${period}-15T12:00:00Z`));
}

/**
 * Issued on the 1st of the period; an invoice written later than that (a tenant that joined
 * mid-month, a worker that was down) is dated the day it is written, so its tenant still gets
 * the full `dueDays` to pay and is never overdue the moment it is billed.
 */
export function invoiceDates(period: string, today: string, dueDays: number): { issueDate: string; dueDate: string } {
  const { start } = periodBounds(period);
  const issueDate = today > start ? today : start;
  return { issueDate, dueDate: addDays(issueDate, dueDays) };
}

export const saasCounterKey = (year: number) => `saas-invoice:${year}`;

export function formatSaasInvoiceNumber(year: number, number: number): string {
  return `RRN/${year}/${String(number).padStart(6, "0")}`;
}

export type BillingBasis = {
  plan: { name: string; priceIdr: number };
  /** Deactivated add-ons a tenant still holds give it nothing (see entitlements) and are not billed. */
  addOns: { name: string; priceIdr: number; quantity: number; active: boolean }[];
};

/**
 * One line for the plan, one per active add-on × quantity; integer rupiah. The texts are written
 * once, in the tenant's language (`locale`: its default), and stored with the issued invoice.
 */
export function saasInvoiceLines(basis: BillingBasis, period: string, locale: Locale): { lines: TSaasInvoiceLine[]; totalIdr: number } {
  const t = serverTranslator(locale);
  const label = periodLabel(period, locale);
  const lines: TSaasInvoiceLine[] = [
    { description: t("subscription.lines.plan", { plan: basis.plan.name, period: label }), quantity: 1, unitPriceIdr: basis.plan.priceIdr, amountIdr: basis.plan.priceIdr },
  ];
  for (const addOn of basis.addOns) {
    if (!addOn.active) continue;
    lines.push({
      description: t("subscription.lines.addOn", { addOn: addOn.name, period: label }),
      quantity: addOn.quantity,
      unitPriceIdr: addOn.priceIdr,
      amountIdr: addOn.priceIdr * addOn.quantity,
    });
  }
  return { lines, totalIdr: lines.reduce((sum, line) => sum + line.amountIdr, 0) };
}

/**
 * Where a tenant stands given the due date of its oldest unpaid invoice that is past due
 * (null: none). Overdue the day after the due date -> warned; more than `restrictAfterDays`
 * past it -> restricted (read-only).
 */
export function standingFor(oldestPastDue: string | null, today: string, restrictAfterDays: number): TSaasStanding {
  if (oldestPastDue === null || oldestPastDue >= today) return "good";
  return addDays(oldestPastDue, restrictAfterDays) < today ? "restricted" : "warned";
}

/** The first day a tenant is read-only if the invoice due on `dueDate` stays unpaid. */
export const restrictsOn = (dueDate: string, restrictAfterDays: number) => addDays(dueDate, restrictAfterDays + 1);
