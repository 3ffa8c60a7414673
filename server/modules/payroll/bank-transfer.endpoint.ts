// The bank-transfer list of a payroll run as an .xlsx workbook: one row per payslip with the
// name, bank, account number, account holder and the amount to transfer, and a total.
// The route handler (app/api/payroll/[id]/bank-transfer) gets the rows from payroll.runs.bankTransfer.
import "server-only";
import { sheetWorkbook } from "@/server/xlsx/sheet-workbook";
import type { TBankTransferRow } from "./payroll.schema";

export type BankTransferHeaders = { no: string; name: string; bank: string; account: string; holder: string; amount: string; description: string; total: string; sheet: string };

export async function bankTransferWorkbook(rows: TBankTransferRow[], h: BankTransferHeaders, description: string): Promise<Buffer> {
  const columns = [
    { key: "no", header: h.no, width: 6 },
    { key: "name", header: h.name, width: 28 },
    { key: "bankName", header: h.bank, width: 12 },
    // Text, so leading zeros of account numbers survive.
    { key: "account", header: h.account, width: 20, kind: "text" },
    { key: "holder", header: h.holder, width: 28 },
    { key: "amountIdr", header: h.amount, width: 16, kind: "amount" },
    { key: "description", header: h.description, width: 24 },
  ] as const;
  const total = { name: h.total, amountIdr: rows.reduce((s, r) => s + r.amountIdr, 0) };
  return sheetWorkbook(h.sheet, columns, rows.map((r) => ({ ...r, description })), total);
}
