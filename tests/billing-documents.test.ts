// Printed invoices and receipts: money and text formatting, the one document model behind the
// print view and the PDF, and the PDF itself (header, embedded logo).
import { describe, expect, it } from "vitest";
import { invoiceDocument, receiptDocument, type ReceiptInput } from "@/components/billing/document";
import { renderDocumentPdf, toWinAnsi } from "@/server/pdf/document-pdf";
import { createFormat, formatRupiah, parseRupiah, recentMonths } from "@/components/ui/format";
import type { TInvoiceDetail } from "@/server/modules/billing/billing.schema";

// A 1×1 PNG.
const PNG_LOGO = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const ISSUER = { name: "Demo Net", timezone: "Asia/Jakarta", logoDataUrl: null, footer: "Transfer: BCA 123" };

function invoice(overrides: Partial<TInvoiceDetail> = {}): TInvoiceDetail {
  return {
    id: "0b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60",
    number: "INV/2026/000017",
    kind: "subscription",
    status: "issued",
    customerId: "1b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60",
    customerName: "Warung Bu Sri",
    customerCode: "C-000001",
    periodStart: "2026-11-05",
    periodEnd: "2026-12-04",
    issueDate: "2026-11-05",
    dueDate: "2026-11-15",
    totalIdr: 111_000,
    paidIdr: 0,
    outstandingIdr: 111_000,
    subtotalIdr: 100_000,
    discountIdr: 0,
    taxMode: "exclusive",
    taxRateBp: 1100,
    taxIdr: 11_000,
    notes: null,
    issuedAt: "2026-11-04T17:00:00.000Z",
    paidAt: null,
    voidedAt: null,
    voidReason: null,
    lines: [{ id: "2b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60", position: 1, description: "Rumah 10 Mbps", quantity: 1, unitPriceIdr: 100_000, discountIdr: 0, amountIdr: 100_000, taxable: true }],
    payments: [],
    customer: { id: "1b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60", code: "C-000001", name: "Warung Bu Sri", phone: "+6281234500011", address: "Jl. Melati No. 3" },
    ...overrides,
  };
}

