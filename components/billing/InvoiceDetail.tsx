"use client";
// One invoice: customer, lines, totals, payments applied, and what may be done in its status:
// a draft is edited, issued or deleted; an open invoice takes a payment (or an online payment
// code) or, without payments, is voided with a reason. Print view and PDF for any issued one.
import { useState, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { isPayable, PAYMENT_METHOD_LABELS, type TInvoiceDetail } from "@/server/modules/billing/billing.schema";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { PayOnlinePanel } from "./PayOnlinePanel";
import { RecordPaymentForm } from "./RecordPaymentForm";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

type Mode = "view" | "pay" | "void" | "delete" | "online";

export function InvoiceDetail({ id, canManage, canRecord }: { id: string; canManage: boolean; canRecord: boolean }) {
  const format = useFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.billing.invoices.get.queryOptions({ id }));
  const [mode, setMode] = useState<Mode>("view");
  const [reason, setReason] = useState("");
  const inv = query.data;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.billing.invoices.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.customerBalance.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.dashboard.pathKey() }),
    ]);
  const issue = useMutation(trpc.billing.invoices.issue.mutationOptions({ onSuccess: refresh }));
  const voidIt = useMutation(
    trpc.billing.invoices.void.mutationOptions({
      onSuccess: async () => {
        setMode("view");
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.billing.invoices.deleteDraft.mutationOptions({
      onSuccess: async () => {
        await refresh();
        router.push("/invoices");
      },
    }),
  );

  if (query.isPending) return <Skeleton className="h-96" />;
  if (!inv) return <ErrorAlert error={query.error} title="Could not load this invoice." />;

  const payable = isPayable(inv.status);
  const voidable = (inv.status === "issued" || inv.status === "overdue") && inv.paidIdr === 0;
  const printable = inv.status !== "draft";
  const toggle = (m: Mode) => setMode((cur) => (cur === m ? "view" : m));
  const submitVoid = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length >= 3) voidIt.mutate({ ids: [inv.id], reason: reason.trim() });
  };

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight text-slate-900">
            <span className="font-mono" data-testid="invoice-number">
              {inv.number ?? "Draft invoice"}
            </span>
            <InvoiceStatusBadge status={inv.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            <Link href={`/customers/${inv.customer.id}`} className="font-medium text-brand-700 hover:underline">
              {inv.customer.name}
            </Link>{" "}
            <span className="font-mono text-xs text-slate-500">{inv.customer.code}</span>
            {" · "}
            {inv.kind === "subscription" ? "Subscription" : "Manual invoice"}
          </p>
        </div>
        <div className="flex w-full flex-wrap gap-2 sm:w-auto" data-testid="invoice-actions">
          {canManage && inv.status === "draft" && (
            <>
              <Button variant="primary" disabled={issue.isPending} onClick={() => issue.mutate({ ids: [inv.id] })}>
                {issue.isPending ? "Issuing…" : "Issue"}
              </Button>
              <ButtonLink href={`/invoices/${inv.id}/edit`}>Edit</ButtonLink>
              <Button onClick={() => toggle("delete")} aria-expanded={mode === "delete"}>
                Delete
              </Button>
            </>
          )}
          {canRecord && payable && (
            <Button variant="primary" onClick={() => toggle("pay")} aria-expanded={mode === "pay"}>
              Record payment
            </Button>
          )}
          {payable && (
            <Button onClick={() => toggle("online")} aria-expanded={mode === "online"}>
              Pay online (QRIS / VA)
            </Button>
          )}
          {canManage && voidable && (
            <Button onClick={() => toggle("void")} aria-expanded={mode === "void"}>
              Void…
            </Button>
          )}
          {printable && (
            <>
              <a href={`/invoices/${inv.id}/print`} target="_blank" rel="noopener" className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50">
                Print
              </a>
              <a
                href={`/api/invoices/${inv.id}/pdf`}
                download
                className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50"
              >
                Download PDF
              </a>
            </>
          )}
        </div>
      </header>

      <ErrorAlert error={issue.error} title="Could not issue." />

      {mode === "pay" && (
        <Card title="Record payment">
          <RecordPaymentForm customerId={inv.customerId} invoiceId={inv.id} defaultAmountIdr={inv.outstandingIdr} onCancel={() => setMode("view")} />
        </Card>
      )}
      {mode === "online" && (
        <Card title="Pay online (QRIS / VA)">
          <PayOnlinePanel invoiceId={inv.id} outstandingIdr={inv.outstandingIdr} canManage={canManage} />
        </Card>
      )}
      {mode === "void" && (
        <Card title="Void this invoice">
          <form onSubmit={submitVoid} className="grid gap-2 sm:grid-cols-[1fr_auto_auto] sm:items-end" noValidate>
            <label className={LABEL_CLASS}>
              Reason for voiding
              <input className={INPUT_CLASS} value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} placeholder="e.g. billed twice" />
            </label>
            <Button variant="danger" type="submit" disabled={voidIt.isPending || reason.trim().length < 3}>
              {voidIt.isPending ? "Voiding…" : "Void invoice"}
            </Button>
            <Button onClick={() => setMode("view")}>Cancel</Button>
          </form>
          <p className="mt-2 text-xs text-slate-500">The number stays used; the invoice no longer counts as money owed.</p>
          <div className="mt-2 empty:hidden">
            <ErrorAlert error={voidIt.error} />
          </div>
        </Card>
      )}
      {mode === "delete" && (
        <Card title="Delete this draft?">
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: inv.id })}>
              {remove.isPending ? "Deleting…" : "Delete draft"}
            </Button>
            <Button onClick={() => setMode("view")}>Keep it</Button>
          </div>
          <div className="mt-2 empty:hidden">
            <ErrorAlert error={remove.error} />
          </div>
        </Card>
      )}

      {inv.status === "void" && (
        <p className="rounded-lg border border-slate-200 bg-slate-100 px-3 py-2 text-sm text-slate-700">
          Voided {inv.voidedAt ? format.dateTime(inv.voidedAt) : ""}
          {inv.voidReason && `: ${inv.voidReason}`}
        </p>
      )}

      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm min-[420px]:grid-cols-2 md:grid-cols-4">
          <Fact label="Issued">{format.calendarDate(inv.issueDate)}</Fact>
          <Fact label="Due">{format.calendarDate(inv.dueDate)}</Fact>
          <Fact label="Period">{format.periodRange(inv.periodStart, inv.periodEnd) ?? "—"}</Fact>
          <Fact label="Paid in full">{inv.paidAt ? format.dateTime(inv.paidAt) : "—"}</Fact>
          <Fact label="Phone">{inv.customer.phone ?? "—"}</Fact>
          <Fact label="Address">{inv.customer.address ?? "—"}</Fact>
        </dl>
      </Card>

      <Card title="Lines">
        <LinesTable invoice={inv} />
        <Totals invoice={inv} />
        {inv.notes && <p className="mt-4 whitespace-pre-line border-t border-slate-100 pt-3 text-sm text-slate-600">{inv.notes}</p>}
      </Card>

      <Card title="Payments applied">
        {inv.payments.length === 0 ? (
          <p className="text-sm text-slate-600">No payments yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="invoice-payments">
            {inv.payments.map((p) => (
              <li key={`${p.paymentId}`} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <a href={`/payments/${p.paymentId}/receipt`} target="_blank" rel="noopener" className="font-mono text-brand-700 hover:underline">
                    {p.receiptNumber}
                  </a>
                  <div className="text-xs text-slate-500">
                    {PAYMENT_METHOD_LABELS[p.method]} · {format.dateTime(p.receivedAt)}
                  </div>
                </div>
                <span className="tabular-nums font-medium text-slate-900">{formatRupiah(p.amountIdr)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}

function LinesTable({ invoice }: { invoice: TInvoiceDetail }) {
  return (
    <>
      <ul className="divide-y divide-slate-100 sm:hidden">
        {invoice.lines.map((l) => (
          <li key={l.id} className="py-2 text-sm">
            <div className="flex justify-between gap-3">
              <span className="min-w-0 break-words text-slate-900">{l.description}</span>
              <span className="tabular-nums font-medium">{formatRupiah(l.amountIdr)}</span>
            </div>
            <div className="text-xs text-slate-500">
              {l.quantity} × {formatRupiah(l.unitPriceIdr)}
              {l.discountIdr > 0 && ` − ${formatRupiah(l.discountIdr)} discount`}
              {!l.taxable && invoice.taxMode !== "none" && " · no PPN"}
            </div>
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm sm:table" data-testid="invoice-lines">
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            <th className="py-2 pr-3">Description</th>
            <th className="py-2 pr-3 text-right">Qty</th>
            <th className="py-2 pr-3 text-right">Unit price</th>
            <th className="py-2 pr-3 text-right">Discount</th>
            <th className="py-2 text-right">Amount</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoice.lines.map((l) => (
            <tr key={l.id}>
              <td className="py-2 pr-3">
                {l.description}
                {!l.taxable && invoice.taxMode !== "none" && <span className="ml-1 text-xs text-slate-500">(no PPN)</span>}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{l.quantity}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{formatRupiah(l.unitPriceIdr)}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">{l.discountIdr > 0 ? formatRupiah(l.discountIdr) : "—"}</td>
              <td className="whitespace-nowrap py-2 text-right tabular-nums">{formatRupiah(l.amountIdr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Totals({ invoice: inv }: { invoice: TInvoiceDetail }) {
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
      {row("Subtotal", formatRupiah(inv.subtotalIdr))}
      {inv.discountIdr > 0 && row("Discounts included", formatRupiah(inv.discountIdr), "text-slate-500")}
      {inv.taxMode !== "none" && row(`PPN ${format.rateBp(inv.taxRateBp)}${inv.taxMode === "inclusive" ? " (included)" : ""}`, formatRupiah(inv.taxIdr), inv.taxMode === "inclusive" ? "text-slate-500" : undefined)}
      {row("Total", formatRupiah(inv.totalIdr), "border-t border-slate-200 pt-1 text-base font-semibold text-slate-900", "invoice-total")}
      {inv.status !== "draft" && inv.status !== "void" && (
        <>
          {row("Paid", formatRupiah(inv.paidIdr), undefined, "invoice-paid")}
          {row("Outstanding", formatRupiah(inv.outstandingIdr), inv.outstandingIdr > 0 ? "font-semibold text-red-700" : "font-semibold text-emerald-700", "invoice-outstanding")}
        </>
      )}
    </dl>
  );
}
