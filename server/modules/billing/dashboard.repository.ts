// SQL of the billing dashboard: sums over a tenant's invoices and payments. tenantId first.
import "server-only";
import type { TenantDb } from "@/server/db";

/** Invoices issued between two calendar dates (not drafts, not void): billed, how many, how many paid. */
export async function sumIssued(db: TenantDb, from: Date, to: Date): Promise<{ billed: bigint | null; issued: number; paid: number }> {
  const [row] = await db.$queryRaw<{ billed: bigint | null; issued: number; paid: number }[]>`
    SELECT sum("totalIdr") AS billed, count(*)::int AS issued, count(*) FILTER (WHERE status = 'paid')::int AS paid
    FROM "Invoice" WHERE "tenantId" = ${db.tenantId}::uuid AND status NOT IN ('draft', 'void')
      AND "issueDate" BETWEEN ${from} AND ${to}`;
  return row ?? { billed: null, issued: 0, paid: 0 };
}

/** Money received in [from, to). */
export async function sumCollected(db: TenantDb, from: Date, to: Date): Promise<bigint | null> {
  const [row] = await db.$queryRaw<{ collected: bigint | null }[]>`
    SELECT sum("amountIdr") AS collected FROM "Payment"
    WHERE "tenantId" = ${db.tenantId}::uuid AND "receivedAt" >= ${from} AND "receivedAt" < ${to}`;
  return row?.collected ?? null;
}

export type OpenAging = {
  outstanding: bigint | null;
  overdue: bigint | null;
  overdueInvoices: number;
  b0: bigint | null; n0: number; b1: bigint | null; n1: number; b2: bigint | null; n2: number; b3: bigint | null; n3: number;
};

/** What open invoices still owe, and by days past due on `today`: 1–30, 31–60, 61–90, over 90. */
export async function openAging(db: TenantDb, today: Date): Promise<OpenAging> {
  const rows = await db.$queryRaw<OpenAging[]>`
    WITH o AS (
      SELECT "totalIdr" - "paidIdr" AS due, status, ${today}::date - "dueDate" AS late
      FROM "Invoice" WHERE "tenantId" = ${db.tenantId}::uuid AND status IN ('issued', 'partially_paid', 'overdue')
    )
    SELECT sum(due) AS outstanding, sum(due) FILTER (WHERE status = 'overdue') AS overdue,
           count(*) FILTER (WHERE status = 'overdue')::int AS "overdueInvoices",
           sum(due) FILTER (WHERE late BETWEEN 1 AND 30) AS b0, count(*) FILTER (WHERE late BETWEEN 1 AND 30)::int AS n0,
           sum(due) FILTER (WHERE late BETWEEN 31 AND 60) AS b1, count(*) FILTER (WHERE late BETWEEN 31 AND 60)::int AS n1,
           sum(due) FILTER (WHERE late BETWEEN 61 AND 90) AS b2, count(*) FILTER (WHERE late BETWEEN 61 AND 90)::int AS n2,
           sum(due) FILTER (WHERE late > 90) AS b3, count(*) FILTER (WHERE late > 90)::int AS n3
    FROM o`;
  return rows[0]!;
}

/** Credit held: money received that no invoice has taken. */
export async function creditHeld(db: TenantDb): Promise<bigint | null> {
  const [row] = await db.$queryRaw<{ credit: bigint | null }[]>`
    SELECT COALESCE((SELECT sum("amountIdr") FROM "Payment" WHERE "tenantId" = ${db.tenantId}::uuid), 0)
         - COALESCE((SELECT sum("amountIdr") FROM "PaymentAllocation" WHERE "tenantId" = ${db.tenantId}::uuid), 0) AS credit`;
  return row?.credit ?? null;
}
