"use client";
// One tenant's account with RRNET, on its console page: standing, outstanding amount, its SaaS
// invoices, the payments received, and recording a payment (bank transfer or cash; partial
// payments allowed, more than is outstanding refused). Each opening of the payment form makes
// one idempotency key, so a double click or a retry records the payment once.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { SaasInvoiceHeader } from "@/components/saas-billing/SaasInvoiceHeader";
import { SaasStandingBadge } from "@/components/saas-billing/SaasBadges";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Fact } from "@/components/ui/Fact";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, setServerErrors, useZodForm } from "@/components/ui/form";
import { newIdempotencyKey as idempotencyKeyFor } from "@/components/ui/idempotency";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { SAAS_PAYMENT_METHODS, ZRecordSaasPaymentInput, type TSaasInvoice } from "@/server/modules/saas-billing/saas-billing.schema";

function PaymentForm({ invoice, onRecorded, onCancel }: { invoice: TSaasInvoice; onRecorded: () => void; onCancel: () => void }) {
  const t = useTranslations("console.saas.payment");
  const common = useTranslations("common");
  const methods = useTranslations("billing.paymentMethod");
  const format = useFormat();
  const trpc = useTRPC();
  // Made once per opening of the form: resubmitting it (double click, retry) records once.
  const [idempotencyKey] = useState(() => idempotencyKeyFor("saas-pay"));
  const form = useZodForm(ZRecordSaasPaymentInput, {
    defaultValues: { invoiceId: invoice.id, amountIdr: invoice.outstandingIdr, method: "bank_transfer", reference: "", idempotencyKey },
  });
  const record = useMutation(trpc.platform.saasBilling.recordPayment.mutationOptions({ onSuccess: onRecorded, onError: (e) => setServerErrors(form, e) }));
  const { errors } = form.formState;
  const amount = form.watch("amountIdr");

  return (
    <form className="mt-2 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3" noValidate onSubmit={form.handleSubmit((values) => record.mutate(values))} data-testid="saas-payment-form">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("amount")} hint={t("outstanding", { amount: format.money(invoice.outstandingIdr) })} error={errors.amountIdr?.message} required>
          <Input inputMode="numeric" {...form.register("amountIdr", { setValueAs: optionalNumber })} data-testid="saas-payment-amount" />
        </Field>
        <Field label={t("method")} error={errors.method?.message}>
          <Select {...form.register("method")} data-testid="saas-payment-method">
            {SAAS_PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {methods(m)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("reference")} labelSuffix={common("optional")} error={errors.reference?.message}>
          <Input maxLength={120} placeholder={t("referencePlaceholder")} {...form.register("reference")} data-testid="saas-payment-reference" />
        </Field>
      </div>
      <FormError form={form} error={record.error} title={t("failed")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" loading={record.isPending} data-testid="saas-payment-submit">
          {typeof amount === "number" && amount > 0 ? t("submitAmount", { amount: format.money(amount) }) : t("submit")}
        </Button>
        <Button onClick={onCancel} disabled={record.isPending}>
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}

function InvoiceItem({ invoice, paying, onPay, onRecorded, onCancel }: { invoice: TSaasInvoice; paying: boolean; onPay: () => void; onRecorded: () => void; onCancel: () => void }) {
  const t = useTranslations("console.saas");
  const format = useFormat();
  const payable = invoice.status === "issued" || invoice.status === "overdue";
  return (
    <li className="py-3" data-testid="tenant-saas-invoice" data-number={invoice.number}>
      <SaasInvoiceHeader invoice={invoice} />
      <ul className="mt-1 text-xs text-slate-600">
        {invoice.lines.map((line, i) => (
          <li key={i} className="flex justify-between gap-2">
            <span className="min-w-0">{line.quantity > 1 ? t("lineTimes", { description: line.description, quantity: line.quantity }) : line.description}</span>
            <span className="tabular-nums">{format.money(line.amountIdr)}</span>
          </li>
        ))}
      </ul>
      {payable && !paying && (
        <div className="mt-2">
          <Button onClick={onPay} data-testid="saas-record-payment">
            {t("payment.open")}
          </Button>
        </div>
      )}
      {payable && paying && <PaymentForm invoice={invoice} onRecorded={onRecorded} onCancel={onCancel} />}
    </li>
  );
}

export function TenantSaasBilling({ tenantId }: { tenantId: string }) {
  const t = useTranslations("console.saas");
  const methods = useTranslations("billing.paymentMethod");
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
  if (query.error) return <ErrorAlert error={query.error} title={t("loadFailed")} />;
  const data = query.data;

  return (
    <Card title={t("title")} action={<SaasStandingBadge standing={data.standing} />}>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <Fact label={t("outstanding")}>
          <span className="tabular-nums font-medium" data-testid="tenant-saas-outstanding">
            {format.money(data.outstandingIdr)}
          </span>
        </Fact>
        {data.standingAt && <Fact label={t("standingSince")}>{format.date(data.standingAt)}</Fact>}
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t("invoices")}</h3>
      {data.invoices.length === 0 ? (
        <EmptyState title={t("noInvoices")} />
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
      <h3 className="mt-4 text-sm font-semibold text-slate-900">{t("payments")}</h3>
      {data.payments.length === 0 ? (
        <EmptyState title={t("noPayments")} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {data.payments.map((p) => (
            <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm" data-testid="tenant-saas-payment">
              <div className="min-w-0">
                <div className="text-slate-900">
                  {t("paymentLine", { date: format.date(p.receivedAt), method: methods(p.method) })} · <span className="font-mono text-xs">{p.invoiceNumber}</span>
                </div>
                <div className="break-words text-xs text-slate-500">
                  {p.reference ? t("recordedByWithReference", { reference: p.reference, by: p.recordedBy ?? "RRNET" }) : t("recordedBy", { by: p.recordedBy ?? "RRNET" })}
                </div>
              </div>
              <span className="tabular-nums font-medium text-slate-900">{format.money(p.amountIdr)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
