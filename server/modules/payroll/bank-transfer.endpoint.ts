// The bank-transfer list of a payroll run as an .xlsx workbook (exceljs): one row per payslip
// with the name, bank, account number, account holder and the amount to transfer, and a total.
// The route handler (app/api/payroll/[id]/bank-transfer) gets the rows from payroll.runs.bankTransfer.
import "server-only";
import ExcelJS from "exceljs";
import type { TBankTransferRow } from "./payroll.schema";

export type BankTransferHeaders = { no: string; name: string; bank: string; account: string; holder: string; amount: string; description: string; total: string; sheet: string };

export async function bankTransferWorkbook(rows: TBankTransferRow[], h: BankTransferHeaders, description: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "RRNET";
  const sheet = book.addWorksheet(h.sheet);
  sheet.columns = [
    { header: h.no, key: "no", width: 6 },
    { header: h.name, key: "name", width: 28 },
    { header: h.bank, key: "bankName", width: 12 },
    // Text, so leading zeros of account numbers survive.
    { header: h.account, key: "account", width: 20, style: { numFmt: "@" } },
    { header: h.holder, key: "holder", width: 28 },
    { header: h.amount, key: "amountIdr", width: 16, style: { numFmt: "#,##0" } },
    { header: h.description, key: "description", width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow({ ...r, description });
  const total = sheet.addRow({ name: h.total, amountIdr: rows.reduce((s, r) => s + r.amountIdr, 0) });
  total.font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function xlsxResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
