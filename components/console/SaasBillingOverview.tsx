"use client";
// RRNET's invoices to its ISPs: this month's totals (billed, collected, outstanding), every
// tenant's SaaS invoices with a status filter kept in the URL and paging, and issuing this
// month's missing invoices now (confirmed first). RRNET's own books only.
import { useMemo } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { SaasInvoiceStatusBadge, SaasStandingBadge } from "@/components/saas-billing/SaasBadges";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { useUrlFilters } from "@/components/ui/hooks";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pager } from "@/components/ui/Pager";
import { Skeleton } from "@/components/ui/Skeleton";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import { SAAS_INVOICE_STATUSES, type TIssuingResult, type TSaasInvoiceRow, type TSaasInvoiceStatus } from "@/server/modules/saas-billing/saas-billing.schema";

const PAGE_SIZE = 25;
const FILTERS = ["status", "page"] as const;

function IssuingNote({ result }: { result: TIssuingResult }) {
  const t = useTranslations("console.saas.issuing");
  const format = useFormat();
  return (
    <Alert tone={result.failed.length > 0 ? "warning" : "success"} className="mb-4" testId="issuing-result">
      {t("result", { month: format.month(result.period), issued: result.issued, existing: result.existing, free: result.free })}
      {result.failed.length > 0 && <span className="font-medium"> {t("failed", { count: result.failed.length })}</span>}
    </Alert>
  );
}

export function SaasBillingOverview() {
  const t = useTranslations("console.saas");
  const common = useTranslations("common");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const status = (SAAS_INVOICE_STATUSES as readonly string[]).includes(filters.status) ? (filters.status as TSaasInvoiceStatus) : "";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(filters.page, 10) || 1));
  const input = { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) };
  const list = useQuery({ ...trpc.platform.saasBilling.list.queryOptions(input), placeholderData: keepPreviousData });
  const run = useMutation(
    trpc.platform.saasBilling.runIssuing.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.platform.saasBilling.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.platform.audit.list.queryKey() });
      },
    }),
  );
  const data = list.data;
  const totals = data?.totals;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const columns = useMemo(() => {
    const col = dataTableColumns<TSaasInvoiceRow>();
    return col.columns([
      col.accessor((r) => r.tenant.name, { id: "tenant", header: t("columns.tenant"), meta: { card: "title" } }),
      col.accessor("number", { header: t("columns.invoice"), meta: { card: "subtitle", className: "whitespace-nowrap font-mono text-xs text-slate-700" } }),
      col.accessor((r) => r.tenant.saasStanding, { id: "standing", header: t("columns.standing"), cell: (c) => <SaasStandingBadge standing={c.getValue()} /> }),
      col.accessor("period", { header: t("columns.month"), cell: (c) => format.month(c.getValue()) }),
      col.accessor("dueDate", { header: t("columns.due"), cell: (c) => format.calendarDate(c.getValue()) }),
      col.accessor("totalIdr", {
        header: t("columns.amount"),
        meta: { align: "end", className: "whitespace-nowrap tabular-nums" },
        cell: (c) => {
          const row = c.row.original;
          return (
            <>
              {format.money(row.totalIdr)}
              {row.paidIdr > 0 && row.status !== "paid" && <span className="block text-xs text-slate-500">{t("paid", { amount: format.money(row.paidIdr) })}</span>}
            </>
          );
        },
      }),
      col.accessor("status", {
        header: t("columns.status"),
        meta: { card: "badge" },
        cell: (c) => <SaasInvoiceStatusBadge status={c.getValue()} partlyPaid={c.row.original.paidIdr > 0 && c.getValue() !== "paid"} />,
      }),
    ]);
  }, [t, format]);

  const filter = (
    <FilterSelect
      label={t("columns.status")}
      allLabel={common("all")}
      value={status}
      values={SAAS_INVOICE_STATUSES}
      labels={{ issued: t("statusFilter.issued"), overdue: t("statusFilter.overdue"), paid: t("statusFilter.paid"), void: t("statusFilter.void") }}
      onChange={(value) => setFilters({ status: value || null, page: null })}
      testId="saas-status-filter"
    />
  );

  return (
    <div>
      <PageHeader
        title={t("overviewTitle")}
        description={t("overviewDescription")}
        actions={
          totals && (
            <ConfirmDialog
              trigger={
                <Button variant="primary" loading={run.isPending} onClick={() => run.reset()} data-testid="run-issuing">
                  {t("issuing.run", { month: format.month(totals.period) })}
                </Button>
              }
              tone="primary"
              title={t("issuing.confirmTitle", { month: format.month(totals.period) })}
              description={t("issuing.confirmBody", { month: format.month(totals.period) })}
              confirmLabel={t("issuing.run", { month: format.month(totals.period) })}
              onConfirm={() => run.mutateAsync({ period: totals.period })}
              testId="run-issuing-dialog"
            >
              <ErrorAlert error={run.error} title={t("issuing.error")} />
            </ConfirmDialog>
          )
        }
      />
      {run.data && <IssuingNote result={run.data} />}
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {totals ? (
          <>
            <StatCard label={t("totals.billed", { month: format.month(totals.period) })} value={format.money(totals.billedIdr)} hint={t("totals.billedHint")} valueTestId="saas-billed" />
            <StatCard label={t("totals.collected", { month: format.month(totals.period) })} value={format.money(totals.collectedIdr)} hint={t("totals.collectedHint")} valueTestId="saas-collected" />
            <StatCard label={t("totals.outstanding")} value={format.money(totals.outstandingIdr)} hint={t("totals.outstandingHint")} valueTestId="saas-outstanding" emphasis />
            <StatCard label={t("totals.overdue")} value={format.money(totals.overdueIdr)} hint={t("totals.overdueHint")} valueTestId="saas-overdue" />
          </>
        ) : (
          [0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-24" />)
        )}
      </div>
      <Card title={data ? t("invoiceCount", { count: data.total }) : t("invoices")} action={filter}>
        <ErrorAlert error={list.error} title={t("listFailed")} />
        <div className={list.isPlaceholderData ? "opacity-60" : undefined}>
          <DataTable
            data={data?.items ?? []}
            columns={columns}
            getRowId={(r) => r.id}
            caption={t("invoices")}
            loading={list.isPending}
            empty={<EmptyState title={status ? t("noneWithStatus") : t("noneYet")} />}
            rowHref={(r) => `/tenants/${r.tenant.id}`}
            rowTestId="saas-invoice-row"
          />
        </div>
        {data && <Pager page={page} pages={pages} onPage={(p) => setFilters({ page: p > 1 ? String(p) : null })} />}
      </Card>
    </div>
  );
}
