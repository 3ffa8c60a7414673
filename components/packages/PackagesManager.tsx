"use client";
// The tenant's service packages as cards (price, speeds, type, PPN, subscribers), with a form to
// add or edit one (react-hook-form on ZPackageForm) and a remove action after a confirmation:
// the server deletes a package nobody ever subscribed to and deactivates one with subscriptions.
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, optionalRupiah, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { useFormat } from "@/components/ui/use-format";
import { formatSpeed, kbpsToMbps, PACKAGE_TYPES, ZPackageForm, type TServicePackage } from "@/server/modules/packages/packages.schema";
import { profileNameOf, rateLimitOf } from "@/server/modules/routers/package-profiles";

export function PackagesManager({ canManage }: { canManage: boolean }) {
  const t = useTranslations("packages");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.packages.list.queryOptions());
  const [editing, setEditing] = useState<TServicePackage | "new" | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.packages.list.queryKey() });

  return (
    <div className="space-y-4">
      {canManage && editing === null && (
        <div>
          <Button variant="primary" onClick={() => setEditing("new")}>
            {t("add")}
          </Button>
        </div>
      )}
      {canManage && editing !== null && (
        <PackageForm
          key={editing === "new" ? "new" : editing.id}
          initial={editing === "new" ? null : editing}
          onDone={async () => {
            setEditing(null);
            await invalidate();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {list.isPending && <Skeleton className="h-32" />}
      <ErrorAlert error={list.error} title={t("loadFailed")} />
      {list.data && list.data.length === 0 && (
        <Card>
          <EmptyState title={t("none")}>{canManage ? t("noneHint") : undefined}</EmptyState>
        </Card>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="package-list">
          {list.data.map((pkg) => (
            <PackageCard key={pkg.id} pkg={pkg} canManage={canManage} onEdit={() => setEditing(pkg)} onChanged={invalidate} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PackageCard({ pkg, canManage, onEdit, onChanged }: { pkg: TServicePackage; canManage: boolean; onEdit: () => void; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("packages");
  const format = useFormat();
  const trpc = useTRPC();
  const remove = useMutation(trpc.packages.remove.mutationOptions({ onSuccess: () => onChanged() }));
  const willDelete = pkg.subscriptionCount === 0;
  return (
    <li className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="package-card" data-name={pkg.name}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="min-w-0 truncate text-base font-semibold text-slate-900">{pkg.name}</h3>
        <Badge tone={pkg.active ? "success" : "neutral"}>{pkg.active ? t("active") : t("inactive")}</Badge>
      </div>
      <p className="mt-1 text-xl font-bold text-slate-900">{t("pricePerMonth", { price: format.money(pkg.priceIdr) })}</p>
      <p className="text-sm text-slate-700">{formatSpeed(pkg.speedDownKbps, pkg.speedUpKbps)}</p>
      <RouterProfileLine pkg={pkg} />
      <div className="mt-2 flex flex-wrap gap-1.5">
        <Badge tone="brand">{t(`type.${pkg.type}`)}</Badge>
        <Badge>{pkg.taxable ? t("taxable") : t("notTaxable")}</Badge>
        <Badge>{t("subscribers", { count: pkg.subscriberCount })}</Badge>
      </div>
      {pkg.description && <p className="mt-2 text-sm break-words text-slate-600">{pkg.description}</p>}
      {canManage && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button onClick={onEdit} disabled={remove.isPending}>
            {t("edit")}
          </Button>
          {(willDelete || pkg.active) && (
            <ConfirmDialog
              trigger={<Button disabled={remove.isPending}>{willDelete ? t("delete") : t("deactivate")}</Button>}
              title={willDelete ? t("deleteConfirm.title", { name: pkg.name }) : t("deactivateConfirm.title", { name: pkg.name })}
              description={willDelete ? t("deleteConfirm.description") : t("deactivateConfirm.description", { count: pkg.subscriberCount })}
              confirmLabel={willDelete ? t("delete") : t("deactivate")}
              onConfirm={() => {
                remove.reset();
                return remove.mutateAsync({ id: pkg.id });
              }}
            >
              <ErrorAlert error={remove.error} />
            </ConfirmDialog>
          )}
        </div>
      )}
    </li>
  );
}

function PackageForm({ initial, onDone, onCancel }: { initial: TServicePackage | null; onDone: () => Promise<void>; onCancel: () => void }) {
  const t = useTranslations("packages.form");
  const types = useTranslations("packages.type");
  const common = useTranslations("common");
  const format = useFormat();
  const trpc = useTRPC();
  const form = useZodForm(ZPackageForm, {
    defaultValues: {
      name: initial?.name ?? "",
      priceIdr: initial?.priceIdr,
      speedDownMbps: initial ? kbpsToMbps(initial.speedDownKbps) : "",
      speedUpMbps: initial ? kbpsToMbps(initial.speedUpKbps) : "",
      type: initial?.type ?? "pppoe",
      taxable: initial?.taxable ?? true,
      description: initial?.description ?? null,
      active: initial?.active ?? true,
    },
  });
  const options = { onSuccess: () => onDone(), onError: (error: unknown) => setServerErrors(form, error) };
  const create = useMutation(trpc.packages.create.mutationOptions(options));
  const update = useMutation(trpc.packages.update.mutationOptions(options));
  const mutation = initial ? update : create;
  const { errors } = form.formState;
  const price = form.watch("priceIdr");

  return (
    <Card title={initial ? t("editTitle", { name: initial.name }) : t("addTitle")}>
      <form
        onSubmit={form.handleSubmit((values) => {
          mutation.reset();
          if (initial) update.mutate({ ...values, id: initial.id });
          else create.mutate(values);
        })}
        className="grid gap-3 sm:grid-cols-2"
        noValidate
      >
        <Field label={t("name")} error={errors.name?.message} required>
          <Input autoComplete="off" placeholder={t("namePlaceholder")} {...form.register("name")} />
        </Field>
        <Field label={t("price")} hint={typeof price === "number" ? format.money(price) : t("priceHint")} error={errors.priceIdr?.message} required>
          <Input inputMode="numeric" autoComplete="off" placeholder="150000" {...form.register("priceIdr", { setValueAs: optionalRupiah })} />
        </Field>
        <Field label={t("down")} error={errors.speedDownMbps?.message} required>
          <Input inputMode="decimal" autoComplete="off" placeholder="20" {...form.register("speedDownMbps")} />
        </Field>
        <Field label={t("up")} error={errors.speedUpMbps?.message} required>
          <Input inputMode="decimal" autoComplete="off" placeholder="5" {...form.register("speedUpMbps")} />
        </Field>
        <Field label={t("type")} error={errors.type?.message}>
          <Select {...form.register("type")}>
            {PACKAGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {types(type)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex flex-col justify-end gap-1">
          <Checkbox label={t("taxable")} {...form.register("taxable")} />
          <Checkbox label={t("active")} {...form.register("active")} />
        </div>
        <Field label={t("description")} labelSuffix={common("optional")} error={errors.description?.message} className="sm:col-span-2">
          <Textarea rows={2} maxLength={500} {...form.register("description", { setValueAs: optionalText })} />
        </Field>
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            {mutation.isPending ? t("saving") : initial ? t("save") : t("submitAdd")}
          </Button>
          <Button onClick={onCancel} disabled={mutation.isPending}>
            {t("cancel")}
          </Button>
        </div>
        <div className="sm:col-span-2 empty:hidden">
          <FormError form={form} error={mutation.error} />
        </div>
      </form>
    </Card>
  );
}

/** How the package appears on the routers: its profile and RouterOS rate limit (upload first). */
function RouterProfileLine({ pkg }: { pkg: TServicePackage }) {
  const t = useTranslations("network");
  return (
    <p className="mt-1 text-xs text-slate-500" data-testid="package-router-profile">
      {t("package.profile", { profile: profileNameOf(pkg), rateLimit: rateLimitOf(pkg) })}
    </p>
  );
}
