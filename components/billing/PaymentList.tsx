"use client";
// Payments received, newest first: filter by method and month, receipts to print, the sum of
// what is shown, "Load more" keyset paging. Cards on phones, a table from md up.
import { useState } from "react";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS, type TPaymentMethod, type TPaymentRow } from "@/server/modules/billing/billing.schema";
import { MonthSelect } from "./MonthSelect";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { LoadMore } from "@/components/ui/LoadMore";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

const PAGE_SIZE = 50;

export function PaymentList({ currentMonth }: { currentMonth: string }) {
  const format = useFormat();
  const trpc = useTRPC();
  const [method, setMethod] = useState<TPaymentMethod | "">("");
  const [period, setPeriod] = useState(currentMonth);
  const filter = { ...(method ? { method } : {}), ...(period ? { period } : {}) };
  const query = useInfiniteQuery(trpc.billing.payments.list.infiniteQueryOptions({ ...filter, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = rows.reduce((s, r) => s + r.amountIdr, 0);
  const credit = rows.reduce((s, r) => s + r.unallocatedIdr, 0);

  return (
    <Card title="Payments">
      <div className="mb-3 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <FilterSelect className="sm:w-48" label="Method" value={method} onChange={setMethod} values={PAYMENT_METHODS} labels={PAYMENT_METHOD_LABELS} allLabel="All methods" testId="payments-method-filter" />
        <div className="sm:w-48">
          <MonthSelect label="Month received" value={period} onChange={setPeriod} currentMonth={currentMonth} anyLabel="Any month" testId="payments-month-filter" />
        </div>
      </div>
      {query.isPending && <Skeleton className="h-32" />}
      <ErrorAlert error={query.error} title="Could not load payments." />
      {query.data && rows.length === 0 && <p className="py-6 text-center text-sm text-slate-500">No payments {method || period ? "match" : "yet"}.</p>}
      {rows.length > 0 && (
        <>
          <div className="mb-3 flex flex-wrap gap-x-6 gap-y-1 rounded-lg bg-slate-50 px-3 py-2 text-sm" data-testid="payments-summary">
            <span>
              {rows.length} {rows.length === 1 ? "payment" : "payments"} shown{query.hasNextPage ? " (more to load)" : ""}
            </span>
            <span>
              Total <strong className="whitespace-nowrap tabular-nums text-slate-900">{formatRupiah(total)}</strong>
            </span>
            {credit > 0 && (
              <span>
                Still held as credit <strong className="whitespace-nowrap tabular-nums text-slate-900">{formatRupiah(credit)}</strong>
              </span>
            )}
          </div>
          <ul className="divide-y divide-slate-100 md:hidden" data-testid="payments-cards">
            {rows.map((p) => (
              <PaymentCard key={p.id} payment={p} />
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-left text-sm" data-testid="payments-table">
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Receipt</th>
                  <th className="py-2 pr-3">Received</th>
                  <th className="py-2 pr-3">Customer</th>
                  <th className="py-2 pr-3">Method</th>
                  <th className="py-2 pr-3">Reference / by</th>
                  <th className="py-2 pr-3 text-right">Amount</th>
                  <th className="py-2 text-right">PDF</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((p) => (
                  <tr key={p.id} data-testid="payment-row">
                    <td className="whitespace-nowrap py-2 pr-3 font-mono text-xs">
                      <a href={`/payments/${p.id}/receipt`} target="_blank" rel="noopener" className="text-brand-700 hover:underline">
                        {p.receiptNumber}
                      </a>
                    </td>
                    <td className="whitespace-nowrap py-2 pr-3 text-slate-700">{format.dateTime(p.receivedAt)}</td>
                    <td className="max-w-56 py-2 pr-3">
                      <Link href={`/customers/${p.customerId}`} className="block truncate font-medium text-slate-900 hover:underline">
                        {p.customerName}
                      </Link>
                      <span className="font-mono text-xs text-slate-500">{p.customerCode}</span>
                    </td>
                    <td className="whitespace-nowrap py-2 pr-3">{PAYMENT_METHOD_LABELS[p.method]}</td>
                    <td className="max-w-48 py-2 pr-3 text-xs text-slate-600">
                      <span className="block truncate">{p.reference ?? "—"}</span>
                      {p.recordedBy && <span className="block truncate text-slate-500">{p.recordedBy}</span>}
                    </td>
                    <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">
                      {formatRupiah(p.amountIdr)}
                      {p.unallocatedIdr > 0 && <div className="text-xs text-slate-500">{formatRupiah(p.unallocatedIdr)} credit</div>}
                    </td>
                    <td className="py-2 text-right">
                      <a href={`/api/payments/${p.id}/pdf`} className="text-xs font-medium text-brand-700 hover:underline" aria-label={`Receipt ${p.receiptNumber} as PDF`}>
                        PDF
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <LoadMore query={query} />
    </Card>
  );
}

function PaymentCard({ payment: p }: { payment: TPaymentRow }) {
  const format = useFormat();
  return (
    <li className="py-3">
      <div className="flex items-start justify-between gap-2">
        <Link href={`/customers/${p.customerId}`} className="min-w-0 truncate text-sm font-medium text-slate-900">
          {p.customerName}
        </Link>
        <span className="tabular-nums text-sm font-semibold text-slate-900">{formatRupiah(p.amountIdr)}</span>
      </div>
      <div className="mt-0.5 flex flex-wrap justify-between gap-x-2 text-xs text-slate-600">
        <span>
          {PAYMENT_METHOD_LABELS[p.method]} · {format.dateTime(p.receivedAt)}
        </span>
        {p.unallocatedIdr > 0 && <span>{formatRupiah(p.unallocatedIdr)} credit</span>}
      </div>
      <div className="mt-1 flex flex-wrap gap-3 text-xs">
        <a href={`/payments/${p.id}/receipt`} target="_blank" rel="noopener" className="font-mono text-brand-700 hover:underline">
          {p.receiptNumber}
        </a>
        <a href={`/api/payments/${p.id}/pdf`} className="font-medium text-brand-700 hover:underline">
          PDF
        </a>
      </div>
    </li>
  );
}
