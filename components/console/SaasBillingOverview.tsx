"use client";
// RRNET's invoices to its ISPs: this month's totals (billed, collected, outstanding), every
// tenant's SaaS invoices with a status filter and paging (a table from md up, cards on phones),
// and issuing this month's missing invoices now. RRNET's own books only.
import Link from "next/link";
import { useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { SaasInvoiceStatusBadge, SaasStandingBadge } from "@/components/saas-billing/SaasBadges";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Pager } from "@/components/ui/Pager";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { StatCard } from "@/components/ui/StatCard";
import { SAAS_INVOICE_STATUSES, type TIssuingResult, type TSaasInvoiceRow, type TSaasInvoiceStatus } from "@/server/modules/saas-billing/saas-billing.schema";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

const PAGE_SIZE = 25;
const STATUS_LABELS: Record<TSaasInvoiceStatus, string> = { issued: "Issued (not due yet)", overdue: "Overdue", paid: "Paid", void: "Void" };

function Amounts({ row }: { row: TSaasInvoiceRow }) {
  return (
    <>
      <span className="tabular-nums text-slate-900">{formatRupiah(row.totalIdr)}</span>
      {row.paidIdr > 0 && row.status !== "paid" && <span className="block text-xs text-slate-500">paid {formatRupiah(row.paidIdr)}</span>}
    </>
  );
}

function InvoiceCard({ row }: { row: TSaasInvoiceRow }) {
  const format = useFormat();
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="saas-invoice-row">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <Link href={`/tenants/${row.tenant.id}`} className="block truncate font-medium text-brand-700 hover:underline">
            {row.tenant.name}
          </Link>
          <div className="truncate font-mono text-xs text-slate-500">{row.number}</div>
        </div>
        <SaasInvoiceStatusBadge status={row.status} partlyPaid={row.paidIdr > 0 && row.status !== "paid"} />
      </div>
      <dl className="mt-2 grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">Month</dt>
        <dd className="text-slate-900">{format.month(row.period)}</dd>
        <dt className="text-slate-500">Due</dt>
        <dd className="text-slate-900">{format.calendarDate(row.dueDate)}</dd>
        <dt className="text-slate-500">Amount</dt>
        <dd>
          <Amounts row={row} />
        </dd>
        <dt className="text-slate-500">Standing</dt>
        <dd>
          <SaasStandingBadge standing={row.tenant.saasStanding} />
        </dd>
      </dl>
    </li>
  );
}

function InvoiceTable({ rows }: { rows: TSaasInvoiceRow[] }) {
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Invoice</th>
            <th scope="col" className="py-2 pr-4 font-medium">Tenant</th>
            <th scope="col" className="py-2 pr-4 font-medium">Month</th>
            <th scope="col" className="py-2 pr-4 font-medium">Due</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Amount</th>
            <th scope="col" className="py-2 font-medium">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top" data-testid="saas-invoice-row">
              <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs text-slate-700">{row.number}</td>
              <td className="py-2 pr-4">
                <Link href={`/tenants/${row.tenant.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.tenant.name}
                </Link>
                <div className="mt-0.5">
                  <SaasStandingBadge standing={row.tenant.saasStanding} />
                </div>
              </td>
              <td className="whitespace-nowrap py-2 pr-4 text-slate-900">{format.month(row.period)}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-slate-700">{format.calendarDate(row.dueDate)}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-right">
                <Amounts row={row} />
              </td>
              <td className="py-2">
                <SaasInvoiceStatusBadge status={row.status} partlyPaid={row.paidIdr > 0 && row.status !== "paid"} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IssuingNote({ result }: { result: TIssuingResult }) {
  const format = useFormat();
  return (
    <div role="status" className="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="issuing-result">
      {format.month(result.period)}: {format.count(result.issued)} invoice{result.issued === 1 ? "" : "s"} issued now, {format.count(result.existing)} already issued,{" "}
      {format.count(result.free)} with nothing to bill.
      {result.failed.length > 0 && <span className="font-medium text-red-700"> {format.count(result.failed.length)} could not be issued (see the worker log).</span>}
    </div>
  );
}

export function SaasBillingOverview() {
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<TSaasInvoiceStatus | "">("");
  const [page, setPage] = useState(1);
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

  const filter = (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      Status
      <select
        className="mt-1 min-h-10 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-800"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as TSaasInvoiceStatus | "");
          setPage(1);
        }}
        data-testid="saas-status-filter"
      >
        <option value="">All</option>
        {SAAS_INVOICE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div>
      <PageHeader
        title="SaaS billing"
        description="RRNET's monthly invoices to its ISPs and the payments received. An ISP more than the grace period behind is read-only until it pays."
        actions={
          totals && (
            <Button
              variant="primary"
              disabled={run.isPending}
              onClick={() => {
                if (window.confirm(`Issue the ${format.month(totals.period)} invoices that are missing now? Tenants that have theirs are left alone.`)) run.mutate({ period: totals.period });
              }}
              data-testid="run-issuing"
            >
              {run.isPending ? "Issuing…" : `Issue ${format.month(totals.period)} now`}
            </Button>
          )
        }
      />
      {run.data && <IssuingNote result={run.data} />}
      {run.error && (
        <div className="mb-4">
          <ErrorAlert error={run.error} title="Could not issue the invoices." />
        </div>
      )}
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {totals ? (
          <>
            <StatCard label={`Billed, ${format.month(totals.period)}`} value={formatRupiah(totals.billedIdr)} hint="This month's invoices" valueTestId="saas-billed" />
            <StatCard label={`Collected, ${format.month(totals.period)}`} value={formatRupiah(totals.collectedIdr)} hint="Payments received this month" valueTestId="saas-collected" />
            <StatCard label="Outstanding" value={formatRupiah(totals.outstandingIdr)} hint="Unpaid, every month" valueTestId="saas-outstanding" emphasis />
            <StatCard label="Of which overdue" value={formatRupiah(totals.overdueIdr)} hint="Past the due date" valueTestId="saas-overdue" />
          </>
        ) : (
          [0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-24" />)
        )}
      </div>
      <Card title={data ? `${format.count(data.total)} invoice${data.total === 1 ? "" : "s"}` : "Invoices"} action={filter}>
        {list.isPending && (
          <div role="status" aria-label="Loading invoices" className="space-y-2">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
        )}
        <ErrorAlert error={list.error} title="Could not load the invoices." />
        {data && data.items.length === 0 && <p className="py-6 text-center text-sm text-slate-500">No SaaS invoices{status ? " with this status" : " yet"}.</p>}
        {data && data.items.length > 0 && (
          <div className={list.isPlaceholderData ? "opacity-60" : undefined}>
            <ul className="space-y-3 md:hidden">
              {data.items.map((row) => (
                <InvoiceCard key={row.id} row={row} />
              ))}
            </ul>
            <div className="hidden md:block">
              <InvoiceTable rows={data.items} />
            </div>
          </div>
        )}
        {data && <Pager page={page} pages={pages} onPage={setPage} />}
      </Card>
    </div>
  );
}
