"use client";
// The invoice register: search and filters (status, month issued) kept in the URL, keyset "load
// more", on the kit's DataTable (a table from md up, cards on phones). Billing managers tick rows
// for bulk actions (issue drafts, void with a reason after a confirmation, print), run this
// month's generation and start a manual invoice.
import { useMemo, useState } from "react";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { MAX_PRINT } from "@/components/billing/billing-ui";
import { CustomerNameCell } from "@/components/customers/CustomerNameCell";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert, type ShownError } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns, type RowSelectionState } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { FormError, useZodForm } from "@/components/ui/form";
import { useUrlFilters, useUrlSearch } from "@/components/ui/hooks";
import { Input } from "@/components/ui/Input";
import { SearchBox } from "@/components/ui/SearchBox";
import { useFormat } from "@/components/ui/use-format";
import { INVOICE_STATUSES, ZInvoiceStatus, ZVoidReason, type TInvoiceRow, type TInvoiceStatus } from "@/server/modules/billing/billing.schema";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { MonthSelect } from "./MonthSelect";

const PAGE_SIZE = 50;
const FILTERS = ["status", "month"] as const;
const MONTH = /^\d{4}-\d{2}$/;

const isVoidable = (r: TInvoiceRow) => (r.status === "issued" || r.status === "overdue") && r.paidIdr === 0;

/** The answer of the last action, shown beside what the user pressed (generation or the bulk bar). */
type Notice = { from: "generate" | "bulk"; tone: "success" | "info"; text: string };

