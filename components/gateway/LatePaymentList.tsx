"use client";
// Late payments, for finance to follow up: money that arrived on a payment code (QRIS / virtual
// account) after it was superseded — its invoice was settled another way or changed. Nothing is
// lost: the payment is booked, and what no invoice took is the customer's credit. Each row says
// where the money came from (code, invoice) and where it went (receipt, credit), newest first.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import type { TLateGatewayPayment } from "@/server/modules/billing/gateway/gateway.schema";

const LINK = "inline-flex min-h-11 items-center text-brand-700 hover:underline md:min-h-0";

export function LatePaymentList() {
  const t = useTranslations("billing.latePayments");
  const format = useFormat();
  const trpc = useTRPC();
  const query = useQuery(trpc.gateway.latePayments.queryOptions());
  const rows = useMemo(() => query.data ?? [], [query.data]);
  const credit = rows.reduce((s, r) => s + r.creditIdr, 0);

  const columns = useMemo(() => {
    const col = dataTableColumns<TLateGatewayPayment>();
    return col.columns([
      col.accessor("customerName", {
        header: t("columns.customer"),
        meta: { card: "title" },
        cell: (c) => (
          <Link href={`/customers/${c.row.original.customerId}`} className="inline-flex min-h-11 items-center truncate font-medium text-slate-900 hover:underline md:min-h-0">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor("amountIdr", {
        header: t("columns.amount"),
        meta: { card: "badge", align: "end", className: "whitespace-nowrap tabular-nums" },
        cell: (c) => format.money(c.getValue()),
      }),
      col.accessor("creditIdr", {
        header: t("columns.credit"),
        meta: { align: "end", className: "whitespace-nowrap tabular-nums" },
        cell: (c) => (c.getValue() > 0 ? t("creditHeld", { amount: format.money(c.getValue()) }) : t("allApplied")),
      }),
      col.accessor("paidAt", { header: t("columns.paidAt"), meta: { className: "whitespace-nowrap" }, cell: (c) => format.dateTime(c.getValue()) }),
      col.accessor("providerReference", {
        header: t("columns.code"),
        meta: { className: "text-xs text-slate-600" },
        cell: (c) => (
          <>
            <span className="block">{c.row.original.methodLabel}</span>
            <span className="block font-mono">{c.getValue()}</span>
          </>
        ),
      }),
      col.accessor("invoiceNumber", {
        header: t("columns.invoice"),
        cell: (c) => (
          <Link href={`/invoices/${c.row.original.invoiceId}`} className={`${LINK} font-mono text-xs`}>
            {c.getValue() ?? t("draftInvoice")}
          </Link>
        ),
      }),
      col.accessor("receiptNumber", {
        header: t("columns.receipt"),
        cell: (c) => (
          <a href={`/payments/${c.row.original.paymentId}/receipt`} target="_blank" rel="noopener" className={`${LINK} font-mono text-xs`}>
            {c.getValue()}
          </a>
        ),
      }),
    ]);
  }, [t, format]);

  return (
    <Card title={t("listTitle")}>
      <ErrorAlert error={query.error} title={t("loadFailed")} />
      {rows.length > 0 && (
        <div className="mb-3 flex flex-wrap gap-x-6 gap-y-1 rounded-lg bg-slate-50 px-3 py-2 text-sm" data-testid="late-payments-summary">
          <span>{t("shown", { count: rows.length })}</span>
          {credit > 0 && <span>{t("totalCredit", { amount: format.money(credit) })}</span>}
        </div>
      )}
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.chargeId}
        caption={t("listTitle")}
        loading={query.isPending}
        empty={<EmptyState title={t("none")}>{t("noneHint")}</EmptyState>}
        rowTestId="late-payment-row"
        testId="late-payments-table"
      />
    </Card>
  );
}
