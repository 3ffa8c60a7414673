// The billing dashboard of a month (tenant's zone): billed, collected, outstanding, overdue
// aging by days past due, isolated customers and credit held. The five queries run at once.
import "server-only";
import type { TenantDb } from "@/server/db";
import { countCustomers, countCustomersCreated } from "@/server/modules/customers/customer.service";
import { addDays, localDate, localMonthRange, monthBounds, startOfLocalDay, toDbDate } from "@/server/time/calendar-date";
import type { TBillingDashboard, TBillingHome } from "./billing.schema";
import { creditHeld, openAging, sumCollected, sumIssued } from "./dashboard.repository";

const n = (v: bigint | null | undefined) => Number(v ?? 0);

type Bucket = TBillingDashboard["aging"][number]["bucket"];
const BUCKETS: Bucket[] = ["0-30", "31-60", "61-90", "90+"];

/** `period` ("2026-05", default this month) in `timeZone`, the tenant's zone. */
export async function billingDashboard(db: TenantDb, input: { timeZone: string; period?: string }): Promise<TBillingDashboard> {
  const { timeZone } = input;
  const today = localDate(new Date(), timeZone);
  const month = input.period ?? today.slice(0, 7);
  const days = monthBounds(`${month}-01`);
  const instants = localMonthRange(month, timeZone);
  const [issued, collected, o, credit, isolated] = await Promise.all([
    sumIssued(db, toDbDate(days.from), toDbDate(days.to)),
    sumCollected(db, instants.from, instants.to),
    openAging(db, toDbDate(today)),
    creditHeld(db),
    countCustomers(db, { status: "isolated" }),
  ]);
  return {
    month,
    billedIdr: n(issued.billed),
    collectedIdr: n(collected),
    outstandingIdr: n(o.outstanding),
    overdueIdr: n(o.overdue),
    invoicesIssued: issued.issued,
    invoicesPaid: issued.paid,
    aging: BUCKETS.map((bucket, i) => ({ bucket, invoices: [o.n0, o.n1, o.n2, o.n3][i]!, amountIdr: n([o.b0, o.b1, o.b2, o.b3][i]) })),
    isolatedCustomers: isolated,
    creditIdr: n(credit),
  };
}

/**
 * The finance home page (owner, admin, finance): billed and collected this month, collected
 * today, what is outstanding and overdue now, isolated customers, customers added this month.
 */
export async function billingHome(db: TenantDb, input: { timeZone: string; now?: Date }): Promise<TBillingHome> {
  const { timeZone } = input;
  const today = localDate(input.now ?? new Date(), timeZone);
  const month = today.slice(0, 7);
  const days = monthBounds(`${month}-01`);
  const monthInstants = localMonthRange(month, timeZone);
  const [issued, collected, collectedToday, open, isolated, newCustomers] = await Promise.all([
    sumIssued(db, toDbDate(days.from), toDbDate(days.to)),
    sumCollected(db, monthInstants.from, monthInstants.to),
    sumCollected(db, startOfLocalDay(today, timeZone), startOfLocalDay(addDays(today, 1), timeZone)),
    openAging(db, toDbDate(today)),
    countCustomers(db, { status: "isolated" }),
    countCustomersCreated(db, monthInstants),
  ]);
  return {
    month,
    billedIdr: n(issued.billed),
    collectedIdr: n(collected),
    collectedTodayIdr: n(collectedToday),
    outstandingIdr: n(open.outstanding),
    overdueIdr: n(open.overdue),
    overdueInvoices: open.overdueInvoices,
    isolatedCustomers: isolated,
    newCustomers,
  };
}
