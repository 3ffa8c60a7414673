// Monthly invoice generation: the invoices due on a tenant's calendar date, written in one
// transaction under a per-tenant lock (two runs at once: the second finds nothing left to do),
// then credit from earlier overpayments applied (every run: a run that failed after writing its
// invoices is made good by the next). The daily billing job and the "generate now" button both
// come here; the button's run is audited.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { insertDueInvoices, lockTenantGeneration } from "./invoice-generation.repository";
import { formatInvoiceNumber } from "./invoice-math";
import { applyAllCredit } from "./payment.service";
import type { TGenerateResult } from "./billing.schema";

/** Issues the invoices due on `runDate` (the tenant's calendar date). */
export async function generateInvoices(db: TenantDb, input: { runDate: string; now?: Date }): Promise<TGenerateResult> {
  const { runDate } = input;
  const now = input.now ?? new Date();
  const year = Number(runDate.slice(0, 4));
  const result = await db.$transaction(
    async (tx) => {
      await lockTenantGeneration(tx);
      return insertDueInvoices(tx, runDate, now);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  await applyAllCredit(db, { now });
  return {
    date: runDate,
    created: result.created,
    firstNumber: result.firstNumber === null ? null : formatInvoiceNumber(year, result.firstNumber),
    lastNumber: result.lastNumber === null ? null : formatInvoiceNumber(year, result.lastNumber),
  };
}

/** A staff member's "generate now": today's run (tenant's zone), audited. */
export async function generateInvoicesNow(db: TenantDb, actor: UserActor, input: { date: string }): Promise<TGenerateResult> {
  const result = await generateInvoices(db, { runDate: input.date });
  await recordAudit(db, actor, {
    action: "invoices.generated",
    details: { date: input.date, created: result.created, first: result.firstNumber, last: result.lastNumber },
  });
  return result;
}
