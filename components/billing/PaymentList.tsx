"use client";
// Payments received, newest first: filter by method and month (kept in the URL), receipts to
// print, the sum of what is shown, "load more" keyset paging, on the kit's DataTable.
import { useMemo } from "react";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CustomerNameCell } from "@/components/customers/CustomerNameCell";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { useUrlFilters } from "@/components/ui/hooks";
import { useFormat } from "@/components/ui/use-format";
import { PAYMENT_METHODS, type TPaymentMethod, type TPaymentRow } from "@/server/modules/billing/billing.schema";
import { MonthSelect } from "./MonthSelect";

const PAGE_SIZE = 50;
const FILTERS = ["method", "month"] as const;
const MONTH = /^\d{4}-\d{2}$/;

export function PaymentList({ currentMonth }: { currentMonth: string }) {
  const t = useTranslations("billing.payments");
  const methods = useTranslations("billing.paymentMethod");
  const format = useFormat();
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const method = (PAYMENT_METHODS as readonly string[]).includes(filters.method) ? (filters.method as TPaymentMethod) : "";
  // No month in the URL: this month; "any" is every month.
  const period = filters.month === "any" ? "" : MONTH.test(filters.month) ? filters.month : currentMonth;
  const filter = { ...(method ? { method } : {}), ...(period ? { period } : {}) };
  const query = useInfiniteQuery(trpc.billing.payments.list.infiniteQueryOptions({ ...filter, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const total = rows.reduce((s, r) => s + r.amountIdr, 0);
  const credit = rows.reduce((s, r) => s + r.unallocatedIdr, 0);
  const methodLabels = useMemo(() => Object.fromEntries(PAYMENT_METHODS.map((m) => [m, methods(m)])) as Record<TPaymentMethod, string>, [methods]);

  const columns = useMemo(() => {
    const col = dataTableColumns<TPaymentRow>();
    return col.columns([
      col.accessor("customerName", {
        header: t("columns.customer"),
        meta: { card: "title" },
        cell: (c) => (
          <CustomerNameCell
            name={
              <Link href={`/customers/${c.row.original.customerId}`} className="inline-flex min-h-11 items-center truncate font-medium text-slate-900 hover:underline md:min-h-0">
                {c.getValue()}
              </Link>
            }
            code={c.row.original.customerCode}
          />
        ),
      }),
      col.accessor("amountIdr", {
        header: t("columns.amount"),
        meta: { card: "badge", align: "end", className: "whitespace-nowrap tabular-nums" },
        cell: (c) => (
          <>
            {format.money(c.getValue())}
            {c.row.original.unallocatedIdr > 0 && <span className="block text-xs text-slate-500">{t("credit", { amount: format.money(c.row.original.unallocatedIdr) })}</span>}
          </>
        ),
      }),
      col.accessor("receivedAt", { header: t("columns.received"), meta: { className: "whitespace-nowrap" }, cell: (c) => format.dateTime(c.getValue()) }),
      col.accessor("method", { header: t("columns.method"), cell: (c) => methods(c.getValue()) }),
      col.accessor("reference", {
        header: t("columns.reference"),
        meta: { className: "max-w-48 text-xs text-slate-600" },
        cell: (c) => (
          <>
            <span className="block truncate">{c.getValue() ?? "—"}</span>
            {c.row.original.recordedBy && <span className="block truncate text-slate-500">{c.row.original.recordedBy}</span>}
          </>
        ),
      }),
      col.accessor("receiptNumber", {
        header: t("columns.receipt"),
        cell: (c) => (
          <span className="flex flex-wrap gap-3 text-xs">
            <a href={`/payments/${c.row.original.id}/receipt`} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center font-mono text-brand-700 hover:underline md:min-h-0">
              {c.getValue()}
            </a>
            <a href={`/api/payments/${c.row.original.id}/pdf`} className="inline-flex min-h-11 min-w-11 items-center justify-center font-medium text-brand-700 hover:underline md:min-h-0 md:min-w-0" aria-label={t("pdfOf", { receipt: c.getValue() })}>
              {t("pdf")}
            </a>
          </span>
        ),
      }),
    ]);
  }, [t, methods, format]);

  return (
    <Card title={t("title")}>
      <div className="mb-3 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <FilterSelect
          className="sm:w-48"
          label={t("method")}
          value={method}
          onChange={(value) => setFilters({ method: value || null })}
          values={PAYMENT_METHODS}
          labels={methodLabels}
          allLabel={t("allMethods")}
          testId="payments-method-filter"
        />
        <div className="sm:w-48">
          <MonthSelect
            label={t("month")}
            value={period}
            onChange={(value) => setFilters({ month: value === currentMonth ? null : value || "any" })}
            currentMonth={currentMonth}
            anyLabel={t("anyMonth")}
            testId="payments-month-filter"
          />
        </div>
      </div>
      <ErrorAlert error={query.error} title={t("loadFailed")} />
      {rows.length > 0 && (
        <div className="mb-3 flex flex-wrap gap-x-6 gap-y-1 rounded-lg bg-slate-50 px-3 py-2 text-sm" data-testid="payments-summary">
          <span>{query.hasNextPage ? t("shownMore", { count: rows.length }) : t("shown", { count: rows.length })}</span>
          <span>{t("total", { amount: format.money(total) })}</span>
          {credit > 0 && <span>{t("heldAsCredit", { amount: format.money(credit) })}</span>}
        </div>
      )}
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        caption={t("title")}
        loading={query.isPending}
        empty={<EmptyState title={method || period ? t("noneMatch") : t("none")} />}
        loadMore={query}
        rowTestId="payment-row"
        testId="payments-table"
      />
    </Card>
  );
}
