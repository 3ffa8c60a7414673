// A printed invoice or receipt as formatted text: what components/billing/document.ts builds and
// both the print view and the PDF (document-pdf.ts) draw. Pure types: shared with the UI.
/** `text` in the reader's language ("LUNAS", "PAID"). */
export type DocumentStamp = { text: string; tone: "paid" | "void" | "draft" };

export type BillingDocument = {
  kind: "invoice" | "receipt" | "payslip";
  title: string;
  number: string;
  fileName: string;
  stamp: DocumentStamp | null;
  issuer: { name: string; logoDataUrl: string | null };
  party: { heading: string; name: string; lines: string[] };
  facts: Array<[label: string, value: string]>;
  table: { columns: string[]; rows: string[][] };
  totals: Array<{ label: string; value: string; strong?: boolean }>;
  /** Payments applied (invoice) — receipt number, method, date, amount — under `paymentsHeading`. */
  payments: string[][];
  paymentsHeading: string;
  notes: string | null;
  footer: string | null;
};
