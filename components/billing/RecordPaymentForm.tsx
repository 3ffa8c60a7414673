"use client";
// Records money received (cash, bank transfer, or handed over by a collector). One idempotency
// key per opening of the form, so a double click or a retry after a lost answer records one
// payment. The server settles the named invoice first, then the oldest open ones, then credit.
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { newPaymentKey } from "@/components/billing/billing-ui";
import { useTRPC } from "@/components/trpc/provider";
import { Button, buttonClass } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormError, optionalRupiah, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { useFormat } from "@/components/ui/use-format";
import { ZManualPaymentMethod, ZRecordPaymentFields, type TRecordPaymentResult } from "@/server/modules/billing/billing.schema";

type ManualMethod = (typeof ZManualPaymentMethod.options)[number];

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
  const t = useTranslations("billing.recordPayment");
  const methods = useTranslations("billing.paymentMethod");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One key for this opening of the form (not per click).
  const [idempotencyKey] = useState(newPaymentKey);
  const form = useZodForm(ZRecordPaymentFields, {
    defaultValues: { amountIdr: props.defaultAmountIdr > 0 ? props.defaultAmountIdr : undefined, method: props.defaultMethod ?? "cash", reference: null, note: null },
  });
  const record = useMutation(
    trpc.billing.payments.record.mutationOptions({
      onSuccess: async (result) => {
        props.onRecorded?.(result);
        // Everything that shows this customer's money.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tenant.home.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.customers.get.queryKey({ id: props.customerId }) }),
        ]);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const amount = form.watch("amountIdr");
  const method = form.watch("method");

  if (record.data) return <PaymentResult result={record.data} linkInvoices={props.linkInvoices ?? true} onClose={props.onCancel} />;

  return (
    <form
      onSubmit={form.handleSubmit((values) => !record.isPending && record.mutate({ customerId: props.customerId, ...(props.invoiceId ? { invoiceId: props.invoiceId } : {}), ...values, idempotencyKey }))}
      className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3 sm:grid-cols-2"
      noValidate
      data-testid="record-payment-form"
    >
      <Field label={t("amount")} hint={typeof amount === "number" && amount > 0 ? format.money(amount) : t("wholeRupiah")} error={errors.amountIdr?.message} required>
        <Input inputMode="numeric" autoComplete="off" {...form.register("amountIdr", { setValueAs: optionalRupiah })} />
      </Field>
      <Field label={t("method")} error={errors.method?.message}>
        <Select {...form.register("method")}>
          {ZManualPaymentMethod.options.map((m) => (
            <option key={m} value={m}>
              {methods(m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("reference")} error={errors.reference?.message}>
        <Input maxLength={100} placeholder={method === "bank_transfer" ? t("referencePlaceholder") : undefined} {...form.register("reference", { setValueAs: optionalText })} />
      </Field>
      <Field label={t("note")} error={errors.note?.message}>
        <Input maxLength={500} {...form.register("note", { setValueAs: optionalText })} />
      </Field>
      <p className="text-xs text-slate-500 sm:col-span-2">{props.invoiceId ? t("settlesInvoice") : t("settlesOldest")}</p>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" loading={record.isPending}>
          {record.isPending ? t("submitting") : t("submit")}
        </Button>
        <Button onClick={props.onCancel} disabled={record.isPending}>
          {t("cancel")}
        </Button>
      </div>
      <div className="empty:hidden sm:col-span-2">
        <FormError form={form} error={record.error} title={t("notRecorded")} />
      </div>
    </form>
  );
}

/** What a recorded payment did: receipt, where the money went, credit left, service restored. */
export function PaymentResult({ result, linkInvoices, onClose }: { result: TRecordPaymentResult; linkInvoices: boolean; onClose: () => void }) {
  const t = useTranslations("billing.recordPayment");
  const methods = useTranslations("billing.paymentMethod");
  const format = useFormat();
  const trpc = useTRPC();
  // Invoice numbers of the allocations (the record answer carries ids only).
  const payment = useQuery(trpc.billing.payments.get.queryOptions({ id: result.payment.id }));
  const numberOf = (invoiceId: string) => payment.data?.allocations.find((a) => a.invoiceId === invoiceId)?.invoiceNumber ?? t("invoiceFallback");
  const p = result.payment;
  const facts = { amount: format.money(p.amountIdr), method: methods(p.method), receipt: p.receiptNumber };
  const action = buttonClass("secondary", "md", "border-emerald-300 text-emerald-800 hover:bg-emerald-100");
  return (
    <div role="status" className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="payment-result">
      <p className="font-medium">{result.replayed ? t("replayed", facts) : t("recorded", facts)}</p>
      {result.allocations.length > 0 && (
        <ul className="list-inside list-disc">
          {result.allocations.map((a) => (
            <li key={a.invoiceId}>
              {t.rich("allocation", {
                amount: format.money(a.amountIdr),
                number: numberOf(a.invoiceId),
                invoice: (chunks) =>
                  linkInvoices ? (
                    <Link href={`/invoices/${a.invoiceId}`} className="font-mono underline">
                      {chunks}
                    </Link>
                  ) : (
                    <span className="font-mono">{chunks}</span>
                  ),
              })}
            </li>
          ))}
        </ul>
      )}
      {result.creditIdr > 0 && <p>{t("credit", { amount: format.money(result.creditIdr) })}</p>}
      {result.restored && <p className="font-medium">{t("restored")}</p>}
      <div className="flex flex-wrap gap-2 pt-1">
        <a href={`/payments/${p.id}/receipt`} target="_blank" rel="noopener" className={action}>
          {t("printReceipt")}
        </a>
        <a href={`/api/payments/${p.id}/pdf`} className={action}>
          {t("receiptPdf")}
        </a>
        <Button onClick={onClose}>{t("done")}</Button>
      </div>
    </div>
  );
}
