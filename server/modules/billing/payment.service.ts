// Payments: recording money received (cash, bank transfer, collector, gateway) and settling the
// customer's invoices with it. Rules:
// - every payment-creating call carries an idempotency key: the same request again returns the
//   first payment (replayed: true); the same key with a different request is a CONFLICT;
//   two at once record one (unique (tenant, key), the loser reads the winner's row);
// - money settles the named invoice first, then the customer's oldest open invoices; what is
//   left is credit, applied automatically to the next invoices;
// - settling the last overdue invoice of an isolated customer restores them (isolation.service);
// - one customer's payments are serialised by a row lock, so allocations never race.
import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/server/actor/actor";
import type { TenantDb, TenantTx } from "@/server/db";
import { nextTenantNumber } from "@/server/db/counters";
import { isUniqueViolation } from "@/server/db/prisma-errors";
import { AppError, fieldError } from "@/server/errors/app-error";
import { event } from "@/server/events/define-event";
import { emitEvents } from "@/server/events/outbox";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { paymentReceived } from "./billing.events";
import { supersedeStaleCharges } from "./gateway/gateway.repository";
import type { TPaymentMethod, TPaymentRow, TRecordPaymentResult } from "./billing.schema";
import { formatReceiptNumber, receiptCounterKey } from "./invoice-math";
import { restoreIfSettled } from "./isolation.service";
import { localDate } from "@/server/time/calendar-date";
import {
  addAllocation,
  customersWithCredit,
  findPayment,
  findPaymentByKey,
  lockCustomer,
  openInvoices,
  addToInvoicePaid,
  unallocatedPayments,
  type PaymentRecord,
} from "./payment.repository";

export type RecordPaymentCommand = {
  customerId: string;
  invoiceId?: string;
  amountIdr: number;
  method: TPaymentMethod;
  receivedAt?: string;
  reference?: string | null;
  note?: string | null;
  idempotencyKey: string;
};

export function toPaymentRow(row: PaymentRecord): TPaymentRow {
  const allocated = row.allocations.reduce((sum, a) => sum + a.amountIdr, 0);
  return {
    id: row.id,
    receiptNumber: formatReceiptNumber(row.year, row.number),
    customerId: row.customerId,
    customerName: row.customer.name,
    customerCode: formatCustomerNumber(row.customer.number),
    method: row.method,
    amountIdr: row.amountIdr,
    unallocatedIdr: row.amountIdr - allocated,
    receivedAt: row.receivedAt.toISOString(),
    reference: row.reference,
    note: row.note,
    recordedBy: row.recordedByLabel,
  };
}

