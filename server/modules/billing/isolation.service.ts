// Isolation: the one place that decides a customer's network access for billing reasons. It
// sets the customer's status (active <-> isolated), records the desired network state
// (CustomerNetworkState, appliedAt cleared) and emits customer_isolated / customer_restored.
// The network module applies desired states to MikroTik/RADIUS and stamps appliedAt.
import "server-only";
import type { TenantDb, TenantTx } from "@/server/db";
import { emitEvents } from "@/server/events/outbox";
import { event } from "@/server/events/define-event";
import { customerRestored } from "./billing.events";
import { isolateOverdueCustomers } from "./isolation.repository";

type Db = TenantDb | TenantTx;

export const ISOLATION_REASON_OVERDUE = "overdue_invoice";
export const RESTORE_REASON_SETTLED = "arrears_settled";

/**
 * Isolates every active customer of the tenant that has an overdue invoice, in one statement;
 * returns how many. Safe to repeat: already isolated customers are left alone.
 */
export function isolateCustomersWithOverdueInvoices(tx: TenantTx, input: { now: Date }): Promise<number> {
  return isolateOverdueCustomers(tx, { reason: ISOLATION_REASON_OVERDUE, now: input.now });
}

/**
 * Restores an isolated customer whose overdue invoices are all settled (or voided). Call it
 * inside the transaction that settled them; returns whether the customer was restored.
 */
export async function restoreIfSettled(tx: TenantTx, input: { customerId: string; now: Date }): Promise<boolean> {
  const { customerId, now } = input;
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { status: true } });
  if (customer?.status !== "isolated") return false;
  const stillOverdue = await tx.invoice.count({ where: { customerId, status: "overdue" } });
  if (stillOverdue > 0) return false;
  await tx.customer.update({ where: { id: customerId }, data: { status: "active" } });
  await setDesiredAccess(tx, customerId, "allowed", RESTORE_REASON_SETTLED, now);
  await emitEvents(tx, [event(customerRestored, { customerId, reason: RESTORE_REASON_SETTLED })]);
  return true;
}

async function setDesiredAccess(tx: TenantTx, customerId: string, desired: "allowed" | "isolated", reason: string, now: Date) {
  await tx.customerNetworkState.upsert({
    where: { tenantId_customerId: { tenantId: tx.tenantId, customerId } },
    create: { tenantId: tx.tenantId, customerId, desired, reason, changedAt: now },
    update: { desired, reason, changedAt: now, appliedAt: null },
  });
}

export type TNetworkState = { desired: "allowed" | "isolated"; reason: string; changedAt: string; appliedAt: string | null };

/** What billing wants the network to do for this customer (null: never decided, allowed). */
export async function findDesiredNetworkState(db: Db, customerId: string): Promise<TNetworkState | null> {
  const row = await db.customerNetworkState.findFirst({ where: { customerId } });
  return row ? { desired: row.desired, reason: row.reason, changedAt: row.changedAt.toISOString(), appliedAt: row.appliedAt?.toISOString() ?? null } : null;
}