export function InvoiceList({ canManage, currentMonth }: { canManage: boolean; currentMonth: string }) {
  const t = useTranslations("billing.list");
  const statusWords = useTranslations("billing.invoiceStatus");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const search = useUrlSearch("q");
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const parsedStatus = ZInvoiceStatus.safeParse(filters.status);
  const status = parsedStatus.success ? parsedStatus.data : "";
  const period = MONTH.test(filters.month) ? filters.month : "";
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [voiding, setVoiding] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const filter = { ...(status ? { status } : {}), ...(period ? { period } : {}), ...(search.query ? { search: search.query } : {}) };
  const filtered = Boolean(status || period || search.query);
  const query = useInfiniteQuery(trpc.billing.invoices.list.infiniteQueryOptions({ ...filter, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.rows) ?? [], [query.data]);
  const chosen = rows.filter((r) => selected[r.id]);
  const drafts = chosen.filter((r) => r.status === "draft");
  const voidable = chosen.filter(isVoidable);
  const printable = chosen.filter((r) => r.status !== "draft");
  const statusLabels = useMemo(() => Object.fromEntries(INVOICE_STATUSES.map((s) => [s, statusWords(s)])) as Record<TInvoiceStatus, string>, [statusWords]);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.billing.invoices.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.dashboard.pathKey() }),
    ]);
  const done = async (text: string) => {
    setSelected({});
    setVoiding(false);
    setNotice({ from: "bulk", tone: "success", text });
    await refresh();
  };

  const generate = useMutation(
    trpc.billing.invoices.generate.mutationOptions({
      onSuccess: async (r) => {
        setNotice(
          r.created === 0
            ? { from: "generate", tone: "info", text: t("generatedNone", { date: format.calendarDate(r.date) }) }
            : {
                from: "generate",
                tone: "success",
                text:
                  r.firstNumber && r.lastNumber && r.firstNumber !== r.lastNumber
                    ? t("generatedRange", { count: r.created, first: r.firstNumber, last: r.lastNumber })
                    : t("generatedOne", { count: r.created, number: r.firstNumber ?? "" }),
              },
        );
        await refresh();
      },
    }),
  );
  const issue = useMutation(trpc.billing.invoices.issue.mutationOptions({ onSuccess: (r) => done(t("issued", { count: r.issued })) }));
  const voidMany = useMutation(
    trpc.billing.invoices.void.mutationOptions({
      onSuccess: (r) => done(r.restored ? t("voidedRestored", { count: r.voided, restored: r.restored }) : t("voided", { count: r.voided })),
    }),
  );
  const busy = issue.isPending || voidMany.isPending;

  const printSelected = () => {
    const ids = printable.slice(0, MAX_PRINT).map((r) => r.id);
    if (ids.length) window.open(`/invoices/print?ids=${ids.join(",")}`, "_blank", "noopener");
  };

  const columns = useMemo(() => {
    const col = dataTableColumns<TInvoiceRow>();
    return col.columns([
      col.accessor("number", { header: t("columns.number"), meta: { card: "title", className: "whitespace-nowrap font-mono text-xs md:pt-2.5" }, cell: (c) => c.getValue() ?? t("draft") }),
      col.accessor("customerName", {
        header: t("columns.customer"),
        meta: { card: "subtitle", className: "md:max-w-56" },
        cell: (c) => <CustomerNameCell name={c.getValue()} code={c.row.original.customerCode} />,
      }),
      col.accessor("status", { header: t("columns.status"), meta: { card: "badge" }, cell: (c) => <InvoiceStatusBadge status={c.getValue()} /> }),
      col.accessor("periodStart", {
        header: t("columns.period"),
        meta: { className: "md:whitespace-nowrap" },
        cell: (c) => (
          <>
            {format.periodRange(c.getValue(), c.row.original.periodEnd) ?? t("manual")}
            <span className="text-xs text-slate-500 max-md:before:content-['_·_'] md:block">{c.row.original.issueDate ? t("issuedOn", { date: format.calendarDate(c.row.original.issueDate) }) : t("notIssued")}</span>
          </>
        ),
      }),
      col.accessor("dueDate", { header: t("columns.due"), meta: { className: "whitespace-nowrap" }, cell: (c) => (c.getValue() ? format.calendarDate(c.getValue()) : "") }),
      col.accessor("totalIdr", { header: t("columns.total"), meta: { align: "end", className: "whitespace-nowrap tabular-nums" }, cell: (c) => format.money(c.getValue()) }),
      col.accessor("outstandingIdr", { header: t("columns.outstanding"), meta: { align: "end", className: "whitespace-nowrap tabular-nums" }, cell: (c) => (c.getValue() > 0 ? format.money(c.getValue()) : "") }),
    ]);
  }, [t, format]);

  // Phones: the list first; from md up the monthly run sits above it.
  return (
    <div className="flex flex-col gap-4">
      {notice?.from === "bulk" && (
        <Alert tone={notice.tone} testId="invoices-notice">
          {notice.text}
        </Alert>
      )}
      <Card title={t("title")}>
        <div className="mb-3 grid gap-2 sm:grid-cols-[1fr_auto_auto]">
          <SearchBox label={t("search")} value={search.text} onChange={search.setText} placeholder={t("searchPlaceholder")} testId="invoices-search" />
          <div className="grid grid-cols-2 gap-2 sm:contents">
            <FilterSelect label={t("statusFilter")} value={status} onChange={(value) => setFilters({ status: value || null })} values={INVOICE_STATUSES} labels={statusLabels} allLabel={t("allStatuses")} testId="invoices-status-filter" />
            <MonthSelect label={t("monthFilter")} value={period} onChange={(value) => setFilters({ month: value || null })} currentMonth={currentMonth} anyLabel={t("anyMonth")} testId="invoices-month-filter" />
          </div>
        </div>

        {chosen.length > 0 && (
          <div className="sticky top-0 z-10 mb-3 rounded-lg border border-brand-200 bg-brand-50 p-2" data-testid="bulk-actions">
            <div className="flex flex-wrap items-center gap-2">
              <span className="px-1 text-sm font-medium text-brand-900">{t("selected", { count: chosen.length })}</span>
              {canManage && drafts.length > 0 && (
                <Button variant="primary" disabled={busy} loading={issue.isPending} onClick={() => issue.mutate({ ids: drafts.map((r) => r.id) })}>
                  {t("issueDrafts", { count: drafts.length })}
                </Button>
              )}
              {canManage && voidable.length > 0 && (
                <Button disabled={busy} onClick={() => setVoiding((v) => !v)} aria-expanded={voiding}>
                  {t("voidOpen", { count: voidable.length })}
                </Button>
              )}
              {printable.length > 0 && <Button onClick={printSelected}>{t("print", { count: Math.min(printable.length, MAX_PRINT) })}</Button>}
              <Button variant="ghost" onClick={() => setSelected({})}>
                {t("clear")}
              </Button>
            </div>
            {voiding && chosen.length > voidable.length && <p className="mt-2 text-xs text-slate-600">{t("voidOnlyUnpaid")}</p>}
            {printable.length > 0 && printable.length < chosen.length && <p className="mt-2 text-xs text-slate-600">{t("draftsNotPrinted")}</p>}
            {voiding && voidable.length > 0 && <VoidForm invoices={voidable} onVoid={(reason) => voidMany.mutateAsync({ ids: voidable.map((r) => r.id), reason })} error={voidMany.error} onCancel={() => setVoiding(false)} />}
            <div className="mt-2 empty:hidden">
              <ErrorAlert error={issue.error} title={t("issueFailed")} />
            </div>
          </div>
        )}

        <ErrorAlert error={query.error} title={t("loadFailed")} />
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(r) => r.id}
          caption={t("title")}
          loading={query.isPending}
          selection={{ selected, onChange: setSelected }}
          loadMore={query}
          rowHref={(r) => `/invoices/${r.id}`}
          rowTestId="invoice-row"
          rowAttributes={(r) => ({ "data-customer": r.customerCode })}
          testId="invoices-table"
          empty={
            filtered ? (
              <EmptyState
                title={t("noneMatch")}
                action={
                  <Button
                    variant="ghost"
                    onClick={() => {
                      search.setText("");
                      setFilters({ status: null, month: null });
                    }}
                  >
                    {t("clearFilters")}
                  </Button>
                }
              />
            ) : (
              <EmptyState title={t("none")}>{canManage ? t("noneHint") : undefined}</EmptyState>
            )
          }
        />
      </Card>

      {canManage && (
        <Card title={t("generateTitle")} className="md:-order-1">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="max-w-xl text-sm text-slate-600">{t("generateHint")}</p>
            <div className="flex w-full flex-col gap-2 sm:w-auto sm:flex-row">
              <Button variant="primary" onClick={() => generate.mutate({})} loading={generate.isPending}>
                {generate.isPending ? t("generating") : t("generate")}
              </Button>
              <ButtonLink href="/invoices/new">{t("newInvoice")}</ButtonLink>
            </div>
          </div>
          <div className="mt-3 space-y-2 empty:hidden">
            {notice?.from === "generate" && (
              <Alert tone={notice.tone} testId="invoices-notice">
                {notice.text}
              </Alert>
            )}
            <ErrorAlert error={generate.error} title={t("generateFailed")} />
          </div>
        </Card>
      )}
    </div>
  );
}

