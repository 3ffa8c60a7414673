// One-sheet .xlsx workbooks (exceljs) for exports: a bold, frozen header row, typed columns
// (text keeps leading zeros of account and phone numbers; amounts get thousands separators) and
// an optional bold last row (a total). Cells are values, never formulas.
import "server-only";
import ExcelJS from "exceljs";

export type SheetColumn<K extends string> = { key: K; header: string; width: number; kind?: "text" | "amount" | "number" };
type Cell = string | number | null | undefined;

const NUM_FMT = { text: "@", amount: "#,##0", number: undefined } as const;

export async function sheetWorkbook<K extends string>(sheetName: string, columns: ReadonlyArray<SheetColumn<K>>, rows: ReadonlyArray<Partial<Record<K, Cell>>>, lastRow?: Partial<Record<K, Cell>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "RRNET";
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = book.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31));
  sheet.columns = columns.map((c) => {
    const numFmt = c.kind ? NUM_FMT[c.kind] : undefined;
    return { header: c.header, key: c.key, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  if (lastRow) sheet.addRow(lastRow).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
