"use client";
// The invoice register: filters (status, month issued, number or customer), "Load more" keyset
// paging, and for billing managers bulk actions on the ticked rows (issue drafts, void with a
// reason), this month's generation run and a manual invoice. Cards on phones, a table from md up.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import Link from "next/link";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { INVOICE_STATUSES, INVOICE_STATUS_LABELS, type TInvoiceRow, type TInvoiceStatus } from "@/server/modules/billing/billing.schema";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { MonthSelect } from "./MonthSelect";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { SearchBox } from "@/components/ui/SearchBox";
import { LoadMore } from "@/components/ui/LoadMore";
import { formatRupiah } from "@/components/ui/format";
import { MAX_PRINT } from "@/components/billing/billing-ui";
import { useFormat } from "@/components/ui/use-format";

const PAGE_SIZE = 50;

const isVoidable = (r: TInvoiceRow) => (r.status === "issued" || r.status === "overdue") && r.paidIdr === 0;

type Notice = { tone: "ok" | "info"; text: string };

export function InvoiceList({ canManage, currentMonth, initialSearch = "" }: { canManage: boolean; currentMonth: string; initialSearch?: string }) {
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initialSearch);
  const [search, setSearch] = useState(initialSearch.trim());
  const [status, setStatus] = useState<TInvoiceStatus | "">("");
  const [period, setPeriod] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [voiding, setVoiding] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const filter = { ...(status ? { status } : {}), ...(period ? { period } : {}), ...(search ? { search } : {}) };
  const query = useInfiniteQuery(trpc.billing.invoices.list.infiniteQueryOptions({ ...filter, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const chosen = rows.filter((r) => selected.has(r.id));
  const drafts = chosen.filter((r) => r.status === "draft");
  const voidable = chosen.filter(isVoidable);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.billing.invoices.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.dashboard.pathKey() }),
    ]);
  const done = async (text: string) => {
    setSelected(new Set());
    setVoiding(false);
    setNotice({ tone: "ok", text });
    await refresh();
  };

  const generate = useMutation(
    trpc.billing.invoices.generate.mutationOptions({
      onSuccess: async (r) => {
        setNotice(
          r.created === 0
            ? { tone: "info", text: `No invoices were due on ${format.calendarDate(r.date)}: every active subscription's current period is billed already.` }
            : { tone: "ok", text: `${r.created} ${r.created === 1 ? "invoice" : "invoices"} created and issued${r.firstNumber ? `: ${r.firstNumber === r.lastNumber ? r.firstNumber : `${r.firstNumber} to ${r.lastNumber}`}` : ""}.` },
        );
        await refresh();
      },
    }),
  );
  const issue = useMutation(trpc.billing.invoices.issue.mutationOptions({ onSuccess: (r) => done(`${r.issued} ${r.issued === 1 ? "invoice" : "invoices"} issued.`) }));
  const voidMany = useMutation(
    trpc.billing.invoices.void.mutationOptions({
      onSuccess: (r) => done(`${r.voided} ${r.voided === 1 ? "invoice" : "invoices"} voided${r.restored ? `; ${r.restored} ${r.restored === 1 ? "customer" : "customers"} restored` : ""}.`),
    }),
  );

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allTicked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const tickAll = (on: boolean) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set());
  const printSelected = () => {
    const ids = chosen.filter((r) => r.status !== "draft").slice(0, MAX_PRINT).map((r) => r.id);
    if (ids.length) window.open(`/invoices/print?ids=${ids.join(",")}`, "_blank", "noopener");
  };
  const printable = chosen.filter((r) => r.status !== "draft").length;
  const busy = issue.isPending || voidMany.isPending;

  return (
    <div className="space-y-4">
      {canManage && (
        <Card>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="max-w-xl text-sm text-slate-600">
              Generation issues an invoice for every active subscription whose current period has none yet, as the daily run does. Running it twice creates nothing twice.
            </p>
            <div className="flex w-full flex-col gap-2 sm:w-auto sm:flex-row">
              <Button variant="primary" onClick={() => generate.mutate({})} disabled={generate.isPending}>
                {generate.isPending ? "Generating…" : "Generate this month's invoices"}
              </Button>
              <ButtonLink href="/invoices/new">
                New invoice
              </ButtonLink>
            </div>
          </div>
          <div className="mt-3 empty:hidden">
            <ErrorAlert error={generate.error} title="Could not generate invoices." />
          </div>
        </Card>
      )}
      {notice && (
        <p
          role="status"
          className={notice.tone === "ok" ? "rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700"}
          data-testid="invoices-notice"
        >
          {notice.text}
        </p>
      )}
      <Card title="Invoices">
        <div className="mb-3 grid gap-2 sm:grid-cols-[1fr_auto_auto]">
          <SearchBox label="Search invoices" value={text} onChange={setText} placeholder="Invoice number, name or C-000042" testId="invoices-search" />
          <div className="grid grid-cols-2 gap-2 sm:contents">
            <FilterSelect label="Status" value={status} onChange={setStatus} values={INVOICE_STATUSES} labels={INVOICE_STATUS_LABELS} allLabel="All statuses" testId="invoices-status-filter" />
            <MonthSelect label="Month issued" value={period} onChange={setPeriod} currentMonth={currentMonth} anyLabel="Any month" testId="invoices-month-filter" />
          </div>
        </div>

        {chosen.length > 0 && (
          <div className="sticky top-0 z-10 mb-3 rounded-lg border border-brand-200 bg-brand-50 p-2" data-testid="bulk-actions">
            <div className="flex flex-wrap items-center gap-2">
              <span className="px-1 text-sm font-medium text-brand-900">{chosen.length} selected</span>
              {canManage && drafts.length > 0 && (
                <Button variant="primary" disabled={busy} onClick={() => issue.mutate({ ids: drafts.map((r) => r.id) })}>
                  Issue {drafts.length} {drafts.length === 1 ? "draft" : "drafts"}
                </Button>
              )}
              {canManage && voidable.length > 0 && (
                <Button disabled={busy} onClick={() => setVoiding((v) => !v)} aria-expanded={voiding}>
                  Void {voidable.length}…
                </Button>
              )}
              {printable > 0 && <Button onClick={printSelected}>Print {Math.min(printable, MAX_PRINT)}</Button>}
              <Button onClick={() => setSelected(new Set())}>Clear</Button>
            </div>
            {chosen.length > voidable.length && voiding && (
              <p className="mt-2 text-xs text-slate-600">Only issued or overdue invoices without payments can be voided; the others stay as they are.</p>
            )}
            {printable < chosen.length && printable > 0 && <p className="mt-2 text-xs text-slate-600">Drafts are not printed: they have no number yet.</p>}
            {voiding && voidable.length > 0 && (
              <VoidForm count={voidable.length} busy={voidMany.isPending} onSubmit={(reason) => voidMany.mutate({ ids: voidable.map((r) => r.id), reason })} onCancel={() => setVoiding(false)} />
            )}
            <div className="mt-2 empty:hidden">
              <ErrorAlert error={issue.error} title="Could not issue." />
              <ErrorAlert error={voidMany.error} title="Could not void." />
            </div>
          </div>
        )}

        {query.isPending && <Skeleton className="h-32" />}
        <ErrorAlert error={query.error} title="Could not load invoices." />
        {query.data && rows.length === 0 && (
          <p className="py-6 text-center text-sm text-slate-500">{search || status || period ? "No invoice matches." : "No invoices yet."}</p>
        )}
        {rows.length > 0 && (
          <>
            <label className="mb-1 flex items-center gap-2 py-1 text-sm text-slate-600 md:hidden">
              <input type="checkbox" className="h-5 w-5 accent-brand-600" checked={allTicked} onChange={(e) => tickAll(e.target.checked)} />
              Select all shown
            </label>
            <ul className="divide-y divide-slate-100 md:hidden" data-testid="invoices-cards">
              {rows.map((r) => (
                <InvoiceCard key={r.id} row={r} checked={selected.has(r.id)} onCheck={(on) => toggle(r.id, on)} />
              ))}
            </ul>
            <div className="hidden overflow-x-auto md:block">
              <table className="w-full text-left text-sm" data-testid="invoices-table">
                <thead className="border-b border-slate-200 text-xs text-slate-600">
                  <tr>
                    <th className="w-8 py-2 pr-2">
                      <input type="checkbox" aria-label="Select all shown invoices" className="h-4 w-4 accent-brand-600" checked={allTicked} onChange={(e) => tickAll(e.target.checked)} />
                    </th>
                    <th className="py-2 pr-3">Number</th>
                    <th className="py-2 pr-3">Customer</th>
                    <th className="py-2 pr-3">Period / issued</th>
                    <th className="py-2 pr-3">Due</th>
                    <th className="py-2 pr-3 text-right">Total</th>
                    <th className="py-2 pr-3 text-right">Outstanding</th>
                    <th className="py-2">Status</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((r) => (
                    <tr key={r.id} data-testid="invoice-row" data-customer={r.customerCode} className={selected.has(r.id) ? "bg-brand-50/60" : undefined}>
                      <td className="py-2 pr-2">
                        <input
                          type="checkbox"
                          aria-label={`Select invoice ${r.number ?? `draft for ${r.customerName}`}`}
                          className="h-4 w-4 accent-brand-600"
                          checked={selected.has(r.id)}
                          onChange={(e) => toggle(r.id, e.target.checked)}
                        />
                      </td>
                      <td className="whitespace-nowrap py-2 pr-3 font-mono text-xs">
                        <Link href={`/invoices/${r.id}`} className="text-brand-700 hover:underline">
                          {r.number ?? "Draft"}
                        </Link>
                      </td>
                      <td className="max-w-56 py-2 pr-3">
                        <Link href={`/customers/${r.customerId}`} className="block truncate font-medium text-slate-900 hover:underline">
                          {r.customerName}
                        </Link>
                        <span className="font-mono text-xs text-slate-500">{r.customerCode}</span>
                      </td>
                      <td className="whitespace-nowrap py-2 pr-3 text-slate-700">
                        {format.periodRange(r.periodStart, r.periodEnd) ?? "Manual"}
                        <div className="text-xs text-slate-500">{r.issueDate ? `Issued ${format.calendarDate(r.issueDate)}` : "Not issued"}</div>
                      </td>
                      <td className="whitespace-nowrap py-2 pr-3 text-slate-700">{format.calendarDate(r.dueDate)}</td>
                      <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{formatRupiah(r.totalIdr)}</td>
                      <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{r.outstandingIdr > 0 ? formatRupiah(r.outstandingIdr) : "—"}</td>
                      <td className="py-2">
                        <InvoiceStatusBadge status={r.status} />
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
    </div>
  );
}

function InvoiceCard({ row: r, checked, onCheck }: { row: TInvoiceRow; checked: boolean; onCheck: (on: boolean) => void }) {
  const format = useFormat();
  return (
    <li className="flex gap-3 py-3" data-testid="invoice-card" data-customer={r.customerCode}>
      <input
        type="checkbox"
        aria-label={`Select invoice ${r.number ?? `draft for ${r.customerName}`}`}
        className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
        checked={checked}
        onChange={(e) => onCheck(e.target.checked)}
      />
      <Link href={`/invoices/${r.id}`} className="block min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <span className="min-w-0 truncate text-sm font-medium text-slate-900">{r.customerName}</span>
          <InvoiceStatusBadge status={r.status} />
        </div>
        <div className="mt-0.5 flex flex-wrap justify-between gap-x-2 text-xs text-slate-600">
          <span className="font-mono">{r.number ?? "Draft"}</span>
          <span className="tabular-nums font-medium text-slate-900">{formatRupiah(r.totalIdr)}</span>
        </div>
        <div className="flex flex-wrap justify-between gap-x-2 text-xs text-slate-500">
          <span>{format.periodRange(r.periodStart, r.periodEnd) ?? "Manual invoice"}</span>
          <span>{r.outstandingIdr > 0 ? `${formatRupiah(r.outstandingIdr)} open · due ${format.calendarDate(r.dueDate)}` : r.dueDate ? `Due ${format.calendarDate(r.dueDate)}` : ""}</span>
        </div>
      </Link>
    </li>
  );
}

function VoidForm({ count, busy, onSubmit, onCancel }: { count: number; busy: boolean; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length >= 3) onSubmit(reason.trim());
  };
  return (
    <form onSubmit={submit} className="mt-2 grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end" noValidate>
      <label className={LABEL_CLASS}>
        Reason for voiding
        <input className={INPUT_CLASS} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} placeholder="e.g. billed twice" />
      </label>
      <Button variant="danger" type="submit" disabled={busy || reason.trim().length < 3}>
        {busy ? "Voiding…" : `Void ${count} ${count === 1 ? "invoice" : "invoices"}`}
      </Button>
      <Button onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
    </form>
  );
}
