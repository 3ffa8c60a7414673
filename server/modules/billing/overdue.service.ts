// The daily overdue pass of a tenant: unpaid invoices past their due date plus the tenant's
// grace period become overdue (event invoice_overdue), and their customers are isolated
// (isolation.service). Credit is applied first, so nobody holding enough credit is isolated.
// Locks follow the order payments use (customer, then invoice), so the pass and a payment never
// deadlock. Set-based and safe to repeat.
import "server-only";
import type { TenantDb } from "@/server/db";
import { formatInvoiceNumber } from "./invoice-math";
import { isolateCustomersWithOverdueInvoices } from "./isolation.service";
import { lockCustomersWithDueInvoices, markInvoicesOverdue } from "./overdue.repository";
import { applyAllCredit } from "./payment.service";

export type OverdueResult = { overdue: number; isolated: number };

/** `today`: the tenant's calendar date the pass is for. */
export async function markOverdueAndIsolate(db: TenantDb, input: { today: string; now?: Date }): Promise<OverdueResult> {
  const { today } = input;
  const now = input.now ?? new Date();
  const numberPrefix = formatInvoiceNumber(0, 0).slice(0, 4); // "INV/"
  await applyAllCredit(db, { now });
  return db.$transaction(async (tx) => {
    await lockCustomersWithDueInvoices(tx, today);
    const overdue = await markInvoicesOverdue(tx, { today, now, numberPrefix });
    const isolated = await isolateCustomersWithOverdueInvoices(tx, { now });
    return { overdue, isolated };
  });
}
