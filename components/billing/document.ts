// What a printed invoice or receipt says, as formatted text in the reader's language: one model
// (BillingDocument, server/pdf/document-model.ts) for the print view (PrintableDocument.tsx) and
// the PDF (server/pdf/document-pdf.ts), so the two never disagree. Pure: the words come from the
// `billing` catalogue, figures from the format module.
import { createFormat } from "@/components/ui/format";
import type { Locale } from "@/i18n/locales";
import { serverTranslator } from "@/i18n/translator";
import type { TInvoiceDetail, TPaymentDetail } from "@/server/modules/billing/billing.schema";
import type { BillingDocument, DocumentStamp } from "@/server/pdf/document-model";

type Issuer = { name: string; timezone: string; logoDataUrl: string | null; footer: string | null };

/** "INV/2026/000017" -> "INV-2026-000017.pdf". */
const fileNameOf = (number: string) => `${number.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`;

function words(locale: Locale, timeZone: string) {
  const root = serverTranslator(locale) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return {
    t: (key: string, values?: Record<string, string | number>) => root(`billing.${key}`, values),
    format: createFormat(locale, timeZone),
  };
}

export function invoiceDocument(inv: TInvoiceDetail, issuer: Issuer, locale: Locale): BillingDocument {
  const { t, format } = words(locale, issuer.timezone);
  const d = (key: string, values?: Record<string, string | number>) => t(`document.${key}`, values);
  const money = format.money;
  const period = format.periodRange(inv.periodStart, inv.periodEnd);
  const facts: Array<[string, string]> = [
    [d("invoiceDate"), format.calendarDate(inv.issueDate)],
    [d("dueDate"), format.calendarDate(inv.dueDate)],
  ];
  if (period) facts.push([d("servicePeriod"), period]);
  facts.push([d("status"), t(`invoiceStatus.${inv.status}`)]);
  const showTaxColumn = inv.taxMode !== "none";
  const totals: BillingDocument["totals"] = [{ label: d("subtotal"), value: money(inv.subtotalIdr) }];
  if (inv.discountIdr > 0) totals.push({ label: d("discountsIncluded"), value: money(inv.discountIdr) });
  if (inv.taxMode !== "none") totals.push({ label: d(inv.taxMode === "inclusive" ? "taxIncluded" : "tax", { rate: format.rateBp(inv.taxRateBp) }), value: money(inv.taxIdr) });
  totals.push({ label: d("total"), value: money(inv.totalIdr), strong: true });
  if (inv.status !== "draft" && inv.status !== "void") {
    totals.push({ label: d("paid"), value: money(inv.paidIdr) });
    totals.push({ label: d("amountDue"), value: money(inv.outstandingIdr), strong: true });
  }
  const stamps: Partial<Record<TInvoiceDetail["status"], DocumentStamp>> = {
    paid: { text: d("stampPaid"), tone: "paid" },
    void: { text: d("stampVoid"), tone: "void" },
    draft: { text: d("stampDraft"), tone: "draft" },
  };
  const voided = inv.voidReason ? d("voidedBecause", { reason: inv.voidReason }) : d("voided");
  return {
    kind: "invoice",
    title: d("invoice"),
    number: inv.number ?? d("draftNumber"),
    fileName: fileNameOf(inv.number ?? `draft-${inv.id.slice(0, 8)}`),
    stamp: stamps[inv.status] ?? null,
    issuer: { name: issuer.name, logoDataUrl: issuer.logoDataUrl },
    party: {
      heading: d("billTo"),
      name: inv.customer.name,
      lines: [d("customerLine", { code: inv.customer.code }), ...(inv.customer.address ? [inv.customer.address] : []), ...(inv.customer.phone ? [inv.customer.phone] : [])],
    },
    facts,
    table: {
      columns: [d("description"), d("quantity"), d("unitPrice"), d("discount"), d("amount")],
      rows: inv.lines.map((l) => [
        showTaxColumn && !l.taxable ? d("noTax", { description: l.description }) : l.description,
        format.count(l.quantity),
        money(l.unitPriceIdr),
        l.discountIdr > 0 ? money(l.discountIdr) : "—",
        money(l.amountIdr),
      ]),
    },
    totals,
    payments: inv.payments.map((p) => [p.receiptNumber, t(`paymentMethod.${p.method}`), format.dateTime(p.receivedAt), money(p.amountIdr)]),
    paymentsHeading: d("paymentsReceived"),
    notes: inv.status === "void" ? `${voided}${inv.notes ? `\n${inv.notes}` : ""}` : inv.notes,
    footer: issuer.footer,
  };
}

export type ReceiptInput = TPaymentDetail;

/**
 * A receipt says what the money paid, against which invoices, and what each invoice still owed
 * right after it. It is stamped paid only when every invoice it paid is settled.
 */
export function receiptDocument(p: ReceiptInput, issuer: Issuer, locale: Locale): BillingDocument {
  const { t, format } = words(locale, issuer.timezone);
  const d = (key: string, values?: Record<string, string | number>) => t(`document.${key}`, values);
  const rows = p.allocations.map((a) => [
    d("paymentOfInvoice", { number: a.invoiceNumber ?? d("draftInvoice") }),
    format.money(a.invoiceTotalIdr),
    format.money(a.amountIdr),
    a.remainingAfterIdr === 0 ? d("settled") : format.money(a.remainingAfterIdr),
  ]);
  if (p.unallocatedIdr > 0) rows.push([d("creditKept"), "—", format.money(p.unallocatedIdr), "—"]);
  const facts: Array<[string, string]> = [
    [d("received"), format.dateTime(p.receivedAt)],
    [d("method"), t(`paymentMethod.${p.method}`)],
  ];
  if (p.reference) facts.push([d("reference"), p.reference]);
  if (p.recordedBy) facts.push([d("recordedBy"), p.recordedBy]);
  if (p.fromSupersededCode) facts.push([d("source"), d("supersededCode", { number: p.fromSupersededCode.invoiceNumber ?? d("draftInvoice") })]);
  const stillOwed = p.allocations.reduce((sum, a) => sum + a.remainingAfterIdr, 0);
  const settlesAll = p.allocations.length > 0 && stillOwed === 0;
  const totals: BillingDocument["totals"] = [{ label: d("amountReceived"), value: format.money(p.amountIdr), strong: true }];
  if (stillOwed > 0) totals.push({ label: d("stillOwed"), value: format.money(stillOwed), strong: true });
  return {
    kind: "receipt",
    title: d("receipt"),
    number: p.receiptNumber,
    fileName: fileNameOf(p.receiptNumber),
    stamp: settlesAll ? { text: d("stampPaid"), tone: "paid" } : null,
    issuer: { name: issuer.name, logoDataUrl: issuer.logoDataUrl },
    party: { heading: d("receivedFrom"), name: p.customerName, lines: [d("customerLine", { code: p.customerCode })] },
    facts,
    table: { columns: [d("for"), d("invoiceTotal"), d("paidNow"), d("remaining")], rows },
    totals,
    payments: [],
    paymentsHeading: d("paymentsReceived"),
    notes: p.note,
    footer: issuer.footer,
  };
}
