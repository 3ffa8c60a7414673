"use client";
// The billing dashboard of a month: billed, collected, what is open and overdue now, how late
// the open invoices are, isolated customers and credit held. All figures from billing.dashboard.
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { StatCard } from "@/components/ui/StatCard";
import type { TBillingDashboard } from "@/server/modules/billing/billing.schema";
import { MonthSelect } from "./MonthSelect";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

const count = new Intl.NumberFormat("id-ID");

const BUCKET_LABELS: Record<TBillingDashboard["aging"][number]["bucket"], string> = {
  "0-30": "0–30 days",
  "31-60": "31–60 days",
  "61-90": "61–90 days",
  "90+": "More than 90 days",
};

export function BillingDashboard({ currentMonth }: { currentMonth: string }) {
  const format = useFormat();
  const trpc = useTRPC();
  const [month, setMonth] = useState(currentMonth);
  const query = useQuery(trpc.billing.dashboard.queryOptions({ period: month }));
  const d = query.data;
  const isCurrent = month === currentMonth;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="w-full sm:w-56">
          <MonthSelect label="Month" value={month} onChange={setMonth} currentMonth={currentMonth} testId="dashboard-month" />
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href="/invoices" className="font-medium text-brand-700 hover:underline">
            Invoices →
          </Link>
          <Link href="/payments" className="font-medium text-brand-700 hover:underline">
            Payments →
          </Link>
        </div>
      </div>
      <ErrorAlert error={query.error} title="Could not load the billing figures." />
      {query.isPending && (
        <div role="status" aria-label="Loading billing figures" className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      )}
      {d && (
        <>
          <section aria-label={`Figures for ${format.month(d.month)}`} className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
            <StatCard
              label={isCurrent ? "Billed this month" : `Billed in ${format.month(d.month)}`}
              value={formatRupiah(d.billedIdr)}
              hint={`${count.format(d.invoicesIssued)} invoices issued, ${count.format(d.invoicesPaid)} paid`}
              valueTestId="dashboard-billed"
            />
            <StatCard
              label={isCurrent ? "Collected this month" : `Collected in ${format.month(d.month)}`}
              value={formatRupiah(d.collectedIdr)}
              hint="Payments received, any invoice"
              valueTestId="dashboard-collected"
            />
            <StatCard label="Outstanding now" value={formatRupiah(d.outstandingIdr)} hint="Every open invoice" valueTestId="dashboard-outstanding" />
            <StatCard label="Overdue now" value={formatRupiah(d.overdueIdr)} hint="Past due date and grace days" valueTestId="dashboard-overdue" />
          </section>
          <div className="grid gap-4 lg:grid-cols-3">
            <Card title="Open invoices by days past due" className="lg:col-span-2">
              <AgingBars aging={d.aging} />
            </Card>
            <div className="space-y-3">
              <Link
                href="/customers?status=isolated"
                className="block rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50"
                data-testid="dashboard-isolated"
              >
                <div className="text-xs font-medium uppercase tracking-wide text-slate-500">Isolated customers</div>
                <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{count.format(d.isolatedCustomers)}</div>
                <div className="mt-1 text-xs font-medium text-brand-700">See who →</div>
              </Link>
              <StatCard label="Credit held" value={formatRupiah(d.creditIdr)} hint="Paid in advance, not yet applied to an invoice" valueTestId="dashboard-credit" />
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function AgingBars({ aging }: { aging: TBillingDashboard["aging"] }) {
  const largest = Math.max(...aging.map((b) => b.amountIdr), 0);
  const none = aging.every((b) => b.invoices === 0);
  return (
    <div>
      {none && <p className="mb-3 text-sm text-slate-600">No open invoice is past its due date.</p>}
      <ul className="space-y-3" data-testid="aging">
        {aging.map((b) => {
          const width = largest > 0 ? Math.max(2, Math.round((b.amountIdr / largest) * 100)) : 0;
          return (
            <li key={b.bucket} data-bucket={b.bucket}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="font-medium text-slate-800">{BUCKET_LABELS[b.bucket]}</span>
                <span className="tabular-nums text-slate-700">
                  {formatRupiah(b.amountIdr)} <span className="text-slate-500">· {count.format(b.invoices)} {b.invoices === 1 ? "invoice" : "invoices"}</span>
                </span>
              </div>
              <div className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden>
                {b.amountIdr > 0 && <div className={b.bucket === "0-30" ? "h-full rounded-full bg-amber-400" : "h-full rounded-full bg-red-500"} style={{ width: `${width}%` }} />}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
