// Monthly invoice generation: the invoices due on a tenant's calendar date, written in one
// transaction under a per-tenant lock (two runs at once: the second finds nothing left to do),
// then credit from earlier overpayments applied (every run: a run that failed after writing its
// invoices is made good by the next). The daily billing job and the
// "generate now" button both come here.
import { forTenant } from "@/server/db";
import { insertDueInvoices, lockTenantGeneration } from "./invoice-generation.repository";
import { formatInvoiceNumber } from "./invoice-math";
import { applyAllCredit } from "./payment.service";
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
  await applyAllCredit(db, tenantId, now);
  return {
    date: runDate,
    created: result.created,
    firstNumber: result.firstNumber === null ? null : formatInvoiceNumber(year, result.firstNumber),
    lastNumber: result.lastNumber === null ? null : formatInvoiceNumber(year, result.lastNumber),
  };
}
