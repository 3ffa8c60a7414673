// Monthly invoice generation: the invoices due on a tenant's calendar date, written in one
// transaction under a per-tenant lock (two runs at once: the second finds nothing left to do),
// then credit from earlier overpayments applied to them. The daily billing job and the
// "generate now" button both come here.
import { forTenant } from "@/server/db";
import { insertDueInvoices, lockTenantGeneration } from "./invoice-generation.repository";
import { formatInvoiceNumber } from "./invoice-math";
import { customersWithCredit } from "./payment.repository";
import { applyCredit } from "./payment.service";
import type { TGenerateResult } from "./billing.schema";

export async function generateInvoices(tenantId: string, runDate: string, now = new Date()): Promise<TGenerateResult> {
  const db = forTenant(tenantId);
  const year = Number(runDate.slice(0, 4));
  const result = await db.$transaction(
    async (tx) => {
      await lockTenantGeneration(tx, tenantId);
      return insertDueInvoices(tx, tenantId, runDate, now);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  if (result.created > 0) {
    // Few customers hold credit: settle each in its own short transaction.
    for (const customerId of await customersWithCredit(db, tenantId)) {
      await db.$transaction((tx) => applyCredit(tx, tenantId, customerId, now));
    }
  }
  return {
    date: runDate,
    created: result.created,
    firstNumber: result.firstNumber === null ? null : formatInvoiceNumber(year, result.firstNumber),
    lastNumber: result.lastNumber === null ? null : formatInvoiceNumber(year, result.lastNumber),
  };
}
