// Isolation: the one place that decides a customer's network access for billing reasons. It
// sets the customer's status (active <-> isolated), records the desired network state
// (CustomerNetworkState, appliedAt cleared) and emits customer_isolated / customer_restored.
// The network module applies desired states to MikroTik/RADIUS and stamps appliedAt.
import "server-only";
import type { TenantDb, TenantTx } from "@/server/db";
import { emitEvents } from "@/server/events/outbox";
import { event } from "@/server/events/define-event";
import type { Actor } from "@/server/actor/actor";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { customerIsolated, customerRestored } from "./billing.events";
import { isolateOverdueCustomers } from "./isolation.repository";

type Db = TenantDb | TenantTx;

export const ISOLATION_REASON_OVERDUE = "overdue_invoice";
export const RESTORE_REASON_SETTLED = "arrears_settled";
export const ISOLATION_REASON_MANUAL = "manual";
export const RESTORE_REASON_MANUAL = "manual";

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

/** Desired network states of these customers (absent: never decided, allowed). */
export async function listDesiredNetworkStates(db: Db, customerIds: string[]): Promise<Map<string, TNetworkState>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.customerNetworkState.findMany({ where: { customerId: { in: customerIds } } });
  return new Map(rows.map((row) => [row.customerId, { desired: row.desired, reason: row.reason, changedAt: row.changedAt.toISOString(), appliedAt: row.appliedAt?.toISOString() ?? null }]));
}

/**
 * The network module brought the routers to the desired state it read (decided at `changedAt`):
 * stamp appliedAt — unless billing changed its mind since, then the newer decision stays pending.
 */
export async function markNetworkApplied(db: TenantDb, input: { customerId: string; changedAt: string; at: Date }): Promise<boolean> {
  const { count } = await db.customerNetworkState.updateMany({ where: { customerId: input.customerId, changedAt: new Date(input.changedAt) }, data: { appliedAt: input.at } });
  return count === 1;
}

/** Isolated customers, and how many of them the routers confirmed (appliedAt set). */
export async function countIsolatedOnTheWire(db: TenantDb): Promise<{ isolated: number; applied: number }> {
  const [isolated, applied] = await Promise.all([
    db.customerNetworkState.count({ where: { desired: "isolated" } }),
    db.customerNetworkState.count({ where: { desired: "isolated", appliedAt: { not: null } } }),
  ]);
  return { isolated, applied };
}

/**
 * Staff isolate an active customer by hand (network tab): the same desired state and event as
 * the overdue run. The next billing run leaves them isolated; restoring is by hand or payment.
 */
export async function isolateCustomerByHand(db: TenantDb, actor: Actor, input: { customerId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { status: true } });
    if (!customer) throw new AppError("NOT_FOUND", { customerId: input.customerId }, "customers.errors.notFound");
    if (customer.status === "isolated") return;
    if (customer.status !== "active") throw new AppError("CONFLICT", { reason: "customer_not_active", status: customer.status }, "network.errors.notActive");
    await tx.customer.update({ where: { id: input.customerId }, data: { status: "isolated" } });
    await setDesiredAccess(tx, input.customerId, "isolated", ISOLATION_REASON_MANUAL, now);
    await emitEvents(tx, [event(customerIsolated, { customerId: input.customerId, reason: ISOLATION_REASON_MANUAL })]);
  });
  await recordAudit(db, actor, { action: "customer.isolated", target: { type: "customer", id: input.customerId }, details: { reason: ISOLATION_REASON_MANUAL } });
}

/**
 * Staff restore an isolated customer by hand (a promise to pay, a mistake). Overdue invoices
 * stay overdue: the next daily run isolates the customer again unless they are settled.
 */
export async function restoreCustomerByHand(db: TenantDb, actor: Actor, input: { customerId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { status: true } });
    if (!customer) throw new AppError("NOT_FOUND", { customerId: input.customerId }, "customers.errors.notFound");
    if (customer.status !== "isolated") return;
    await tx.customer.update({ where: { id: input.customerId }, data: { status: "active" } });
    await setDesiredAccess(tx, input.customerId, "allowed", RESTORE_REASON_MANUAL, now);
    await emitEvents(tx, [event(customerRestored, { customerId: input.customerId, reason: RESTORE_REASON_MANUAL })]);
  });
  await recordAudit(db, actor, { action: "customer.restored", target: { type: "customer", id: input.customerId }, details: { reason: RESTORE_REASON_MANUAL } });
}
