"use client";
// Records money received (cash, bank transfer, or handed over by a collector). One idempotency
// key per opening of the form, so a double click or a retry after a lost answer records one
// payment. The server settles the named invoice first, then the oldest open ones, then credit.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { PAYMENT_METHOD_LABELS, type TRecordPaymentResult } from "@/server/modules/billing/billing.schema";
import { formatRupiah, parseRupiah } from "@/components/ui/format";
import { newPaymentKey } from "@/components/billing/billing-ui";

const METHODS = ["cash", "bank_transfer", "collector"] as const;
type ManualMethod = (typeof METHODS)[number];

type RecordPaymentFormProps = {
  customerId: string;
  /** The invoice to settle first, when the form is opened from one. */
  invoiceId?: string;
  /** Prefilled amount: the invoice's (or customer's) outstanding money. */
  defaultAmountIdr: number;
  defaultMethod?: ManualMethod;
  /** Link the settled invoices to their pages (only for those who may open them: billing.read). */
  linkInvoices?: boolean;
  onCancel: () => void;
  onRecorded?: (result: TRecordPaymentResult) => void;
};

export function RecordPaymentForm(props: RecordPaymentFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One key for this opening of the form (not per click).
  const [idempotencyKey] = useState(newPaymentKey);
  const [amount, setAmount] = useState(props.defaultAmountIdr > 0 ? String(props.defaultAmountIdr) : "");
  const [method, setMethod] = useState<ManualMethod>(props.defaultMethod ?? "cash");
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const amountIdr = parseRupiah(amount);
  const amountOk = amountIdr !== null && amountIdr >= 1 && amountIdr <= 1_000_000_000;

  const record = useMutation(
    trpc.billing.payments.record.mutationOptions({
      onSuccess: async (result) => {
        props.onRecorded?.(result);
        // Everything that shows this customer's money.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.billing.invoices.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.billing.payments.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.billing.customerBalance.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.billing.dashboard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.customers.get.queryKey({ id: props.customerId }) }),
        ]);
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!amountOk || record.isPending) return;
    record.mutate({
      customerId: props.customerId,
      ...(props.invoiceId ? { invoiceId: props.invoiceId } : {}),
      amountIdr: amountIdr!,
      method,
      reference: reference.trim() || null,
      note: note.trim() || null,
      idempotencyKey,
    });
  };

  if (record.data) return <PaymentResult result={record.data} linkInvoices={props.linkInvoices ?? true} onClose={props.onCancel} />;

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-2" noValidate data-testid="record-payment-form">
      <label className={LABEL_CLASS}>
        Amount received (Rp)
        <input className={INPUT_CLASS} inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={tried && !amountOk} />
        <span className="mt-1 block text-xs font-normal text-slate-500">{amountOk ? formatRupiah(amountIdr!) : "Whole rupiah"}</span>
      </label>
      <label className={LABEL_CLASS}>
        Method
        <select className={INPUT_CLASS} value={method} onChange={(e) => setMethod(e.target.value as ManualMethod)}>
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {PAYMENT_METHOD_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL_CLASS}>
        Reference (optional)
        <input className={INPUT_CLASS} value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} placeholder={method === "bank_transfer" ? "Transfer reference" : ""} />
      </label>
      <label className={LABEL_CLASS}>
        Note (optional)
        <input className={INPUT_CLASS} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p className="text-xs text-slate-500 sm:col-span-2">
        Money settles {props.invoiceId ? "this invoice first, then the customer's oldest open invoices" : "the customer's oldest open invoices"}; anything left is kept as credit for the next invoice.
      </p>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={record.isPending}>
          {record.isPending ? "Recording…" : "Record payment"}
        </Button>
        <Button onClick={props.onCancel} disabled={record.isPending}>
          Cancel
        </Button>
      </div>
      <div className="empty:hidden sm:col-span-2">
        {tried && !amountOk && <ErrorAlert error={{ message: "Enter the amount received in whole rupiah." }} />}
        <ErrorAlert error={record.error} title="The payment was not recorded." />
      </div>
    </form>
  );
}

/** What a recorded payment did: receipt, where the money went, credit left, service restored. */
export function PaymentResult({ result, linkInvoices, onClose }: { result: TRecordPaymentResult; linkInvoices: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  // Invoice numbers of the allocations (the record answer carries ids only).
  const payment = useQuery(trpc.billing.payments.get.queryOptions({ id: result.payment.id }));
  const numberOf = (invoiceId: string) => payment.data?.allocations.find((a) => a.invoiceId === invoiceId)?.invoiceNumber ?? "invoice";
  const p = result.payment;
  return (
    <div role="status" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="payment-result">
      <p className="font-medium">
        {result.replayed ? "This payment was already recorded" : "Payment recorded"}: {formatRupiah(p.amountIdr)} ({PAYMENT_METHOD_LABELS[p.method]}), receipt{" "}
        <span className="font-mono">{p.receiptNumber}</span>.
      </p>
      {result.allocations.length > 0 && (
        <ul className="list-inside list-disc">
          {result.allocations.map((a) => (
            <li key={a.invoiceId}>
              {formatRupiah(a.amountIdr)} to{" "}
              {linkInvoices ? (
                <Link href={`/invoices/${a.invoiceId}`} className="font-mono underline">
                  {numberOf(a.invoiceId)}
                </Link>
              ) : (
                <span className="font-mono">{numberOf(a.invoiceId)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {result.creditIdr > 0 && <p>{formatRupiah(result.creditIdr)} kept as credit for the next invoice.</p>}
      {result.restored && <p className="font-medium">The customer&apos;s arrears are settled: service is restored.</p>}
      <div className="flex flex-wrap gap-2 pt-1">
        <a href={`/payments/${p.id}/receipt`} target="_blank" rel="noopener" className="inline-flex min-h-9 items-center rounded-lg border border-emerald-300 bg-white px-3 text-sm font-medium text-emerald-800 hover:bg-emerald-100">
          Print receipt
        </a>
        <a href={`/api/payments/${p.id}/pdf`} className="inline-flex min-h-9 items-center rounded-lg border border-emerald-300 bg-white px-3 text-sm font-medium text-emerald-800 hover:bg-emerald-100">
          Receipt PDF
        </a>
        <Button onClick={onClose}>Done</Button>
      </div>
    </div>
  );
}
