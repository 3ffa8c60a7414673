"use client";
// The signed-in user's own language. Saving re-renders the whole page in it (the server reads
// the choice on every request: i18n/request.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { ZSetLocaleInput } from "@/server/modules/identity/account.schema";
import { useAccountApi, type AccountScope } from "./account-api";
import { LocaleOptions } from "./LocaleOptions";

export function LanguageCard({ scope, followsLabel }: { scope?: AccountScope; followsLabel?: boolean }) {
  const t = useTranslations("account.language");
  const current = useLocale();
  const account = useAccountApi(scope);
  const queryClient = useQueryClient();
  const router = useRouter();
  const own = useQuery(account.locale.queryOptions());
  const form = useZodForm(ZSetLocaleInput, { defaultValues: { locale: current } });
  const save = useMutation(
    account.setLocale.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: account.locale.queryKey() });
        router.refresh();
      },
      onError: (e) => setServerErrors(form, e),
    }),
  );
  // After the refresh the page speaks the new language: the form starts from it again.
  useEffect(() => form.reset({ locale: current }), [current, form]);

  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {own.isPending && <Skeleton className="h-10" />}
      <ErrorAlert error={own.error} />
      {own.data && (
        <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="space-y-3" noValidate>
          <Field label={t("label")} hint={followsLabel && own.data.locale === null ? t("followsTenant") : undefined} error={form.formState.errors.locale?.message} className="max-w-xs">
            <Select {...form.register("locale")} data-testid="own-locale">
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
