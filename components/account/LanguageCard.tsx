"use client";
// The signed-in user's own language. Saving re-renders the whole page in it (the server reads
// the choice on every request: i18n/request.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { useAccountApi, type AccountScope } from "./account-api";
import { LocaleForm } from "./LocaleForm";

export function LanguageCard({ scope, followsLabel }: { scope?: AccountScope; followsLabel?: boolean }) {
  const t = useTranslations("account.language");
  const current = useLocale();
  const account = useAccountApi(scope);
  const queryClient = useQueryClient();
  const router = useRouter();
  const own = useQuery(account.locale.queryOptions());
  const save = useMutation(
    account.setLocale.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: account.locale.queryKey() });
        router.refresh();
      },
    }),
  );
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {own.isPending && <Skeleton className="h-10" />}
      <ErrorAlert error={own.error} />
      {own.data && (
        <LocaleForm
          value={current}
          label={t("label")}
          hint={followsLabel && own.data.locale === null ? t("followsTenant") : undefined}
          submitLabel={t("submit")}
          savedMessage={t("saved")}
          saving={save.isPending}
          saved={save.isSuccess}
          error={save.error}
          onSave={(locale) => save.mutate({ locale })}
          testId="own-locale"
        />
      )}
    </Card>
  );
}
