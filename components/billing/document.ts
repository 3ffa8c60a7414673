// What a printed invoice or receipt says, as formatted text: one model (BillingDocument,
// server/pdf/document-model.ts) for the print view (PrintableDocument.tsx) and the PDF
// (server/pdf/document-pdf.ts), so the two never disagree. Pure.
import { formatRupiah } from "@/components/ui/money";
import { formatDateTime } from "@/components/ui/time";
import { INVOICE_STATUS_LABELS, PAYMENT_METHOD_LABELS, type TInvoiceDetail, type TPaymentRow } from "@/server/modules/billing/billing.schema";
import type { BillingDocument, DocumentStamp } from "@/server/pdf/document-model";
import { formatCalendarDate, formatPeriodRange, formatRateBp } from "./format";

type Issuer = { name: string; timezone: string; logoDataUrl: string | null; footer: string | null };

const STAMPS: Partial<Record<TInvoiceDetail["status"], DocumentStamp>> = {
  paid: { text: "PAID", tone: "paid" },
  void: { text: "VOID", tone: "void" },
  draft: { text: "DRAFT", tone: "draft" },
};

/** "INV/2026/000017" -> "INV-2026-000017.pdf". */
const fileNameOf = (number: string) => `${number.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`;

export function invoiceDocument(inv: TInvoiceDetail, issuer: Issuer): BillingDocument {
  const number = inv.number ?? "DRAFT";
  const period = formatPeriodRange(inv.periodStart, inv.periodEnd);
  const facts: Array<[string, string]> = [
    ["Invoice date", formatCalendarDate(inv.issueDate)],
    ["Due date", formatCalendarDate(inv.dueDate)],
  ];
  if (period) facts.push(["Service period", period]);
  facts.push(["Status", INVOICE_STATUS_LABELS[inv.status]]);
  const showTaxColumn = inv.taxMode !== "none";
  const totals: BillingDocument["totals"] = [{ label: "Subtotal", value: formatRupiah(inv.subtotalIdr) }];
  if (inv.discountIdr > 0) totals.push({ label: "Discounts included", value: formatRupiah(inv.discountIdr) });
  if (inv.taxMode !== "none") totals.push({ label: `PPN ${formatRateBp(inv.taxRateBp)}${inv.taxMode === "inclusive" ? " (included)" : ""}`, value: formatRupiah(inv.taxIdr) });
  totals.push({ label: "Total", value: formatRupiah(inv.totalIdr), strong: true });
  if (inv.status !== "draft" && inv.status !== "void") {
    totals.push({ label: "Paid", value: formatRupiah(inv.paidIdr) });
    totals.push({ label: "Amount due", value: formatRupiah(inv.outstandingIdr), strong: true });
  }
  return {
    kind: "invoice",
    title: "Invoice",
    number,
    fileName: fileNameOf(inv.number ?? `draft-${inv.id.slice(0, 8)}`),
    stamp: STAMPS[inv.status] ?? null,
    issuer: { name: issuer.name, logoDataUrl: issuer.logoDataUrl },
    party: {
      heading: "Bill to",
      name: inv.customer.name,
      lines: [`Customer ${inv.customer.code}`, ...(inv.customer.address ? [inv.customer.address] : []), ...(inv.customer.phone ? [inv.customer.phone] : [])],
    },
    facts,
    table: {
      columns: ["Description", "Qty", "Unit price", "Discount", "Amount"],
      rows: inv.lines.map((l) => [
        showTaxColumn && !l.taxable ? `${l.description} (no PPN)` : l.description,
        String(l.quantity),
        formatRupiah(l.unitPriceIdr),
        l.discountIdr > 0 ? formatRupiah(l.discountIdr) : "—",
        formatRupiah(l.amountIdr),
      ]),
    },
    totals,
    payments: inv.payments.map((p) => [p.receiptNumber, PAYMENT_METHOD_LABELS[p.method], formatDateTime(new Date(p.receivedAt), issuer.timezone), formatRupiah(p.amountIdr)]),
    notes: inv.status === "void" ? `Voided${inv.voidReason ? `: ${inv.voidReason}` : ""}${inv.notes ? `\n${inv.notes}` : ""}` : inv.notes,
    footer: issuer.footer,
  };
}

export type ReceiptInput = TPaymentRow & { allocations: Array<{ invoiceId: string; invoiceNumber: string | null; amountIdr: number }> };

export function receiptDocument(p: ReceiptInput, issuer: Issuer): BillingDocument {
  const rows = p.allocations.map((a) => [`Payment of invoice ${a.invoiceNumber ?? "(draft)"}`, formatRupiah(a.amountIdr)]);
  if (p.unallocatedIdr > 0) rows.push(["Credit kept for the next invoices", formatRupiah(p.unallocatedIdr)]);
  const facts: Array<[string, string]> = [
    ["Received", formatDateTime(new Date(p.receivedAt), issuer.timezone)],
    ["Method", PAYMENT_METHOD_LABELS[p.method]],
  ];
  if (p.reference) facts.push(["Reference", p.reference]);
  if (p.recordedBy) facts.push(["Recorded by", p.recordedBy]);
  return {
    kind: "receipt",
    title: "Receipt",
    number: p.receiptNumber,
    fileName: fileNameOf(p.receiptNumber),
    stamp: { text: "PAID", tone: "paid" },
    issuer: { name: issuer.name, logoDataUrl: issuer.logoDataUrl },
    party: { heading: "Received from", name: p.customerName, lines: [`Customer ${p.customerCode}`] },
    facts,
    table: { columns: ["For", "Amount"], rows },
    totals: [{ label: "Amount received", value: formatRupiah(p.amountIdr), strong: true }],
    payments: [],
    notes: p.note,
    footer: issuer.footer,
  };
}
