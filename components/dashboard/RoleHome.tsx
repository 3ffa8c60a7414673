"use client";
// The staff home page: what the signed-in role works on, from tenant.home. Finance figures for
// those who read billing, the collector's own day, the customers a technician can act on, and
// the user accounts for those who read the staff list.
import { useMemo } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { HeldCashFigure } from "@/components/collections/HeldCashFigure";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Skeleton } from "@/components/ui/Skeleton";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import type { TBillingHome } from "@/server/modules/billing/billing.schema";
import type { TCollectorDay } from "@/server/modules/collections/collections.schema";
import type { TTenantHome } from "@/server/modules/tenant/tenant.schema";
import { OverviewCards } from "./OverviewCards";

export function RoleHome() {
  const t = useTranslations("dashboard.home");
  const format = useFormat();
  const trpc = useTRPC();
  const query = useQuery(trpc.tenant.home.queryOptions());
  const home = query.data;
  return (
    <div className="space-y-6">
      <ErrorAlert error={query.error} title={t("couldNotLoad")} />
      {query.isPending && (
        <div role="status" aria-label={t("loading")} className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      )}
      {home?.collections && <CollectorDay day={home.collections} />}
      {home?.billing && <FinanceFigures figures={home.billing} collectorsCash={home.collectorsCash} />}
      {home?.field && <FieldCustomers field={home.field} />}
      {home?.staff && <OverviewCards />}
      {home && <p className="text-xs text-slate-500">{t("updated", { time: format.timeWithSeconds(home.generatedAt) })}</p>}
    </div>
  );
}

/** A figure that opens the list behind it: the whole card is the tap target. */
function LinkedFigure({ href, label, value, hint, testId }: { href: string; label: string; value: string; hint: string; testId: string }) {
  return (
    <Link href={href} className="block min-h-11 rounded-xl border border-slate-200 bg-white p-4 hover:border-brand-300 hover:bg-brand-50" data-testid={testId}>
      <div className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</div>
      <div className="mt-1 text-xs font-medium text-brand-700">{hint} →</div>
    </Link>
  );
}

function FinanceFigures({ figures, collectorsCash }: { figures: TBillingHome; collectorsCash: TTenantHome["collectorsCash"] }) {
  const t = useTranslations("dashboard.home.finance");
  const cash = useTranslations("collections.cash");
  const format = useFormat();
  return (
    <Card title={t("title", { month: format.month(figures.month) })} action={<ButtonLink href="/billing">{t("details")}</ButtonLink>}>
      <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-4">
        <StatCard label={t("billed")} value={format.money(figures.billedIdr)} valueTestId="home-billed" />
        <StatCard label={t("collected")} value={format.money(figures.collectedIdr)} valueTestId="home-collected" />
        <StatCard label={t("collectedToday")} value={format.money(figures.collectedTodayIdr)} emphasis valueTestId="home-collected-today" />
        <StatCard label={t("outstanding")} value={format.money(figures.outstandingIdr)} hint={t("outstandingHint")} valueTestId="home-outstanding" />
        <StatCard label={t("overdue")} value={format.money(figures.overdueIdr)} hint={t("overdueHint", { count: figures.overdueInvoices })} valueTestId="home-overdue" />
        <LinkedFigure href="/customers?status=isolated" label={t("isolated")} value={format.count(figures.isolatedCustomers)} hint={t("seeWho")} testId="home-isolated" />
        <LinkedFigure href="/customers" label={t("newCustomers")} value={format.count(figures.newCustomers)} hint={t("seeWho")} testId="home-new-customers" />
        {collectorsCash && (
          <LinkedFigure
            href="/collections/cash"
            label={cash("heldTotal")}
            value={format.money(collectorsCash.heldIdr)}
            hint={cash("heldTotalHint", { count: collectorsCash.collectors })}
            testId="home-collectors-cash"
          />
        )}
      </div>
    </Card>
  );
}

type Collection = TCollectorDay["collections"][number];

function CollectorDay({ day }: { day: TCollectorDay }) {
  const t = useTranslations("dashboard.home.collector");
  const format = useFormat();
  const col = dataTableColumns<Collection>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("customerName", { header: t("customer"), meta: { card: "title" } }),
        col.accessor("receiptNumber", { header: t("receipt"), meta: { card: "subtitle", className: "font-mono" }, cell: (c) => t("receiptAt", { number: c.getValue(), time: format.time(c.row.original.collectedAt) }) }),
        col.accessor("amountIdr", { header: t("amount"), meta: { card: "detail", className: "text-right tabular-nums" }, cell: (c) => format.money(c.getValue()) }),
      ]),
    [col, t, format],
  );
  return (
    <Card title={t("title")} action={<ButtonLink href="/collections/round" variant="primary">{t("record")}</ButtonLink>}>
      <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2">
        <StatCard label={t("collected")} value={format.money(day.collectedIdr)} hint={t("collections", { count: day.collections.length })} emphasis valueTestId="home-collector-today" />
        <HeldCashFigure heldIdr={day.heldIdr} pendingDepositIdr={day.pendingDepositIdr} testId="home-collector-held" />
      </div>
      <div className="mt-4">
        <DataTable
          data={day.collections}
          columns={columns}
          getRowId={(r) => r.id}
          caption={t("listCaption")}
          rowHref={(r) => `/payments/${r.paymentId}/receipt`}
          empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>}
        />
      </div>
    </Card>
  );
}

function FieldCustomers({ field }: { field: NonNullable<TTenantHome["field"]> }) {
  const t = useTranslations("dashboard.home.field");
  const format = useFormat();
  return (
    <Card title={t("title")}>
      <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-3">
        <LinkedFigure href="/customers?status=prospect" label={t("prospects")} value={format.count(field.prospects)} hint={t("prospectsHint")} testId="home-field-prospects" />
        <LinkedFigure href="/customers?status=isolated" label={t("isolated")} value={format.count(field.isolated)} hint={t("isolatedHint")} testId="home-field-isolated" />
        <LinkedFigure href="/customers?status=active" label={t("active")} value={format.count(field.active)} hint={t("activeHint")} testId="home-field-active" />
      </div>
    </Card>
  );
}
