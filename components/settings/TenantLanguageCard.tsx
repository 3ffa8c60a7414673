"use client";
// The ISP's default language: its sign-in and status pages, and users who chose none. Saving
// re-renders the page (the owner's own page follows it too unless they chose a language).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { LocaleOptions } from "@/components/account/LocaleOptions";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { ZLanguageSettings } from "@/server/modules/tenant-settings/tenant-settings.schema";

export function TenantLanguageCard() {
  const t = useTranslations("settings.language");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const current = useQuery(trpc.settings.language.queryOptions());
  const form = useZodForm(ZLanguageSettings, { defaultValues: { defaultLocale: "id" } });
  const save = useMutation(
    trpc.settings.setDefaultLocale.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.settings.language.queryKey() });
        router.refresh();
      },
      onError: (e) => setServerErrors(form, e),
    }),
  );
  const loaded = current.data?.defaultLocale;
  useEffect(() => {
    if (loaded) form.reset({ defaultLocale: loaded });
  }, [loaded, form]);

  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {current.isPending && <Skeleton className="h-10" />}
      <ErrorAlert error={current.error} />
      {current.data && (
        <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="space-y-3" noValidate>
          <Field label={t("label")} error={form.formState.errors.defaultLocale?.message} className="max-w-xs">
            <Select {...form.register("defaultLocale")} data-testid="tenant-default-locale">
              <LocaleOptions />
            </Select>
          </Field>
          <FormError form={form} error={save.error} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="primary" loading={save.isPending}>
              {t("submit")}
            </Button>
            {save.isSuccess && !form.formState.isDirty && (
              <span role="status" className="text-sm text-emerald-700">
                {t("saved")}
              </span>
            )}
          </div>
        </form>
      )}
    </Card>
  );
}
