"use client";
// The ISP's WhatsApp gateways: on/off, which provider sends and which takes over when it cannot,
// their credentials (write-only: the page only says a token is set and its last 4 characters),
// the webhook addresses to paste at the provider, pacing (random gap and daily cap for Fonnte,
// messages per second for the Cloud API), quiet hours and the payment reminder's days.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { settingsFormValues, WHATSAPP_PROVIDERS, ZWhatsAppSettingsForm, type TWhatsAppSettings } from "@/server/modules/notifications/notifications.schema";

export function WhatsAppSettingsCard() {
  const t = useTranslations("notifications.settings");
  const trpc = useTRPC();
  const settings = useQuery(trpc.notifications.settings.queryOptions());
  return (
    <Card title={t("title")}>
      {settings.isPending && <Skeleton className="h-64" />}
      <ErrorAlert error={settings.error} title={t("couldNotLoad")} />
      {settings.isSuccess && <SettingsForm initial={settings.data} />}
    </Card>
  );
}

function SettingsForm({ initial }: { initial: TWhatsAppSettings | null }) {
  const t = useTranslations("notifications.settings");
  const providers = useTranslations("notifications.providers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZWhatsAppSettingsForm, { defaultValues: settingsFormValues(initial) });
  const save = useMutation(
    trpc.notifications.saveSettings.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.notifications.settings.queryKey(), data);
        form.reset(settingsFormValues(data));
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const number = { setValueAs: optionalNumber };
  const keep = (last4: string | null | undefined) => (last4 ? t("secretSet", { last4 }) : t("secretNotSet"));

  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="space-y-5" noValidate data-testid="whatsapp-settings">
      <Checkbox label={t("enabled")} hint={t("enabledHint")} {...form.register("enabled")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("primary")} error={errors.primaryProvider?.message}>
          <Select {...form.register("primaryProvider")}>
            {WHATSAPP_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {providers(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fallback")} hint={t("fallbackHint")} error={errors.fallbackProvider?.message}>
          <Select {...form.register("fallbackProvider")}>
            <option value="none">{t("noFallback")}</option>
            {WHATSAPP_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {providers(p)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">{providers("fonnte")}</legend>
        <Field label={t("fonnteToken")} hint={keep(initial?.fonnte.tokenLast4)} error={errors.fonnteToken?.message}>
          <Input type="password" autoComplete="off" {...form.register("fonnteToken")} data-testid="fonnte-token" />
        </Field>
        {initial?.fonnte.webhookUrl && (
          <div className="text-sm">
            <p className="text-slate-600">{t("fonnteWebhook")}</p>
            <code className="block break-all rounded-md bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700">{initial.fonnte.webhookUrl}</code>
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t("minGap")} error={errors.fonnteMinGapSeconds?.message}>
            <Input type="number" inputMode="decimal" min={0} max={600} step="0.5" {...form.register("fonnteMinGapSeconds", number)} />
          </Field>
          <Field label={t("maxGap")} error={errors.fonnteMaxGapSeconds?.message}>
            <Input type="number" inputMode="decimal" min={0} max={600} step="0.5" {...form.register("fonnteMaxGapSeconds", number)} />
          </Field>
          <Field label={t("dailyCap")} hint={t("zeroLifts")} error={errors.fonnteDailyCap?.message}>
            <Input type="number" inputMode="numeric" min={0} {...form.register("fonnteDailyCap", number)} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">{providers("wa_cloud")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("phoneNumberId")} error={errors.cloudPhoneNumberId?.message}>
            <Input inputMode="numeric" autoComplete="off" {...form.register("cloudPhoneNumberId")} />
          </Field>
          <Field label={t("accessToken")} hint={keep(initial?.cloud.accessTokenLast4)} error={errors.cloudAccessToken?.message}>
            <Input type="password" autoComplete="off" {...form.register("cloudAccessToken")} />
          </Field>
          <Field label={t("appSecret")} hint={initial?.cloud.configured ? t("secretKept") : t("secretNotSet")} error={errors.cloudAppSecret?.message}>
            <Input type="password" autoComplete="off" {...form.register("cloudAppSecret")} />
          </Field>
          <Field label={t("verifyToken")} hint={t("verifyTokenHint")} error={errors.cloudVerifyToken?.message}>
            <Input type="password" autoComplete="off" {...form.register("cloudVerifyToken")} />
          </Field>
          <Field label={t("perSecond")} hint={t("zeroLifts")} error={errors.cloudPerSecond?.message}>
            <Input type="number" inputMode="numeric" min={0} {...form.register("cloudPerSecond", number)} />
          </Field>
        </div>
        {initial?.cloud.webhookUrl && (
          <div className="text-sm">
            <p className="text-slate-600">{t("cloudWebhook")}</p>
            <code className="block break-all rounded-md bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700">{initial.cloud.webhookUrl}</code>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("timing")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t("quietStart")} error={errors.quietStart?.message}>
            <Input type="time" {...form.register("quietStart")} />
          </Field>
          <Field label={t("quietEnd")} hint={t("quietHint")} error={errors.quietEnd?.message}>
            <Input type="time" {...form.register("quietEnd")} />
          </Field>
          <Field label={t("reminderDays")} hint={t("reminderHint")} error={errors.reminderDaysBefore?.message}>
            <Input type="number" inputMode="numeric" min={0} max={30} {...form.register("reminderDaysBefore", number)} data-testid="reminder-days" />
          </Field>
        </div>
        <Checkbox label={t("outageQuiet")} {...form.register("outageIgnoresQuietHours")} />
      </fieldset>

      <FormError form={form} error={save.error} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" loading={save.isPending} className="w-full sm:w-auto">
          {save.isPending ? t("saving") : t("save")}
        </Button>
        {save.isSuccess && !form.formState.isDirty && (
          <span role="status" className="text-sm text-emerald-700">
            {t("saved")}
          </span>
        )}
      </div>
    </form>
  );
}
