"use client";
// The billing dashboard of a month: billed, collected, what is open and overdue now, how late
// the open invoices are, isolated customers and credit held. All figures from billing.dashboard.
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import type { TBillingDashboard } from "@/server/modules/billing/billing.schema";
import { MonthSelect } from "./MonthSelect";

const LINK_CLASS = "inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline md:min-h-0";

export function BillingDashboard({ currentMonth }: { currentMonth: string }) {
  const t = useTranslations("billing.dashboard");
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
          <MonthSelect label={t("month")} value={month} onChange={setMonth} currentMonth={currentMonth} testId="dashboard-month" />
        </div>
        <div className="flex flex-wrap gap-4 text-sm">
          <Link href="/invoices" className={LINK_CLASS}>
            {t("invoicesLink")}
          </Link>
          <Link href="/payments" className={LINK_CLASS}>
            {t("paymentsLink")}
          </Link>
        </div>
      </div>
      <ErrorAlert error={query.error} title={t("loadFailed")} />
      {query.isPending && (
        <div role="status" aria-label={t("loading")} className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      )}
      {d && (
        <>
          <section aria-label={t("figuresFor", { month: format.month(d.month) })} className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
            <StatCard
              label={isCurrent ? t("billedThisMonth") : t("billedIn", { month: format.month(d.month) })}
              value={format.money(d.billedIdr)}
              hint={t("billedHint", { issued: d.invoicesIssued, paid: d.invoicesPaid })}
              valueTestId="dashboard-billed"
            />
            <StatCard
              label={isCurrent ? t("collectedThisMonth") : t("collectedIn", { month: format.month(d.month) })}
              value={format.money(d.collectedIdr)}
              hint={t("collectedHint")}
              valueTestId="dashboard-collected"
            />
            <StatCard label={t("outstanding")} value={format.money(d.outstandingIdr)} hint={t("outstandingHint")} valueTestId="dashboard-outstanding" />
            <StatCard label={t("overdue")} value={format.money(d.overdueIdr)} hint={t("overdueHint")} valueTestId="dashboard-overdue" />
          </section>
          <div className="grid gap-4 lg:grid-cols-3">
            <Card title={t("agingTitle")} className="lg:col-span-2">
              <AgingBars aging={d.aging} />
            </Card>
            <div className="space-y-3">
              <Link
                href="/customers?status=isolated"
                className="block rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50"
                data-testid="dashboard-isolated"
              >
                <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("isolated")}</div>
                <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{format.count(d.isolatedCustomers)}</div>
                <div className="mt-1 text-xs font-medium text-brand-700">{t("seeWho")}</div>
              </Link>
              <StatCard label={t("credit")} value={format.money(d.creditIdr)} hint={t("creditHint")} valueTestId="dashboard-credit" />
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function AgingBars({ aging }: { aging: TBillingDashboard["aging"] }) {
  const t = useTranslations("billing.dashboard");
  const format = useFormat();
  const largest = Math.max(...aging.map((b) => b.amountIdr), 0);
  const none = aging.every((b) => b.invoices === 0);
  return (
    <div>
      {none && <p className="mb-3 text-sm text-slate-600">{t("agingNone")}</p>}
      <ul className="space-y-3" data-testid="aging">
        {aging.map((b) => {
          const width = largest > 0 ? Math.max(2, Math.round((b.amountIdr / largest) * 100)) : 0;
          return (
            <li key={b.bucket} data-bucket={b.bucket}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="font-medium text-slate-800">{t(`bucket.${b.bucket}`)}</span>
                <span className="tabular-nums text-slate-700">
                  {format.money(b.amountIdr)} <span className="text-slate-500">· {t("invoices", { count: b.invoices })}</span>
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
