// The daily overdue pass of a tenant: unpaid invoices past their due date plus the tenant's
// grace period become overdue (event invoice_overdue), and their customers are isolated
// (isolation.service). Credit is applied first, so nobody holding enough credit is isolated.
// Locks follow the order payments use (customer, then invoice), so the pass and a payment never
// deadlock. Set-based and safe to repeat.
import { forTenant } from "@/server/db";
import { invoiceOverdue } from "./billing.events";
import { formatInvoiceNumber } from "./invoice-math";
import { isolateCustomersWithOverdueInvoices } from "./isolation.service";
import { applyAllCredit } from "./payment.service";

export type OverdueResult = { overdue: number; isolated: number };

export async function markOverdueAndIsolate(tenantId: string, today: string, now = new Date()): Promise<OverdueResult> {
  const prefix = formatInvoiceNumber(0, 0).slice(0, 4); // "INV/"
  const db = forTenant(tenantId);
  await applyAllCredit(db, tenantId, now);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`
      SELECT c.id FROM "Customer" c
      WHERE c."tenantId" = ${tenantId}::uuid AND c.id IN (
        SELECT i."customerId" FROM "Invoice" i JOIN "Tenant" t ON t.id = i."tenantId"
        WHERE i."tenantId" = ${tenantId}::uuid AND i.status IN ('issued', 'partially_paid', 'overdue')
          AND i."dueDate" + t."isolationGraceDays" < ${today}::date
      )
      ORDER BY c.id FOR NO KEY UPDATE`;
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
        INSERT INTO "OutboxEvent" ("id", "tenantId", "type", "payload")
        SELECT gen_random_uuid(), ${tenantId}::uuid, ${invoiceOverdue.type},
               jsonb_build_object('invoiceId', od.id, 'customerId', od."customerId",
                                  'invoiceNumber', ${prefix} || od.year || '/' || lpad(od.number::text, 6, '0'),
                                  'outstandingIdr', od.outstanding, 'dueDate', to_char(od."dueDate", 'YYYY-MM-DD'))
        FROM od
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM od`;
    const isolated = await isolateCustomersWithOverdueInvoices(tx, tenantId, now);
    return { overdue: rows[0]!.n, isolated };
  });
}
