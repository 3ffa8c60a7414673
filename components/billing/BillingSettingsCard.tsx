"use client";
// The ISP's billing settings: PPN (none, added on top, or included in prices; the rate typed in
// percent, kept in basis points), days to pay, grace days before isolation, and what invoices
// print (logo, footer). New invoices use them; issued ones keep the figures they were issued with.
// One react-hook-form on ZBillingSettingsForm.
import { useState, type ChangeEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { cx } from "@/components/ui/cx";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { TAX_MODES, ZBillingSettingsForm, type TBillingSettings } from "@/server/modules/billing/billing.schema";

/** The schema's limit is on the data URL (base64 is 4/3 of the file): about 200 KB of image. */
const MAX_LOGO_BYTES = 200 * 1024;
const MAX_LOGO_URL = 280_000;
const LOGO_TYPES = ["image/png", "image/jpeg", "image/svg+xml"];

/** Basis points as the percent a person types ("11", "11,5"); 11 is offered when there is none yet. */
const percentText = (bp: number) => (bp === 0 ? "11" : String(bp / 100).replace(".", ","));
const nullableText = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export function BillingSettingsCard() {
  const t = useTranslations("billing.settings");
  const trpc = useTRPC();
  const settings = useQuery(trpc.billing.settings.queryOptions());
  return (
    <Card title={t("title")}>
      {settings.isPending && <Skeleton className="h-48" />}
      <ErrorAlert error={settings.error} title={t("loadFailed")} />
      {settings.data && <BillingSettingsForm initial={settings.data} />}
    </Card>
  );
}

function BillingSettingsForm({ initial }: { initial: TBillingSettings }) {
  const t = useTranslations("billing.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZBillingSettingsForm, {
    defaultValues: {
      taxMode: initial.taxMode,
      taxRatePercent: percentText(initial.taxRateBp),
      invoiceDueDays: initial.invoiceDueDays,
      isolationGraceDays: initial.isolationGraceDays,
      invoiceFooter: initial.invoiceFooter,
      logoDataUrl: initial.logoDataUrl,
    },
  });
  const [logoError, setLogoError] = useState<string | null>(null);
  const save = useMutation(
    trpc.billing.updateSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.billing.settings.queryKey(), data),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const taxMode = form.watch("taxMode");
  const logo = form.watch("logoDataUrl");
  const footer = form.watch("invoiceFooter") ?? "";
  const setLogo = (url: string | null) => form.setValue("logoDataUrl", url, { shouldDirty: true });

  const pickLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    save.reset();
    if (!LOGO_TYPES.includes(file.type)) return setLogoError(t("logoType"));
    if (file.size > MAX_LOGO_BYTES) return setLogoError(t("logoTooLarge", { size: Math.ceil(file.size / 1024) }));
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      if (url.length > MAX_LOGO_URL) return setLogoError(t("logoTooLarge", { size: Math.ceil(file.size / 1024) }));
      setLogoError(null);
      setLogo(url);
    };
    reader.onerror = () => setLogoError(t("logoUnreadable"));
    reader.readAsDataURL(file);
  };

  return (
    <form
      onSubmit={form.handleSubmit((values) => {
        save.reset();
        save.mutate(values);
      })}
      className="space-y-4"
      noValidate
      data-testid="billing-settings"
    >
      <fieldset>
        <legend className="block text-sm font-medium text-slate-700">{t("taxMode")}</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-3">
          {TAX_MODES.map((mode) => (
            <label key={mode} className={cx("flex min-h-11 cursor-pointer gap-2.5 rounded-lg border p-2.5 text-sm", taxMode === mode ? "border-brand-600 bg-brand-50" : "border-slate-300")}>
              <input type="radio" value={mode} {...form.register("taxMode")} className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600 md:h-4 md:w-4" />
              <span>
                <span className="block font-medium text-slate-900">{t(`taxModes.${mode}.label`)}</span>
                <span className="block text-xs text-slate-500">{t(`taxModes.${mode}.hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("taxRate")} error={errors.taxRatePercent?.message}>
          <Input inputMode="decimal" disabled={taxMode === "none"} {...form.register("taxRatePercent")} />
        </Field>
        <Field label={t("dueDays")} hint={t("dueDaysHint")} error={errors.invoiceDueDays?.message}>
          <Input inputMode="numeric" {...form.register("invoiceDueDays", { setValueAs: optionalNumber })} />
        </Field>
        <Field label={t("graceDays")} hint={t("graceDaysHint")} error={errors.isolationGraceDays?.message}>
          <Input inputMode="numeric" {...form.register("isolationGraceDays", { setValueAs: optionalNumber })} />
        </Field>
      </div>
      <Field label={t("footer")} hint={t("footerHint", { length: footer.length })} error={errors.invoiceFooter?.message}>
        <Textarea rows={3} maxLength={500} placeholder={t("footerPlaceholder")} {...form.register("invoiceFooter", { setValueAs: nullableText })} />
      </Field>
      <div>
        <span className="block text-sm font-medium text-slate-700">{t("logo")}</span>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <div className="flex h-16 w-40 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white p-1">
            {logo ? (
              // The uploaded logo as a data URL: nothing is fetched.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={logo} alt={t("currentLogo")} className="max-h-full max-w-full object-contain" />
            ) : (
              <span className="text-xs text-slate-500">{t("noLogo")}</span>
            )}
          </div>
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-within:outline-2 focus-within:outline-brand-500 md:min-h-9 pointer-coarse:min-h-11">
            {t("uploadLogo")}
            <input type="file" accept="image/png,image/jpeg,image/svg+xml" className="sr-only" onChange={pickLogo} />
          </label>
          {logo && <Button onClick={() => setLogo(null)}>{t("removeLogo")}</Button>}
        </div>
        <p className="mt-1 text-xs text-slate-500">{t("logoHint")}</p>
        {(logoError ?? errors.logoDataUrl?.message) && (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {logoError ?? errors.logoDataUrl?.message}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" loading={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      </div>
      {save.isSuccess && <Alert tone="success">{t("saved")}</Alert>}
      <FormError form={form} error={save.error} title={t("saveFailed")} />
    </form>
  );
}