/** Fingerprint of what the request asks for (everything but the key and the clock). */
function requestHash(cmd: RecordPaymentCommand): string {
  const canonical = [cmd.customerId, cmd.invoiceId ?? "", cmd.amountIdr, cmd.method, cmd.receivedAt ?? "", cmd.reference ?? "", cmd.note ?? ""];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

function replayOf(existing: PaymentRecord, hash: string): TRecordPaymentResult {
  if (existing.requestHash !== hash) {
    throw new AppError("CONFLICT", { reason: "idempotency_key_reused" }, "billing.errors.keyReused");
  }
  return { payment: toPaymentRow(existing), replayed: true, allocations: [], creditIdr: existing.amountIdr - existing.allocations.reduce((s, a) => s + a.amountIdr, 0), restored: false };
}

/**
 * `actor`: a staff member, or the system (a gateway callback, the seed). `within` runs in the
 * payment's own transaction once it is recorded (a collector's cash and custody entry): both are
 * written or neither is; it does not run for a replay.
 */
export async function recordPayment(
  db: TenantDb,
  actor: Actor,
  cmd: RecordPaymentCommand,
  within?: (tx: TenantTx, payment: TPaymentRow) => Promise<void>,
): Promise<TRecordPaymentResult> {
  const hash = requestHash(cmd);
  const earlier = await findPaymentByKey(db, cmd.idempotencyKey);
  if (earlier) return replayOf(earlier, hash);
  const now = new Date();
  const receivedAt = cmd.receivedAt ? new Date(cmd.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw fieldError("receivedAt", "billing.validation.receivedInFuture");
  }
  try {
    return await db.$transaction(async (tx) => {
      const customer = await lockCustomer(tx, cmd.customerId);
      if (!customer) throw new AppError("NOT_FOUND", { customerId: cmd.customerId }, "customers.errors.notFound");
      // A request with the same key that held the lock before us has committed by now.
      const winner = await findPaymentByKey(tx, cmd.idempotencyKey);
      if (winner) return replayOf(winner, hash);
      if (cmd.invoiceId) await assertPayable(tx, cmd.customerId, cmd.invoiceId);

      const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
      // Receipts are numbered per year of the tenant's calendar.
      const year = Number(localDate(receivedAt, tenant.timezone).slice(0, 4));
      const number = await nextTenantNumber(tx, receiptCounterKey(year));
      const payment = await tx.payment.create({
        data: {
          tenantId: tx.tenantId,
          customerId: cmd.customerId,
          year,
          number,
          method: cmd.method,
          amountIdr: cmd.amountIdr,
          receivedAt,
          reference: cmd.reference ?? null,
          note: cmd.note ?? null,
          idempotencyKey: cmd.idempotencyKey,
          requestHash: hash,
          recordedById: actor.kind === "user" ? actor.userId : null,
          recordedByLabel: actor.label,
        },
        select: { id: true },
      });
      const settled = await settleCustomer(tx, { customerId: cmd.customerId, preferInvoiceId: cmd.invoiceId ?? null, now });
      const row = (await findPayment(tx, payment.id))!;
      const result = toPaymentRow(row);
      if (within) await within(tx, result);
      await emitEvents(tx, [
        event(paymentReceived, { paymentId: row.id, customerId: row.customerId, receiptNumber: result.receiptNumber, amountIdr: row.amountIdr, method: row.method, creditIdr: settled.creditIdr }),
      ]);
      await recordAudit(tx, actor, {
        action: "payment.recorded",
        target: { type: "payment", id: row.id },
        details: { receipt: result.receiptNumber, customerId: row.customerId, amountIdr: row.amountIdr, method: row.method },
      });
      return { payment: result, replayed: false, allocations: settled.allocations, creditIdr: settled.creditIdr, restored: settled.restored };
    });
  } catch (error) {
    // The same key sent twice at once: the other request recorded it first.
    if (isUniqueViolation(error)) {
      const winner = await findPaymentByKey(db, cmd.idempotencyKey);
      if (winner) return replayOf(winner, hash);
    }
    throw error;
  }
}

async function assertPayable(tx: TenantTx, customerId: string, invoiceId: string): Promise<void> {
  const invoice = await tx.invoice.findFirst({ where: { id: invoiceId }, select: { customerId: true, status: true } });
  if (!invoice) throw new AppError("NOT_FOUND", { invoiceId }, "billing.errors.invoiceNotFound");
  if (invoice.customerId !== customerId) throw fieldError("invoiceId", "billing.validation.invoiceOfAnotherCustomer");
  if (invoice.status === "paid") throw new AppError("CONFLICT", { reason: "invoice_already_paid" }, "billing.errors.alreadyPaid");
  if (invoice.status === "draft" || invoice.status === "void") {
    throw new AppError("CONFLICT", { reason: `invoice_${invoice.status}` }, "billing.errors.notPayable");
  }
}

export type Settlement = { allocations: Array<{ invoiceId: string; amountIdr: number }>; creditIdr: number; restored: boolean };

/**
 * Applies the customer's unallocated money to their open invoices (the preferred one first,
 * then oldest due first) and restores them if no overdue invoice is left. Call inside a
 * transaction holding the customer's lock (lockCustomer).
 */
export async function settleCustomer(tx: TenantTx, input: { customerId: string; preferInvoiceId: string | null; now: Date }): Promise<Settlement> {
  const { customerId, preferInvoiceId, now } = input;
  const invoices = await openInvoices(tx, customerId, preferInvoiceId);
  const payments = await unallocatedPayments(tx, customerId);
  const allocations: Settlement["allocations"] = [];
  let p = 0;
  for (const invoice of invoices) {
    let paid = invoice.paidIdr;
    while (paid < invoice.totalIdr && p < payments.length) {
      const payment = payments[p]!;
      const amount = Math.min(payment.remaining, invoice.totalIdr - paid);
      await addAllocation(tx, payment.id, invoice.id, amount);
      allocations.push({ invoiceId: invoice.id, amountIdr: amount });
      payment.remaining -= amount;
      paid += amount;
      if (payment.remaining === 0) p++;
    }
    if (paid > invoice.paidIdr) await addToInvoicePaid(tx, invoice.id, paid - invoice.paidIdr, now);
  }
  const creditIdr = payments.reduce((sum, x) => sum + x.remaining, 0);
  // Payment codes made for the old amounts of these invoices are not offered again.
  await supersedeStaleCharges(tx, [...new Set(allocations.map((a) => a.invoiceId))]);
  const restored = allocations.length > 0 ? await restoreIfSettled(tx, { customerId, now }) : false;
  return { allocations, creditIdr, restored };
}

/**
 * Applies every customer's credit to their open invoices, each customer in its own short
 * transaction. Runs after every generation and before every overdue pass, so a failure after
 * invoices were written is made good by the next run, and nobody is isolated while holding
 * enough credit.
 */
export async function applyAllCredit(db: TenantDb, input: { now: Date }): Promise<number> {
  const customers = await customersWithCredit(db);
  for (const customerId of customers) await db.$transaction((tx) => applyCredit(tx, { customerId, now: input.now }));
  return customers.length;
}

/** Applies credit to open invoices for one customer (after new invoices were issued). */
export async function applyCredit(tx: TenantTx, input: { customerId: string; now: Date }): Promise<Settlement> {
  await lockCustomer(tx, input.customerId);
  return settleCustomer(tx, { customerId: input.customerId, preferInvoiceId: null, now: input.now });
}
