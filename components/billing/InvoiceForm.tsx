"use client";
// A manual invoice: customer, lines (quantity, unit price, discount, taxable) and notes, with
// totals computed as the server will (invoice-math.ts, the tenant's PPN settings). New invoices
// are saved as a draft or issued at once; a draft can be edited until it is issued. The lines are
// one react-hook-form field array on ZInvoiceFormFields (the server parses the same line rules).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, optionalRupiah, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { useFormat } from "@/components/ui/use-format";
import { ZInvoiceLine, ZInvoiceFormFields, type TInvoiceDetail, type TInvoiceLineInput } from "@/server/modules/billing/billing.schema";
import { invoiceTotals, lineAmount } from "@/server/modules/billing/invoice-math";
import { CustomerPicker, type PickedCustomer } from "./CustomerPicker";

const MAX_LINES = 50;
const blankLine = { description: "", quantity: 1, unitPriceIdr: undefined as unknown as number, discountIdr: 0, taxable: true };

type InvoiceFormProps = { mode: "new"; customer: PickedCustomer | null } | { mode: "edit"; invoice: TInvoiceDetail };

export function InvoiceForm(props: InvoiceFormProps) {
  const t = useTranslations("billing.invoiceForm");
  const format = useFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.billing.settings.queryOptions());
  const [customer, setCustomer] = useState<PickedCustomer | null>(
    props.mode === "new" ? props.customer : { id: props.invoice.customer.id, code: props.invoice.customer.code, name: props.invoice.customer.name, address: props.invoice.customer.address },
  );
  const form = useZodForm(ZInvoiceFormFields, {
    defaultValues:
      props.mode === "edit"
        ? { lines: props.invoice.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceIdr: l.unitPriceIdr, discountIdr: l.discountIdr, taxable: l.taxable })), notes: props.invoice.notes ?? null }
        : { lines: [blankLine], notes: null },
  });
  const lines = useFieldArray({ control: form.control, name: "lines" });
  const [tried, setTried] = useState(false);
  const [intent, setIntent] = useState<"draft" | "issue">("draft");

  // Totals of the lines that are complete, as the server will compute them.
  const watched = form.watch("lines");
  const complete = watched.map((l) => ZInvoiceLine.safeParse(l)).map((r) => (r.success ? r.data : null));
  const valid = complete.filter((l): l is TInvoiceLineInput => l !== null);
  const taxMode = settings.data?.taxMode ?? "none";
  const taxRateBp = settings.data?.taxRateBp ?? 0;
  const totals = invoiceTotals(valid, taxMode, taxRateBp);

  const afterSave = async (invoice: TInvoiceDetail) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.billing.invoices.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.dashboard.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.customerBalance.queryKey({ customerId: invoice.customerId }) }),
    ]);
    router.push(`/invoices/${invoice.id}`);
  };
  const onError = (error: unknown) => setServerErrors(form, error);
  const create = useMutation(trpc.billing.invoices.createManual.mutationOptions({ onSuccess: afterSave, onError }));
  const update = useMutation(trpc.billing.invoices.updateDraft.mutationOptions({ onError }));
  const issue = useMutation(trpc.billing.invoices.issue.mutationOptions());
  const busy = create.isPending || update.isPending || issue.isPending;
  const { errors } = form.formState;

  const save = (wanted: "draft" | "issue") =>
    form.handleSubmit(
      async (values) => {
        if (!customer) return;
        if (props.mode === "new") {
          create.mutate({ customerId: customer.id, ...values, issue: wanted === "issue" });
          return;
        }
        try {
          const saved = await update.mutateAsync({ id: props.invoice.id, ...values });
          if (wanted === "issue") await issue.mutateAsync({ ids: [saved.id] });
          await afterSave(saved);
        } catch {
          // shown by the alerts below
        }
      },
      () => undefined,
    );

  return (
    <form
      onSubmit={(event) => {
        // Which button sent the form: state set in its onClick is not visible to this handler yet.
        const wanted = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "issue" ? "issue" : "draft";
        setIntent(wanted);
        setTried(true);
        void save(wanted)(event);
      }}
      className="min-w-0 space-y-4"
      noValidate
    >
      <Card title={props.mode === "new" ? t("customer") : t("draftFor", { name: props.invoice.customer.name })}>
        {props.mode === "new" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <CustomerPicker value={customer} onChange={setCustomer} />
            {tried && !customer && (
              <p role="alert" className="text-sm text-red-700 sm:col-span-2">
                {t("chooseCustomer")}
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            <span className="font-mono">{props.invoice.customer.code}</span> · {props.invoice.customer.name}
          </p>
        )}
      </Card>

      <Card title={t("lines")}>
        <ol className="space-y-3">
          {lines.fields.map((field, i) => {
            const n = i + 1;
            const lineErrors = errors.lines?.[i];
            const line = complete[i];
            return (
              <li key={field.id} className="min-w-0 rounded-lg border border-slate-200 p-3" data-testid="invoice-line">
                <div className="grid grid-cols-2 gap-3 sm:grid-cols-12">
                  <Field label={t("description")} error={lineErrors?.description?.message} className="col-span-2 sm:col-span-12" required>
                    <Input aria-label={t("lineDescription", { n })} maxLength={200} placeholder={t("descriptionPlaceholder")} {...form.register(`lines.${i}.description`)} />
                  </Field>
                  <Field label={t("quantity")} error={lineErrors?.quantity?.message} className="sm:col-span-2">
                    <Input aria-label={t("lineQuantity", { n })} inputMode="numeric" {...form.register(`lines.${i}.quantity`, { setValueAs: optionalNumber })} />
                  </Field>
                  <Field label={t("unitPrice")} error={lineErrors?.unitPriceIdr?.message} className="sm:col-span-4" required>
                    <Input aria-label={t("lineUnitPrice", { n })} inputMode="numeric" autoComplete="off" {...form.register(`lines.${i}.unitPriceIdr`, { setValueAs: optionalRupiah })} />
                  </Field>
                  <Field label={t("discount")} error={lineErrors?.discountIdr?.message} className="sm:col-span-3">
                    <Input aria-label={t("lineDiscount", { n })} inputMode="numeric" autoComplete="off" {...form.register(`lines.${i}.discountIdr`, { setValueAs: (v) => optionalRupiah(v) ?? 0 })} />
                  </Field>
                  <div className="col-span-2 sm:col-span-3 sm:pt-6">
                    <Checkbox label={t("taxable")} aria-label={t("lineTaxable", { n })} {...form.register(`lines.${i}.taxable`)} />
                  </div>
                </div>
                <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className={line ? "tabular-nums text-slate-700" : "text-slate-500"}>{line ? t("amount", { amount: format.money(lineAmount(line)) }) : t("incomplete")}</span>
                  {lines.fields.length > 1 && (
                    <Button onClick={() => lines.remove(i)} aria-label={t("removeLine", { n })}>
                      {t("remove")}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {errors.lines?.root?.message && <p className="mt-2 text-sm text-red-700">{errors.lines.root.message}</p>}
        <div className="mt-3">
          <Button onClick={() => lines.append(blankLine)} disabled={lines.fields.length >= MAX_LINES}>
            {t("addLine")}
          </Button>
        </div>
      </Card>

      <Card title={t("totals")}>
        {settings.isPending ? (
          <Skeleton className="h-24" />
        ) : (
          <dl className="ml-auto max-w-sm space-y-1 text-sm" data-testid="invoice-totals">
            <TotalRow label={t("subtotal")} value={format.money(totals.subtotalIdr)} />
            {totals.discountIdr > 0 && <TotalRow label={t("discounts")} value={format.money(totals.discountIdr)} muted />}
            {taxMode !== "none" && (
              <TotalRow label={taxMode === "inclusive" ? t("taxIncluded", { rate: format.rateBp(taxRateBp) }) : t("tax", { rate: format.rateBp(taxRateBp) })} value={format.money(totals.taxIdr)} muted={taxMode === "inclusive"} />
            )}
            <TotalRow label={t("total")} value={format.money(totals.totalIdr)} strong testId="invoice-form-total" />
          </dl>
        )}
        <ErrorAlert error={settings.error} title={t("settingsFailed")} />
        {valid.length < watched.length && <p className="mt-2 text-xs text-slate-500">{t("totalsCountComplete")}</p>}
        <Field label={t("notes")} error={errors.notes?.message} className="mt-4">
          <Textarea rows={2} maxLength={1000} {...form.register("notes", { setValueAs: optionalText })} />
        </Field>
      </Card>

      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" name="intent" value="draft" disabled={busy} loading={busy && intent === "draft"}>
          {busy && intent === "draft" ? t("saving") : t("saveDraft")}
        </Button>
        <Button type="submit" name="intent" value="issue" variant="primary" disabled={busy} loading={busy && intent === "issue"}>
          {busy && intent === "issue" ? t("issuing") : t("saveIssue")}
        </Button>
      </div>
      {tried && Object.keys(errors).length > 0 && <Alert tone="danger">{t("fixMarked")}</Alert>}
      <FormError form={form} error={create.error ?? update.error} title={t("saveFailed")} />
      <ErrorAlert error={issue.error} title={t("saveFailed")} />
    </form>
  );
}

function TotalRow({ label, value, strong, muted, testId }: { label: string; value: string; strong?: boolean; muted?: boolean; testId?: string }) {
  return (
    <div className={`flex justify-between gap-4 ${strong ? "border-t border-slate-200 pt-2 text-base font-semibold text-slate-900" : muted ? "text-slate-500" : "text-slate-700"}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