describe("money on screen", () => {
  it("formats integer rupiah with Indonesian grouping and a plain space", () => {
    expect(formatRupiah(150_000)).toBe("Rp 150.000");
    expect(formatRupiah(0)).toBe("Rp 0");
    expect(formatRupiah(-5_000)).toBe("−Rp 5.000");
  });

  it("reads rupiah as people type them and refuses fractions", () => {
    expect(parseRupiah("150000")).toBe(150_000);
    expect(parseRupiah("150.000")).toBe(150_000);
    expect(parseRupiah("Rp 1.250.000")).toBe(1_250_000);
    expect(parseRupiah("12,5")).toBeNull();
    expect(parseRupiah("")).toBeNull();
  });

  it("shows PPN rates from basis points", () => {
    expect(createFormat("id", "Asia/Jakarta").rateBp(1100)).toBe("11%");
    expect(createFormat("id", "Asia/Jakarta").rateBp(1250)).toBe("12,5%");
    expect(createFormat("en", "Asia/Jakarta").rateBp(1250)).toBe("12.5%");
  });

  it("lists billing months newest first across a year boundary", () => {
    expect(recentMonths("2026-02", 4)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });
});

describe("invoice and receipt documents", () => {
  it("an open invoice shows PPN, the amount due and no stamp", () => {
    const doc = invoiceDocument(invoice(), ISSUER, "en");
    expect(doc.stamp).toBeNull();
    expect(doc.totals.map((t) => `${t.label}: ${t.value}`)).toEqual(["Subtotal: Rp 100.000", "PPN 11%: Rp 11.000", "Total: Rp 111.000", "Paid: Rp 0", "Amount due: Rp 111.000"]);
    expect(doc.fileName).toBe("INV-2026-000017.pdf");
    expect(doc.facts).toContainEqual(["Service period", "5 Nov – 4 Dec 2026"]);
  });

  it("a paid invoice is stamped PAID and lists its payments in the tenant's zone", () => {
    const doc = invoiceDocument(
      invoice({ status: "paid", paidIdr: 111_000, outstandingIdr: 0, payments: [{ paymentId: "3b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60", receiptNumber: "RCP/2026/000003", method: "cash", amountIdr: 111_000, receivedAt: "2026-11-06T18:30:00.000Z" }] }),
      ISSUER,
      "en",
    );
    expect(doc.stamp?.text).toBe("PAID");
    // 18:30 UTC is 01:30 the next day in Jakarta.
    expect(doc.payments).toEqual([["RCP/2026/000003", "Cash", "7 Nov 2026, 01:30 WIB", "Rp 111.000"]]);
  });

  it("included PPN is labelled as included, and untaxed lines say so", () => {
    const doc = invoiceDocument(
      invoice({ taxMode: "inclusive", totalIdr: 110_000, taxIdr: 9_910, subtotalIdr: 110_000, lines: [...invoice().lines, { id: "4b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60", position: 2, description: "Materai", quantity: 1, unitPriceIdr: 10_000, discountIdr: 0, amountIdr: 10_000, taxable: false }] }),
      ISSUER,
      "en",
    );
    expect(doc.totals).toContainEqual({ label: "PPN 11% (included)", value: "Rp 9.910" });
    expect(doc.table.rows[1]![0]).toBe("Materai (no PPN)");
  });

  it("a draft and a void invoice are stamped, without amounts due", () => {
    const draft = invoiceDocument(invoice({ status: "draft", number: null, issueDate: null, dueDate: null }), ISSUER, "en");
    expect(draft.stamp?.text).toBe("DRAFT");
    expect(draft.number).toBe("DRAFT");
    expect(draft.totals.some((t) => t.label === "Amount due")).toBe(false);
    const voided = invoiceDocument(invoice({ status: "void", voidReason: "billed twice" }), ISSUER, "en");
    expect(voided.stamp?.text).toBe("VOID");
    expect(voided.notes).toBe("Voided: billed twice");
  });

  const payment = (allocations: ReceiptInput["allocations"], over: Partial<ReceiptInput> = {}): ReceiptInput => ({
    id: "3b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60",
    receiptNumber: "RCP/2026/000003",
    customerId: "1b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60",
    customerName: "Warung Bu Sri",
    customerCode: "C-000001",
    method: "collector",
    amountIdr: 150_000,
    unallocatedIdr: 0,
    receivedAt: "2026-11-06T03:00:00.000Z",
    reference: null,
    note: null,
    recordedBy: "collector@demo.local",
    allocations,
    fromSupersededCode: null,
    ...over,
  });
  const INV17 = "0b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60";
  const INV18 = "0b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f61";

  it("a receipt that settles its invoices lists them, the credit left, and is stamped paid", () => {
    const doc = receiptDocument(payment([{ invoiceId: INV17, invoiceNumber: "INV/2026/000017", amountIdr: 111_000, invoiceTotalIdr: 111_000, remainingAfterIdr: 0 }], { unallocatedIdr: 39_000 }), ISSUER, "en");
    expect(doc.table.columns).toEqual(["For", "Invoice total", "Paid now", "Still owed"]);
    expect(doc.table.rows).toEqual([
      ["Payment of invoice INV/2026/000017", "Rp 111.000", "Rp 111.000", "Settled"],
      ["Credit kept for the next invoices", "—", "Rp 39.000", "—"],
    ]);
    expect(doc.totals).toEqual([{ label: "Amount received", value: "Rp 150.000", strong: true }]);
    expect(doc.stamp).toEqual({ text: "PAID", tone: "paid" });
    expect(doc.facts).toContainEqual(["Method", "Collector"]);
  });

  it("a partial payment's receipt says what each invoice still owes and is not stamped paid", () => {
    const doc = receiptDocument(
      payment(
        [
          { invoiceId: INV17, invoiceNumber: "INV/2026/000017", amountIdr: 111_000, invoiceTotalIdr: 111_000, remainingAfterIdr: 0 },
          { invoiceId: INV18, invoiceNumber: "INV/2026/000018", amountIdr: 39_000, invoiceTotalIdr: 111_000, remainingAfterIdr: 72_000 },
        ],
      ),
      ISSUER,
      "id",
    );
    expect(doc.stamp).toBeNull();
    expect(doc.table.rows).toEqual([
      ["Pembayaran tagihan INV/2026/000017", "Rp 111.000", "Rp 111.000", "Lunas"],
      ["Pembayaran tagihan INV/2026/000018", "Rp 111.000", "Rp 39.000", "Rp 72.000"],
    ]);
    expect(doc.totals).toContainEqual({ label: "Sisa yang belum dibayar", value: "Rp 72.000", strong: true });
  });

  it("money kept only as credit is not stamped paid; money from a superseded online code says so", () => {
    const doc = receiptDocument(payment([], { unallocatedIdr: 150_000, method: "gateway", fromSupersededCode: { invoiceNumber: "INV/2026/000017" } }), ISSUER, "en");
    expect(doc.stamp).toBeNull();
    expect(doc.facts).toContainEqual(["Source", "Superseded online payment code for INV/2026/000017"]);
  });
});

describe("documents in Indonesian", () => {
  it("an invoice speaks Indonesian: labels, month names, decimal comma and the zone", () => {
    const doc = invoiceDocument(
      invoice({ status: "paid", paidIdr: 111_000, outstandingIdr: 0, payments: [{ paymentId: "3b5c3c1e-4a7b-4f7e-9d0a-1c2b3d4e5f60", receiptNumber: "RCP/2026/000003", method: "bank_transfer", amountIdr: 111_000, receivedAt: "2026-12-06T18:30:00.000Z" }] }),
      ISSUER,
      "id",
    );
    expect(doc.title).toBe("Tagihan");
    expect(doc.stamp?.text).toBe("LUNAS");
    expect(doc.facts).toContainEqual(["Jatuh tempo", "15 Nov 2026"]);
    expect(doc.facts).toContainEqual(["Periode layanan", "5 Nov – 4 Des 2026"]);
    expect(doc.totals.map((t) => `${t.label}: ${t.value}`)).toEqual(["Subtotal: Rp 100.000", "PPN 11%: Rp 11.000", "Total: Rp 111.000", "Dibayar: Rp 111.000", "Sisa tagihan: Rp 0"]);
    expect(doc.payments).toEqual([["RCP/2026/000003", "Transfer bank", "7 Des 2026, 01.30 WIB", "Rp 111.000"]]);
  });
});

describe("PDF", () => {
  it("Helvetica text: minus as hyphen, Latin-1 kept, accents dropped where missing, the rest replaced", () => {
    expect(toWinAnsi("Rp −5.000 — Ördög Łódź 日本")).toBe("Rp -5.000 — Ördög Lódz ??");
  });

  it("renders a PDF document, with a PNG logo embedded as an image", async () => {
    const plain = await renderDocumentPdf(invoiceDocument(invoice(), ISSUER, "en"));
    expect(plain.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(plain.includes("/Subtype /Image")).toBe(false);
    const withLogo = await renderDocumentPdf(invoiceDocument(invoice(), { ...ISSUER, logoDataUrl: PNG_LOGO }, "en"));
    expect(withLogo.includes("/Subtype /Image")).toBe(true);
  });

  it("an SVG logo is left out rather than failing the PDF", async () => {
    const pdf = await renderDocumentPdf(invoiceDocument(invoice(), { ...ISSUER, logoDataUrl: "data:image/svg+xml;base64,PHN2Zy8+" }, "en"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
