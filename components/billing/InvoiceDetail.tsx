"use client";
// One invoice: customer, lines, totals, payments applied, and what may be done in its status:
// a draft is edited, issued or deleted; an open invoice takes a payment (or an online payment
// code) or, without payments, is voided with a reason. Print view and PDF for any issued one.
// While an online payment code is open, the invoice and its codes are fetched again every few
// seconds, so the page shows the payment as soon as the gateway's callback has recorded it.
import { useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { isPayable, ZVoidReason, type TInvoiceDetail } from "@/server/modules/billing/billing.schema";
import type { TCharge, TInvoiceCharges } from "@/server/modules/billing/gateway/gateway.schema";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { PayOnlinePanel } from "./PayOnlinePanel";
import { RecordPaymentForm } from "./RecordPaymentForm";
import { Fact } from "@/components/ui/Fact";

type Mode = "view" | "pay" | "void" | "online";

/** The code a customer may still pay: pending and not superseded. */
function openCodeOf(data: TInvoiceCharges | undefined): TCharge | null {
  return data?.charges.find((c) => c.status === "pending" && !c.superseded) ?? null;
}

/** How often a shown invoice with an open online payment code is fetched again. */
export const WAITING_POLL_MS = 4_000;

export function InvoiceDetail({ id, canManage, canRecord }: { id: string; canManage: boolean; canRecord: boolean }) {
  const t = useTranslations("billing.invoice");
  const format = useFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>("view");
  const charges = useQuery({
    ...trpc.gateway.listForInvoice.queryOptions({ invoiceId: id }),
    refetchInterval: (q) => (openCodeOf(q.state.data) ? WAITING_POLL_MS : false),
  });
  const openCode = openCodeOf(charges.data);
  const query = useQuery({ ...trpc.billing.invoices.get.queryOptions({ id }), refetchInterval: openCode ? WAITING_POLL_MS : false });
  const inv = query.data;
  // The open code was paid (or closed): fetch the invoice once more, its payment is recorded by now.
  const lastOpen = useRef<string | null>(null);
  useEffect(() => {
    if (lastOpen.current && !openCode) void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
    lastOpen.current = openCode?.id ?? null;
  }, [openCode, queryClient, trpc]);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.gateway.listForInvoice.queryKey({ invoiceId: id }) }),
    ]);
  const issue = useMutation(trpc.billing.invoices.issue.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.billing.invoices.deleteDraft.mutationOptions({
      onSuccess: async () => {
        await refresh();
        router.push("/invoices");
      },
    }),
  );

  if (query.isPending) return <Skeleton className="h-96" />;
  if (!inv) return <ErrorAlert error={query.error} title={t("couldNotLoad")} />;

  const payable = isPayable(inv.status);
  const voidable = (inv.status === "issued" || inv.status === "overdue") && inv.paidIdr === 0;
  const printable = inv.status !== "draft";
  const toggle = (m: Mode) => setMode((cur) => (cur === m ? "view" : m));

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight text-slate-900">
            <span className="font-mono" data-testid="invoice-number">
              {inv.number ?? t("draftTitle")}
            </span>
            <InvoiceStatusBadge status={inv.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            <Link href={`/customers/${inv.customer.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline md:min-h-0">
              {inv.customer.name}
            </Link>{" "}
            <span className="font-mono text-xs text-slate-500">{inv.customer.code}</span> · {t(`kind.${inv.kind}`)}
          </p>
        </div>
        <div className="flex w-full flex-wrap gap-2 sm:w-auto" data-testid="invoice-actions">
          {canManage && inv.status === "draft" && (
            <>
              <Button variant="primary" loading={issue.isPending} onClick={() => issue.mutate({ ids: [inv.id] })}>
                {issue.isPending ? t("actions.issuing") : t("actions.issue")}
              </Button>
              <ButtonLink href={`/invoices/${inv.id}/edit`}>{t("actions.edit")}</ButtonLink>
              <ConfirmDialog
                trigger={<Button>{t("actions.delete")}</Button>}
                title={t("deleteConfirm.title")}
                description={t("deleteConfirm.description", { customer: inv.customer.name })}
                confirmLabel={t("deleteConfirm.confirm")}
                onConfirm={() => remove.mutateAsync({ id: inv.id })}
              >
                <ErrorAlert error={remove.error} />
              </ConfirmDialog>
            </>
          )}
          {canRecord && payable && (
            <Button variant="primary" onClick={() => toggle("pay")} aria-expanded={mode === "pay"}>
              {t("actions.recordPayment")}
            </Button>
          )}
          {payable && (
            <Button onClick={() => toggle("online")} aria-expanded={mode === "online"}>
              {t("actions.payOnline")}
            </Button>
          )}
          {canManage && voidable && (
            <Button onClick={() => toggle("void")} aria-expanded={mode === "void"}>
              {t("actions.void")}
            </Button>
          )}
          {printable && (
            <>
              <a href={`/invoices/${inv.id}/print`} target="_blank" rel="noopener" className={buttonClass("secondary")}>
                {t("actions.print")}
              </a>
              <a href={`/api/invoices/${inv.id}/pdf`} download className={buttonClass("secondary")}>
                {t("actions.downloadPdf")}
              </a>
            </>
          )}
        </div>
      </header>

      <ErrorAlert error={issue.error} title={t("actions.couldNotIssue")} />
      {openCode && (
        <Alert tone="info" testId="invoice-waiting">
          {t("waiting", { method: openCode.methodLabel, amount: format.money(openCode.amountIdr) })}
        </Alert>
      )}

      {mode === "pay" && (
        <Card title={t("actions.recordPayment")}>
          <RecordPaymentForm customerId={inv.customerId} invoiceId={inv.id} defaultAmountIdr={inv.outstandingIdr} onCancel={() => setMode("view")} />
        </Card>
      )}
      {mode === "online" && (
        <Card title={t("actions.payOnline")}>
          <PayOnlinePanel invoiceId={inv.id} outstandingIdr={inv.outstandingIdr} canManage={canManage} />
        </Card>
      )}
      {mode === "void" && <VoidForm invoice={inv} onDone={() => setMode("view")} onVoided={refresh} />}

      {inv.status === "void" && (
        <p className="rounded-lg border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {inv.voidReason
            ? t("voidedWithReason", { when: inv.voidedAt ? format.dateTime(inv.voidedAt) : "—", reason: inv.voidReason })
            : t("voided", { when: inv.voidedAt ? format.dateTime(inv.voidedAt) : "—" })}
        </p>
      )}

      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm min-[420px]:grid-cols-2 md:grid-cols-4">
          <Fact label={t("facts.issued")}>{format.calendarDate(inv.issueDate)}</Fact>
          <Fact label={t("facts.due")}>{format.calendarDate(inv.dueDate)}</Fact>
          <Fact label={t("facts.period")}>{format.periodRange(inv.periodStart, inv.periodEnd) ?? "—"}</Fact>
          <Fact label={t("facts.paidInFull")}>{inv.paidAt ? format.dateTime(inv.paidAt) : "—"}</Fact>
          <Fact label={t("facts.phone")}>{inv.customer.phone ?? "—"}</Fact>
          <Fact label={t("facts.address")}>{inv.customer.address ?? "—"}</Fact>
        </dl>
      </Card>

      <Card title={t("lines.title")}>
        <LinesTable invoice={inv} />
        <Totals invoice={inv} />
        {inv.notes && <p className="mt-4 whitespace-pre-line border-t border-slate-100 pt-3 text-sm text-slate-600">{inv.notes}</p>}
      </Card>

      <Card title={t("payments.title")}>
        <PaymentsApplied invoice={inv} />
      </Card>
    </div>
  );
}

function VoidForm({ invoice, onDone, onVoided }: { invoice: TInvoiceDetail; onDone: () => void; onVoided: () => Promise<unknown> }) {
  const t = useTranslations("billing.invoice.voidForm");
  const format = useFormat();
  const trpc = useTRPC();
  const form = useZodForm(ZVoidReason, { defaultValues: { reason: "" } });
  const [confirming, setConfirming] = useState<string | null>(null);
  const voidIt = useMutation(trpc.billing.invoices.void.mutationOptions({ onSuccess: async () => { await onVoided(); onDone(); } }));
  const { errors } = form.formState;
  return (
    <Card title={t("title")}>
      <form onSubmit={form.handleSubmit((values) => setConfirming(values.reason))} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start" noValidate>
        <Field label={t("reason")} hint={t("hint")} error={errors.reason?.message}>
          <Input maxLength={300} placeholder={t("reasonPlaceholder")} {...form.register("reason")} />
        </Field>
        <div className="flex flex-wrap gap-2 sm:pt-6">
          <Button variant="danger" type="submit">
            {t("submit")}
          </Button>
          <Button onClick={onDone}>{t("cancel")}</Button>
        </div>
        <div className="sm:col-span-2 empty:hidden">
          <FormError form={form} error={voidIt.error} />
        </div>
      </form>
      <ConfirmDialog
        trigger={<span hidden />}
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("confirmTitle", { number: invoice.number ?? "—" })}
        description={t("confirmDescription", { customer: invoice.customer.name, amount: format.money(invoice.outstandingIdr) })}
        confirmLabel={voidIt.isPending ? t("submitting") : t("submit")}
        onConfirm={() => voidIt.mutateAsync({ ids: [invoice.id], reason: confirming ?? "" })}
      >
        <ErrorAlert error={voidIt.error} />
      </ConfirmDialog>
    </Card>
  );
}

type Line = TInvoiceDetail["lines"][number];

function LinesTable({ invoice }: { invoice: TInvoiceDetail }) {
  const t = useTranslations("billing.invoice.lines");
  const format = useFormat();
  const col = dataTableColumns<Line>();
  const showTax = invoice.taxMode !== "none";
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("description", {
          header: t("description"),
          meta: { card: "title" },
          cell: (c) => (
            <>
              {c.getValue()}
              {showTax && !c.row.original.taxable && <span className="ml-1 text-xs text-slate-500">({t("noTax")})</span>}
            </>
          ),
        }),
        col.accessor("quantity", {
          header: t("quantity"),
          meta: { card: "subtitle", className: "text-right tabular-nums" },
          cell: (c) => t("quantityTimesPrice", { quantity: format.count(c.getValue()), price: format.money(c.row.original.unitPriceIdr) }),
        }),
        col.accessor("discountIdr", { header: t("discount"), meta: { card: "detail", className: "text-right tabular-nums" }, cell: (c) => (c.getValue() > 0 ? format.money(c.getValue()) : "—") }),
        col.accessor("amountIdr", { header: t("amount"), meta: { card: "badge", className: "text-right tabular-nums font-medium" }, cell: (c) => format.money(c.getValue()) }),
      ]),
    [col, t, format, showTax],
  );
  return <DataTable data={invoice.lines} columns={columns} getRowId={(l) => l.id} caption={t("title")} />;
}

function Totals({ invoice: inv }: { invoice: TInvoiceDetail }) {
  const t = useTranslations("billing.invoice.totals");
  const format = useFormat();
  const row = (label: string, value: string, cls = "text-slate-700", testId?: string) => (
    <div className={`flex justify-between gap-4 ${cls}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <dl className="ml-auto mt-3 max-w-sm space-y-1 border-t border-slate-200 pt-3 text-sm" data-testid="invoice-totals">
      {row(t("subtotal"), format.money(inv.subtotalIdr))}
      {inv.discountIdr > 0 && row(t("discounts"), format.money(inv.discountIdr), "text-slate-500")}
      {inv.taxMode !== "none" &&
        row(t(inv.taxMode === "inclusive" ? "taxIncluded" : "tax", { rate: format.rateBp(inv.taxRateBp) }), format.money(inv.taxIdr), inv.taxMode === "inclusive" ? "text-slate-500" : undefined)}
      {row(t("total"), format.money(inv.totalIdr), "border-t border-slate-200 pt-1 text-base font-semibold text-slate-900", "invoice-total")}
      {inv.status !== "draft" && inv.status !== "void" && (
        <>
          {row(t("paid"), format.money(inv.paidIdr), undefined, "invoice-paid")}
          {row(t("outstanding"), format.money(inv.outstandingIdr), inv.outstandingIdr > 0 ? "font-semibold text-red-700" : "font-semibold text-emerald-700", "invoice-outstanding")}
        </>
      )}
    </dl>
  );
}

type Applied = TInvoiceDetail["payments"][number];

function PaymentsApplied({ invoice }: { invoice: TInvoiceDetail }) {
  const t = useTranslations("billing.invoice.payments");
  const methods = useTranslations("billing.paymentMethod");
  const format = useFormat();
  const col = dataTableColumns<Applied>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("receiptNumber", { header: t("receipt"), meta: { card: "title", className: "font-mono" } }),
        col.accessor("method", { header: t("method"), meta: { card: "subtitle" }, cell: (c) => methods(c.getValue()) }),
        col.accessor("receivedAt", { header: t("received"), meta: { card: "detail" }, cell: (c) => format.dateTime(c.getValue()) }),
        col.accessor("amountIdr", { header: t("amount"), meta: { card: "badge", className: "text-right tabular-nums font-medium" }, cell: (c) => format.money(c.getValue()) }),
      ]),
    [col, t, methods, format],
  );
  return (
    <div data-testid="invoice-payments">
      <DataTable
        data={invoice.payments}
        columns={columns}
        getRowId={(p) => p.paymentId}
        caption={t("title")}
        rowHref={(p) => `/payments/${p.paymentId}/receipt`}
        empty={<EmptyState title={t("empty")} />}
      />
    </div>
  );
}