/** The reason for voiding the ticked invoices, then a confirmation that names how many and how much. */
function VoidForm({ invoices, onVoid, error, onCancel }: { invoices: TInvoiceRow[]; onVoid: (reason: string) => Promise<unknown>; error: ShownError; onCancel: () => void }) {
  const t = useTranslations("billing.list.voidForm");
  const format = useFormat();
  const form = useZodForm(ZVoidReason, { defaultValues: { reason: "" } });
  const [confirming, setConfirming] = useState<string | null>(null);
  const total = invoices.reduce((s, r) => s + r.outstandingIdr, 0);
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((values) => setConfirming(values.reason))} className="mt-2 grid gap-2 sm:grid-cols-[1fr_auto] sm:items-start" noValidate>
      <Field label={t("reason")} error={errors.reason?.message}>
        <Input maxLength={300} placeholder={t("reasonPlaceholder")} {...form.register("reason")} />
      </Field>
      <div className="flex flex-wrap gap-2 sm:pt-6">
        <Button variant="danger" type="submit">
          {t("submit", { count: invoices.length })}
        </Button>
        <Button onClick={onCancel}>{t("cancel")}</Button>
      </div>
      <ConfirmDialog
        trigger={<span hidden />}
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("confirmTitle", { count: invoices.length })}
        description={t("confirmDescription", { count: invoices.length, amount: format.money(total) })}
        confirmLabel={t("submit", { count: invoices.length })}
        onConfirm={() => onVoid(confirming ?? "")}
      >
        <ErrorAlert error={error} />
      </ConfirmDialog>
      <div className="sm:col-span-2 empty:hidden">
        <FormError form={form} error={error} />
      </div>
    </form>
  );
}
