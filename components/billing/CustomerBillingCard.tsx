"use client";
// A customer's money on their page: balance (outstanding, overdue, credit), invoices, and
// "Record payment". Finance sees every invoice (billing.invoices.list); a collector, who may
// record payments but not read billing, sees the open ones (billing.invoices.openForCustomer).
import { useMemo, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { cx } from "@/components/ui/cx";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import type { TInvoiceRow } from "@/server/modules/billing/billing.schema";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { RecordPaymentForm } from "./RecordPaymentForm";

const RECENT = 12;

type CustomerBillingCardProps = {
  customerId: string;
  /** billing.read: every invoice, links to invoice pages. */
  canRead: boolean;
  /** billing.manage: a "New invoice" link. */
  canManage: boolean;
  /** payments.record: the record-payment form. */
  canRecord: boolean;
  /** collections.own: a collector takes cash on their round (custody ledger), linked instead. */
  canCollect: boolean;
};

export function CustomerBillingCard({ customerId, canRead, canManage, canRecord, canCollect }: CustomerBillingCardProps) {
  const t = useTranslations("billing.customer");
  const format = useFormat();
  const trpc = useTRPC();
  const [paying, setPaying] = useState(false);
  // Shares the customer page's cached answer: only for the "all invoices" search link.
  const customer = useQuery(trpc.customers.get.queryOptions({ id: customerId }));
  const balance = useQuery(trpc.billing.customerBalance.queryOptions({ customerId }));
  const all = useQuery({ ...trpc.billing.invoices.list.queryOptions({ customerId, limit: RECENT }), enabled: canRead });
  const open = useQuery({ ...trpc.billing.invoices.openForCustomer.queryOptions({ customerId }), enabled: !canRead });
  const invoices = canRead ? all : open;
  const b = balance.data;

  const columns = useMemo(() => {
    const col = dataTableColumns<TInvoiceRow>();
    return col.columns([
      col.accessor("number", { header: t("columns.number"), meta: { card: "title", className: "whitespace-nowrap font-mono" }, cell: (c) => c.getValue() ?? t("draft") }),
      col.accessor("status", { header: t("columns.status"), meta: { card: "badge" }, cell: (c) => <InvoiceStatusBadge status={c.getValue()} /> }),
      col.accessor("periodStart", { header: t("columns.period"), meta: { card: "subtitle" }, cell: (c) => format.periodRange(c.getValue(), c.row.original.periodEnd) ?? t("manual") }),
      col.accessor("dueDate", { header: t("columns.due"), meta: { className: "whitespace-nowrap" }, cell: (c) => (c.getValue() ? format.calendarDate(c.getValue()) : "") }),
      col.accessor("totalIdr", { header: t("columns.total"), meta: { align: "end", className: "whitespace-nowrap tabular-nums" }, cell: (c) => format.money(c.getValue()) }),
      col.accessor("outstandingIdr", { header: t("columns.outstanding"), meta: { align: "end", className: "whitespace-nowrap tabular-nums" }, cell: (c) => (c.getValue() > 0 ? format.money(c.getValue()) : "") }),
    ]);
  }, [t, format]);

  return (
    <Card
      title={t("title")}
      action={
        <div className="flex flex-wrap gap-2">
          {canManage && <ButtonLink href={`/invoices/new?customerId=${customerId}`}>{t("newInvoice")}</ButtonLink>}
          {canCollect && !canRecord && (
            <ButtonLink href="/collections/round" variant="primary">
              {t("collectOnRound")}
            </ButtonLink>
          )}
          {canRecord && !paying && (
            <Button variant="primary" onClick={() => setPaying(true)} disabled={!b}>
              {t("recordPayment")}
            </Button>
          )}
        </div>
      }
    >
      <div className="space-y-4" data-testid="customer-billing">
        {balance.isPending && <Skeleton className="h-16" />}
        <ErrorAlert error={balance.error} title={t("balanceFailed")} />
        {b && (
          <dl className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-3">
            <Figure label={t("outstanding")} value={format.money(b.outstandingIdr)} hint={t("openInvoices", { count: b.openInvoices })} testId="balance-outstanding" />
            <Figure label={t("overdue")} value={format.money(b.overdueIdr)} alert={b.overdueIdr > 0} testId="balance-overdue" />
            <Figure label={t("credit")} value={format.money(b.creditIdr)} hint={t("creditHint")} testId="balance-credit" />
          </dl>
        )}
        {canRecord && paying && b && (
          <RecordPaymentForm
            customerId={customerId}
            defaultAmountIdr={b.outstandingIdr}
            defaultMethod={canRead ? "cash" : "collector"}
            linkInvoices={canRead}
            onCancel={() => setPaying(false)}
          />
        )}
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">{canRead ? t("invoices") : t("openOnly")}</h3>
          <ErrorAlert error={invoices.error} title={t("invoicesFailed")} />
          <DataTable
            data={invoices.data?.rows ?? []}
            columns={columns}
            getRowId={(r) => r.id}
            caption={canRead ? t("invoices") : t("openOnly")}
            loading={invoices.isPending}
            rowHref={canRead ? (r) => `/invoices/${r.id}` : undefined}
            rowTestId="customer-invoice"
            rowAttributes={(r) => ({ "data-status": r.status })}
            testId="customer-invoices"
            empty={<EmptyState title={canRead ? t("none") : t("nothingOpen")} />}
          />
          {canRead && all.data?.nextCursor && customer.data && (
            <Link href={`/invoices?q=${encodeURIComponent(customer.data.code)}`} className="mt-2 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline md:min-h-0">
              {t("allOfCustomer")}
            </Link>
          )}
        </div>
      </div>
    </Card>
  );
}

function Figure({ label, value, hint, alert, testId }: { label: string; value: string; hint?: string; alert?: boolean; testId: string }) {
  return (
    <div className={cx("rounded-lg border px-3 py-2", alert ? "border-red-200 bg-red-50" : "border-slate-200")}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={cx("text-lg font-semibold tabular-nums", alert ? "text-red-700" : "text-slate-900")} data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}
