"use client";
// One tenant's account with RRNET, on its console page: standing, outstanding amount, its SaaS
// invoices, the payments received, and recording a payment (bank transfer or cash; partial
// payments allowed, more than is outstanding refused). Each opening of the payment form makes
// one idempotency key, so a double click or a retry records the payment once.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS } from "@/components/account/fields";
import { SaasInvoiceHeader } from "@/components/saas-billing/SaasInvoiceHeader";
import { SaasStandingBadge } from "@/components/saas-billing/SaasBadges";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import {
  SAAS_PAYMENT_METHOD_LABELS,
  SAAS_PAYMENT_METHODS,
  type TSaasInvoice,
  type TSaasPaymentMethod,
} from "@/server/modules/saas-billing/saas-billing.schema";
import { formatRupiah } from "@/components/ui/format";
import { serverFieldErrors as fieldErrorsOf } from "@/components/ui/form";
import { newIdempotencyKey as idempotencyKeyFor } from "@/components/ui/idempotency";
import { useFormat } from "@/components/ui/use-format";

const METHOD_LABEL: Record<string, string> = { ...SAAS_PAYMENT_METHOD_LABELS, collector: "Collector", gateway: "Online (gateway)" };

function PaymentForm({ invoice, onRecorded, onCancel }: { invoice: TSaasInvoice; onRecorded: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  // Made once per opening of the form: resubmitting it (double click, retry) records once.
  const [idempotencyKey] = useState(() => idempotencyKeyFor("saas-pay"));
  const [amount, setAmount] = useState(String(invoice.outstandingIdr));
  const [method, setMethod] = useState<TSaasPaymentMethod>("bank_transfer");
  const [reference, setReference] = useState("");
  const record = useMutation(trpc.platform.saasBilling.recordPayment.mutationOptions({ onSuccess: onRecorded }));
  const fieldErrors = fieldErrorsOf(record.error);
  const amountIdr = Number(amount.replace(/\D/g, ""));

  return (
    <form
      className="mt-2 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ invoiceId: invoice.id, amountIdr, method, reference: reference.trim() || undefined, idempotencyKey });
      }}
      data-testid="saas-payment-form"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="block text-xs font-medium text-slate-600">
          Amount (Rp)
          <input
            className={INPUT_CLASS}
            inputMode="numeric"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={fieldErrors.amountIdr ? true : undefined}
            data-testid="saas-payment-amount"
            required
          />
          <span className="mt-1 block font-normal text-slate-500">Outstanding {formatRupiah(invoice.outstandingIdr)}</span>
          {fieldErrors.amountIdr?.map((m) => (
            <span key={m} className="mt-1 block font-normal text-red-700">
              {m}
            </span>
          ))}
        </label>
        <label className="block text-xs font-medium text-slate-600">
          Method
          <select className={INPUT_CLASS} value={method} onChange={(e) => setMethod(e.target.value as TSaasPaymentMethod)} data-testid="saas-payment-method">
            {SAAS_PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {SAAS_PAYMENT_METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-xs font-medium text-slate-600">
          Reference <span className="font-normal text-slate-500">(optional)</span>
          <input
            className={INPUT_CLASS}
            value={reference}
            maxLength={120}
            placeholder="Transfer note, receipt no."
            onChange={(e) => setReference(e.target.value)}
            data-testid="saas-payment-reference"
          />
        </label>
      </div>
      {record.error && !fieldErrors.amountIdr && <ErrorAlert error={record.error} title="The payment was not recorded." />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={record.isPending || !(amountIdr > 0)} data-testid="saas-payment-submit">
          {record.isPending ? "Recording…" : `Record ${amountIdr > 0 ? formatRupiah(amountIdr) : "payment"}`}
        </Button>
        <Button onClick={onCancel} disabled={record.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function InvoiceItem({ invoice, paying, onPay, onRecorded, onCancel }: { invoice: TSaasInvoice; paying: boolean; onPay: () => void; onRecorded: () => void; onCancel: () => void }) {
  const payable = invoice.status === "issued" || invoice.status === "overdue";
  return (
    <li className="py-3" data-testid="tenant-saas-invoice" data-number={invoice.number}>
      <SaasInvoiceHeader invoice={invoice} />
      <ul className="mt-1 text-xs text-slate-600">
        {invoice.lines.map((line, i) => (
          <li key={i} className="flex justify-between gap-2">
            <span className="min-w-0">
              {line.description}
              {line.quantity > 1 && ` × ${line.quantity}`}
            </span>
            <span className="tabular-nums">{formatRupiah(line.amountIdr)}</span>
          </li>
        ))}
      </ul>
      {payable && !paying && (
        <div className="mt-2">
          <Button onClick={onPay} data-testid="saas-record-payment">
            Record payment
          </Button>
        </div>
      )}
      {payable && paying && <PaymentForm invoice={invoice} onRecorded={onRecorded} onCancel={onCancel} />}
    </li>
  );
}

export function TenantSaasBilling({ tenantId }: { tenantId: string }) {
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.platform.saasBilling.tenant.queryOptions({ tenantId }));
  const [payingId, setPayingId] = useState<string | null>(null);
  const refresh = () => {
    setPayingId(null);
    void queryClient.invalidateQueries({ queryKey: trpc.platform.saasBilling.tenant.queryKey({ tenantId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.platform.saasBilling.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.platform.audit.list.queryKey() });
  };

  if (query.isPending) return <Skeleton className="h-40" />;
  if (query.error) return <ErrorAlert error={query.error} title="Could not load this tenant's RRNET billing." />;
  const data = query.data;

  return (
    <Card title="RRNET billing" action={<SaasStandingBadge standing={data.standing} />}>
      <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">Outstanding</dt>
        <dd className="tabular-nums font-medium text-slate-900" data-testid="tenant-saas-outstanding">
          {formatRupiah(data.outstandingIdr)}
        </dd>
        {data.standingAt && (
          <>
            <dt className="text-slate-500">Standing since</dt>
            <dd className="text-slate-900">{format.date(data.standingAt)}</dd>
          </>
        )}
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">Invoices</h3>
      {data.invoices.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">None yet. Invoices are issued on the 1st of each month.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {data.invoices.map((invoice) => (
            <InvoiceItem
              key={invoice.id}
              invoice={invoice}
              paying={payingId === invoice.id}
              onPay={() => setPayingId(invoice.id)}
              onRecorded={refresh}
              onCancel={() => setPayingId(null)}
            />
          ))}
        </ul>
      )}
      <h3 className="mt-4 text-sm font-semibold text-slate-900">Payments received</h3>
      {data.payments.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">None yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {data.payments.map((p) => (
            <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm" data-testid="tenant-saas-payment">
              <div className="min-w-0">
                <div className="text-slate-900">
                  {format.date(p.receivedAt)} · {METHOD_LABEL[p.method] ?? p.method} · <span className="font-mono text-xs">{p.invoiceNumber}</span>
                </div>
                <div className="break-words text-xs text-slate-500">
                  {p.reference ? `${p.reference} · ` : ""}recorded by {p.recordedBy ?? "RRNET"}
                </div>
              </div>
              <span className="tabular-nums font-medium text-slate-900">{formatRupiah(p.amountIdr)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
