// An export of the customer register as a file: .xlsx (what Indonesian Excel opens without
// separator trouble; headers in the user's language, phones as text so the leading + and zeros
// survive) or CSV in the import's columns. The rows come from customers.export (audited there).
import "server-only";
import { sheetWorkbook, type SheetColumn } from "@/server/xlsx/sheet-workbook";
import { exportCsvText } from "./customer-csv.service";
import type { TCustomerExport, TCustomerExportRow } from "./customers.schema";

type Key = keyof TCustomerExportRow;
const COLUMNS: ReadonlyArray<Omit<SheetColumn<Key>, "header">> = [
  { key: "number", width: 11 },
  { key: "name", width: 28 },
  { key: "phone", width: 17, kind: "text" },
  { key: "address", width: 36 },
  { key: "latitude", width: 12, kind: "number" },
  { key: "longitude", width: 12, kind: "number" },
  { key: "status", width: 12 },
  { key: "billingDay", width: 10, kind: "number" },
  { key: "notes", width: 30 },
];

/** Column headers and status words of the workbook, in the user's language. */
export type CustomerSheetWords = { sheet: string; headers: Record<Key, string>; status: Record<TCustomerExportRow["status"], string> };

export async function customerExportFile(exported: TCustomerExport, words: CustomerSheetWords): Promise<{ kind: "xlsx" | "csv"; bytes: Buffer | string }> {
  if (exported.format === "csv") return { kind: "csv", bytes: exportCsvText(exported.rows) };
  const columns = COLUMNS.map((c) => ({ ...c, header: words.headers[c.key] }));
  const rows = exported.rows.map((r) => ({ ...r, status: words.status[r.status] }));
  return { kind: "xlsx", bytes: await sheetWorkbook(words.sheet, columns, rows) };
}
