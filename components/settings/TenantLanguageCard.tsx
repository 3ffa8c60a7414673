"use client";
// The ISP's default language: its sign-in and status pages, and users who chose none. Saving
// re-renders the page (the owner's own page follows it too unless they chose a language).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { LocaleForm } from "@/components/account/LocaleForm";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";

export function TenantLanguageCard() {
  const t = useTranslations("settings.language");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const current = useQuery(trpc.settings.language.queryOptions());
  const save = useMutation(
    trpc.settings.setDefaultLocale.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.settings.language.queryKey() });
        router.refresh();
      },
    }),
  );
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {current.isPending && <Skeleton className="h-10" />}
      <ErrorAlert error={current.error} />
      {current.data && (
        <LocaleForm
          value={current.data.defaultLocale}
          label={t("label")}
          submitLabel={t("submit")}
          savedMessage={t("saved")}
          saving={save.isPending}
          saved={save.isSuccess}
          error={save.error}
          onSave={(defaultLocale) => save.mutate({ defaultLocale })}
          testId="tenant-default-locale"
        />
      )}
    </Card>
  );
}
