// SQL of the daily overdue pass: lock the customers it will touch (in the order payments lock
// them), then mark their invoices overdue and write the invoice_overdue events in one statement.
import "server-only";
import { currentTraceJson } from "@/server/telemetry/job-trace";
import type { TenantTx } from "@/server/db";
import { invoiceOverdue } from "./billing.events";

/** Locks, in id order, every customer with an invoice that is (or is about to be) overdue on `today`. */
export async function lockCustomersWithDueInvoices(tx: TenantTx, today: string): Promise<void> {
  const tenantId = tx.tenantId;
  await tx.$queryRaw`
    SELECT c.id FROM "Customer" c
    WHERE c."tenantId" = ${tenantId}::uuid AND c.id IN (
      SELECT i."customerId" FROM "Invoice" i JOIN "Tenant" t ON t.id = i."tenantId"
      WHERE i."tenantId" = ${tenantId}::uuid AND i.status IN ('issued', 'partially_paid', 'overdue')
        AND i."dueDate" + t."isolationGraceDays" < ${today}::date
    )
    ORDER BY c.id FOR NO KEY UPDATE`;
}

/** Marks issued / partly paid invoices unpaid past due date + the tenant's grace days overdue, with their events; returns how many. */
export async function markInvoicesOverdue(tx: TenantTx, input: { today: string; now: Date; numberPrefix: string }): Promise<number> {
  const { today, now, numberPrefix } = input;
  const tenantId = tx.tenantId;
  const rows = await tx.$queryRaw<{ n: number }[]>`
    WITH od AS (
      UPDATE "Invoice" i SET status = 'overdue', "overdueAt" = ${now}, "updatedAt" = ${now}
      FROM "Tenant" t
      WHERE i."tenantId" = ${tenantId}::uuid AND t.id = ${tenantId}::uuid
        AND i.status IN ('issued', 'partially_paid')
        AND i."dueDate" + t."isolationGraceDays" < ${today}::date
      RETURNING i.id, i."customerId", i.year, i.number, i."totalIdr" - i."paidIdr" AS outstanding, i."dueDate"
    ),
    events AS (
      INSERT INTO "OutboxEvent" ("id", "tenantId", "type", "payload", "trace")
      SELECT gen_random_uuid(), ${tenantId}::uuid, ${invoiceOverdue.type},
             jsonb_build_object('invoiceId', od.id, 'customerId', od."customerId",
                                'invoiceNumber', ${numberPrefix} || od.year || '/' || lpad(od.number::text, 6, '0'),
                                'outstandingIdr', od.outstanding, 'dueDate', to_char(od."dueDate", 'YYYY-MM-DD')), ${currentTraceJson()}::jsonb
      FROM od
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM od`;
  return rows[0]!.n;
}
