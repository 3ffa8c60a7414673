// The billing dashboard of a month (tenant's zone): billed, collected, outstanding, overdue
// aging by days past due, isolated customers and credit held. The five queries run at once.
import type { TenantDb } from "@/server/db";
import { localDate, localMonthRange, monthBounds, toDbDate } from "@/server/time/calendar-date";
import type { TBillingDashboard } from "./billing.schema";

type Bucket = TBillingDashboard["aging"][number]["bucket"];
const BUCKETS: Bucket[] = ["0-30", "31-60", "61-90", "90+"];

export async function billingDashboard(db: TenantDb, tenantId: string, timeZone: string, period?: string): Promise<TBillingDashboard> {
  const today = localDate(new Date(), timeZone);
  const month = period ?? today.slice(0, 7);
  const days = monthBounds(`${month}-01`);
  const instants = localMonthRange(month, timeZone);
  const [[issued], [collected], open, [credit], isolated] = await Promise.all([
    db.$queryRaw<{ billed: bigint | null; issued: number; paid: number }[]>`
    SELECT sum("totalIdr") AS billed, count(*)::int AS issued, count(*) FILTER (WHERE status = 'paid')::int AS paid
    FROM "Invoice" WHERE "tenantId" = ${tenantId}::uuid AND status NOT IN ('draft', 'void')
      AND "issueDate" BETWEEN ${toDbDate(days.from)} AND ${toDbDate(days.to)}`,
    db.$queryRaw<{ collected: bigint | null }[]>`
    SELECT sum("amountIdr") AS collected FROM "Payment"
    WHERE "tenantId" = ${tenantId}::uuid AND "receivedAt" >= ${instants.from} AND "receivedAt" < ${instants.to}`,
    db.$queryRaw<{ outstanding: bigint | null; overdue: bigint | null; b0: bigint | null; n0: number; b1: bigint | null; n1: number; b2: bigint | null; n2: number; b3: bigint | null; n3: number }[]>`
    WITH o AS (
      SELECT "totalIdr" - "paidIdr" AS due, status, ${toDbDate(today)}::date - "dueDate" AS late
      FROM "Invoice" WHERE "tenantId" = ${tenantId}::uuid AND status IN ('issued', 'partially_paid', 'overdue')
    )
    SELECT sum(due) AS outstanding, sum(due) FILTER (WHERE status = 'overdue') AS overdue,
           sum(due) FILTER (WHERE late BETWEEN 1 AND 30) AS b0, count(*) FILTER (WHERE late BETWEEN 1 AND 30)::int AS n0,
           sum(due) FILTER (WHERE late BETWEEN 31 AND 60) AS b1, count(*) FILTER (WHERE late BETWEEN 31 AND 60)::int AS n1,
           sum(due) FILTER (WHERE late BETWEEN 61 AND 90) AS b2, count(*) FILTER (WHERE late BETWEEN 61 AND 90)::int AS n2,
           sum(due) FILTER (WHERE late > 90) AS b3, count(*) FILTER (WHERE late > 90)::int AS n3
    FROM o`,
    // Credit held: money received that no invoice has taken.
    db.$queryRaw<{ credit: bigint | null }[]>`
      SELECT COALESCE((SELECT sum("amountIdr") FROM "Payment" WHERE "tenantId" = ${tenantId}::uuid), 0)
           - COALESCE((SELECT sum("amountIdr") FROM "PaymentAllocation" WHERE "tenantId" = ${tenantId}::uuid), 0) AS credit`,
    db.customer.count({ where: { status: "isolated" } }),
  ]);
  const o = open[0]!;
  const n = (v: bigint | null | undefined) => Number(v ?? 0);
  return {
    month,
    billedIdr: n(issued?.billed),
    collectedIdr: n(collected?.collected),
    outstandingIdr: n(o.outstanding),
    overdueIdr: n(o.overdue),
    invoicesIssued: issued?.issued ?? 0,
    invoicesPaid: issued?.paid ?? 0,
    aging: BUCKETS.map((bucket, i) => ({ bucket, invoices: [o.n0, o.n1, o.n2, o.n3][i]!, amountIdr: n([o.b0, o.b1, o.b2, o.b3][i]) })),
    isolatedCustomers: isolated,
    creditIdr: n(credit?.credit),
  };
}
