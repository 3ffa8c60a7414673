"use client";
// The tenant's isolation settings on the server's own schema (ZIsolationSettings): isolate
// (walled garden: the isolation profile's rate limit, the address list and the redirect to the
// pay page) or suspend (login refused); the names RRNET uses on the routers. Converge jobs use
// the new values at once; the router's firewall rules come from the onboarding script.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { ZIsolationSettings, type TNetworkSettings } from "@/server/modules/routers/network.schema";

const MODES = ["isolate", "suspend"] as const;

/** An empty URL field is "use the default" (null), not an invalid URL. */
const nullWhenEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export function NetworkSettingsCard() {
  const t = useTranslations("network.settings");
  const trpc = useTRPC();
  const settings = useQuery(trpc.network.settings.queryOptions());
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {settings.isPending && <Skeleton className="h-48" />}
      <ErrorAlert error={settings.error} title={t("couldNotLoad")} />
      {settings.data && <NetworkSettingsForm initial={settings.data} />}
    </Card>
  );
}

function NetworkSettingsForm({ initial }: { initial: TNetworkSettings }) {
  const t = useTranslations("network.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { defaultRedirectUrl, ...values } = initial;
  const form = useZodForm(ZIsolationSettings, { defaultValues: values });
  const save = useMutation(
    trpc.network.updateSettings.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.network.settings.queryKey(), data);
        const { defaultRedirectUrl: _default, ...saved } = data;
        form.reset(saved);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const mode = form.watch("isolationMode");
  return (
    <form onSubmit={form.handleSubmit((input) => save.mutate(input))} className="grid gap-3 sm:grid-cols-2" noValidate data-testid="network-settings">
      <Field label={t("mode")} hint={t(`modeHint.${mode}`)} error={errors.isolationMode?.message} className="sm:col-span-2">
        <Select {...form.register("isolationMode")}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`modes.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("profile")} hint={t("profileHint")} error={errors.isolationProfile?.message} required>
        <Input autoComplete="off" spellCheck={false} {...form.register("isolationProfile")} />
      </Field>
      <Field label={t("rateLimit")} hint={t("rateLimitHint")} error={errors.isolationRateLimit?.message} required>
        <Input autoComplete="off" spellCheck={false} {...form.register("isolationRateLimit")} />
      </Field>
      <Field label={t("addressList")} hint={t("addressListHint")} error={errors.isolationAddressList?.message} required>
        <Input autoComplete="off" spellCheck={false} {...form.register("isolationAddressList")} />
      </Field>
      <Field label={t("redirectUrl")} hint={t("redirectUrlHint", { url: defaultRedirectUrl })} error={errors.isolationRedirectUrl?.message}>
        <Input type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder={defaultRedirectUrl} {...form.register("isolationRedirectUrl", { setValueAs: nullWhenEmpty })} />
      </Field>
      <p className="text-sm text-slate-600 sm:col-span-2">{t("scriptNote")}</p>
      <div className="sm:col-span-2">
        <FormError form={form} error={save.error} title={t("notSaved")} />
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:items-center">
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
