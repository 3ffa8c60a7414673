"use client";
// Custom domains: add one, create the TXT record shown, verify, and it is served once verified.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/account/CopyButton";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { ZDomainInput, type TCustomDomain } from "@/server/modules/tenant-settings/tenant-settings.schema";

const EXAMPLE_DOMAIN = "billing.myisp.net.id";

export function DomainsCard() {
  const t = useTranslations("settings.domains");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const domains = useQuery(trpc.settings.domains.list.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.settings.domains.list.queryKey() });
  const form = useZodForm(ZDomainInput, { defaultValues: { domain: "" } });
  const add = useMutation(
    trpc.settings.domains.add.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await invalidate();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );

  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("intro", { example: EXAMPLE_DOMAIN })}</p>
      <form onSubmit={form.handleSubmit((values) => add.mutate(values))} className="flex flex-col gap-2 sm:flex-row sm:items-start" noValidate>
        <Field label={t("label")} error={form.formState.errors.domain?.message} className="flex-1">
          <Input inputMode="url" autoCapitalize="none" autoComplete="off" placeholder={EXAMPLE_DOMAIN} {...form.register("domain")} />
        </Field>
        <Button type="submit" variant="primary" loading={add.isPending} className="sm:mt-6">
          {add.isPending ? t("adding") : t("add")}
        </Button>
      </form>
      <div className="mt-2">
        <FormError form={form} error={add.error} />
      </div>
      {domains.isPending && <Skeleton className="mt-4 h-20" />}
      <ErrorAlert error={domains.error} title={t("loadFailed")} />
      {domains.data && domains.data.length === 0 && <p className="mt-4 text-sm text-slate-500">{t("empty")}</p>}
      {domains.data && domains.data.length > 0 && (
        <ul className="mt-4 divide-y divide-slate-100" data-testid="domain-list">
          {domains.data.map((d) => (
            <DomainRow key={d.id} domain={d} onChanged={invalidate} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function DomainRow({ domain, onChanged }: { domain: TCustomDomain; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("settings.domains");
  const format = useFormat();
  const trpc = useTRPC();
  const verify = useMutation(trpc.settings.domains.verify.mutationOptions({ onSuccess: () => onChanged() }));
  const remove = useMutation(trpc.settings.domains.remove.mutationOptions({ onSuccess: () => onChanged() }));
  const found = verify.error?.shape?.details?.found;
  const url = `https://${domain.domain}`;
  return (
    <li className="py-3" data-testid="domain-row" data-domain={domain.domain}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <span className="break-all font-mono text-sm font-medium text-slate-900">{domain.domain}</span>
          <Badge tone={domain.verifiedAt ? "success" : "warning"}>{domain.verifiedAt ? t("verified") : t("waiting")}</Badge>
        </div>
        <div className="flex flex-wrap gap-2">
          {!domain.verifiedAt && (
            <Button variant="primary" loading={verify.isPending} onClick={() => verify.mutate({ domainId: domain.id })}>
              {verify.isPending ? t("checking") : t("verify")}
            </Button>
          )}
          <ConfirmDialog
            trigger={<Button>{t("remove")}</Button>}
            title={t("removeTitle", { domain: domain.domain })}
            description={t("removeBody")}
            confirmLabel={t("remove")}
            onConfirm={() => remove.mutateAsync({ domainId: domain.id })}
          >
            <ErrorAlert error={remove.error} />
          </ConfirmDialog>
        </div>
      </div>
      {domain.verifiedAt ? (
        <p className="mt-1 text-xs text-slate-500">
          {t("verifiedAt", { when: format.dateTime(domain.verifiedAt) })}{" "}
          <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`${url}/`} rel="noreferrer">
            {t("open", { url })}
          </a>
        </p>
      ) : (
        <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="text-slate-700">{t("instructions")}</p>
          <dl className="mt-2 space-y-2">
            <RecordField label={t("recordName")} value={domain.record.name} testId="txt-name" />
            <RecordField label={t("recordValue")} value={domain.record.value} testId="txt-value" />
          </dl>
        </div>
      )}
      <div className="mt-2 space-y-1">
        <ErrorAlert error={verify.error} />
        {Array.isArray(found) && (
          <p className="text-xs text-slate-500">{found.length === 0 ? t("nothingFound") : t("foundInstead", { values: found.map(String).join(", ") })}</p>
        )}
      </div>
    </li>
  );
}

function RecordField({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <dt className="w-12 shrink-0 text-xs font-medium uppercase text-slate-500">{label}</dt>
      <dd className="min-w-0 flex-1 break-all font-mono text-slate-900" data-testid={testId}>
        {value}
      </dd>
      <CopyButton value={value} />
    </div>
  );
}
