// Money rules of an invoice, in integer rupiah. Pure: the generator's SQL implements the same
// rules for subscription invoices, and a test holds the two to the same figures.

export type TaxMode = "none" | "exclusive" | "inclusive";

export type LineInput = { quantity: number; unitPriceIdr: number; discountIdr: number; taxable: boolean };
export type InvoiceTotals = { subtotalIdr: number; discountIdr: number; taxIdr: number; totalIdr: number };

/** Round half up of n / d for non-negative integers, exactly. */
export function divRoundHalfUp(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

export function lineAmount(line: LineInput): number {
  return line.quantity * line.unitPriceIdr - line.discountIdr;
}

/**
 * PPN on the taxable part: exclusive adds rate × base; inclusive takes the PPN out of the base
 * (base − base / (1 + rate)); none is zero. Rate in basis points (1100 = 11 %).
 */
export function taxOf(taxableIdr: number, mode: TaxMode, rateBp: number): number {
  if (mode === "none" || rateBp === 0) return 0;
  if (mode === "exclusive") return divRoundHalfUp(taxableIdr * rateBp, 10_000);
  return taxableIdr - divRoundHalfUp(taxableIdr * 10_000, 10_000 + rateBp);
}

export function invoiceTotals(lines: LineInput[], mode: TaxMode, rateBp: number): InvoiceTotals {
  let subtotalIdr = 0;
  let discountIdr = 0;
  let taxableIdr = 0;
  for (const line of lines) {
    const amount = lineAmount(line);
    subtotalIdr += amount;
    discountIdr += line.discountIdr;
    if (line.taxable) taxableIdr += amount;
  }
  const taxIdr = taxOf(taxableIdr, mode, rateBp);
  return { subtotalIdr, discountIdr, taxIdr, totalIdr: mode === "exclusive" ? subtotalIdr + taxIdr : subtotalIdr };
}

export function formatInvoiceNumber(year: number, number: number): string {
  return `INV/${year}/${String(number).padStart(6, "0")}`;
}

export function formatReceiptNumber(year: number, number: number): string {
  return `RCP/${year}/${String(number).padStart(6, "0")}`;
}

export const invoiceCounterKey = (year: number) => `invoice:${year}`;
export const receiptCounterKey = (year: number) => `receipt:${year}`;
