"use client";
// Create a tenant with its first owner and plan. The owner's initial password comes back once:
// it is shown here with a copy button and cannot be shown again.
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/account/CopyButton";
import { TIME_ZONES } from "@/components/console/time-zones";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { useFormat } from "@/components/ui/use-format";
import { ZCreateTenantInput } from "@/server/modules/platform/platform.schema";

type Created = { tenantId: string; slug: string; name: string; email: string; password: string };

export function CreateTenantForm({ rootHost }: { rootHost: string }) {
  const t = useTranslations("console.create");
  const common = useTranslations("common");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const plans = useQuery(trpc.platform.catalog.listPlans.queryOptions());
  const form = useZodForm(ZCreateTenantInput, { defaultValues: { slug: "", name: "", timezone: "Asia/Jakarta", planId: "", owner: { name: "", email: "" } } });
  const create = useMutation(trpc.platform.tenants.create.mutationOptions({ onError: (e) => setServerErrors(form, e) }));
  const [created, setCreated] = useState<Created | null>(null);
  const { errors } = form.formState;
  const activePlans = plans.data?.filter((p) => p.active) ?? [];
  const firstPlan = activePlans[0]?.id;
  useEffect(() => {
    if (firstPlan && !form.getValues("planId")) form.setValue("planId", firstPlan);
  }, [firstPlan, form]);
  const slug = form.watch("slug");

  if (created) {
    return (
      <div role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4" data-testid="one-time-password">
        <p className="text-sm font-semibold text-emerald-900">{t("live", { name: created.name, address: `${created.slug}.${rootHost}`, email: created.email })}</p>
        <p className="mt-2 break-all rounded-md bg-white px-3 py-2 font-mono text-base text-slate-900 ring-1 ring-emerald-200" data-testid="one-time-password-value">
          {created.password}
        </p>
        <p className="mt-2 text-xs text-emerald-900">{t("shownOnce")}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <CopyButton value={created.password} label={t("copyPassword")} />
          <ButtonLink href={`/tenants/${created.tenantId}`} variant="primary">
            {t("open")}
          </ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const result = await create.mutateAsync(values).catch(() => null);
        if (!result) return;
        setCreated({ tenantId: result.tenant.id, slug: result.tenant.slug, name: result.tenant.name, email: values.owner.email, password: result.initialPassword });
        await queryClient.invalidateQueries({ queryKey: trpc.platform.tenants.list.queryKey() });
      })}
    >
      <Card title={t("isp")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("name")} error={errors.name?.message} required>
            <Input maxLength={100} {...form.register("name")} />
          </Field>
          <Field label={t("slug")} error={errors.slug?.message} hint={<span className="break-all">{t("slugHint", { address: `${slug || "slug"}.${rootHost}` })}</span>} required>
            <Input maxLength={32} autoCapitalize="none" autoCorrect="off" spellCheck={false} {...form.register("slug", { setValueAs: (v: string) => v.trim() })} />
          </Field>
          <Field label={t("timezone")} error={errors.timezone?.message}>
            <Select {...form.register("timezone")}>
              {TIME_ZONES.map((z) => (
                <option key={z.value} value={z.value}>
                  {z.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("plan")} error={errors.planId?.message} required>
            <Select {...form.register("planId")} disabled={!activePlans.length}>
              {activePlans.map((p) => (
                <option key={p.id} value={p.id}>
                  {t("planOption", { name: p.name, price: format.money(p.priceIdr) })}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <ErrorAlert error={plans.error} title={t("plansFailed")} />
      </Card>
      <Card title={t("owner")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("ownerName")} error={errors.owner?.name?.message} required>
            <Input maxLength={100} {...form.register("owner.name")} />
          </Field>
          <Field label={t("ownerEmail")} error={errors.owner?.email?.message} required>
            <Input type="email" maxLength={200} autoComplete="off" {...form.register("owner.email")} />
          </Field>
        </div>
        <p className="mt-3 text-xs text-slate-500">{t("passwordNote")}</p>
      </Card>
      <FormError form={form} error={create.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" loading={create.isPending} disabled={!activePlans.length}>
          {t("submit")}
        </Button>
        <ButtonLink href="/">{common("cancel")}</ButtonLink>
      </div>
    </form>
  );
}
