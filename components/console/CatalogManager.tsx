"use client";
// The catalog: plans and add-ons with create / edit forms. Prices are whole rupiah, shown as
// "Rp 150.000". Deleting an item a tenant uses deactivates it instead (the server decides; the
// confirmation says which will happen).
import { useState, type ReactNode } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { FEATURE_CODES } from "@/server/modules/plans/features";
import { ZSaveAddOnInput, ZSavePlanInput, type TAddOn, type TPlan } from "@/server/modules/platform/platform.schema";

const FORM_CLASS = "space-y-3 rounded-lg border border-brand-200 bg-brand-50/40 p-3";

/** The fields plans and add-ons share: code, name, price, features, active. */
type CommonValues = { code: string; name: string; priceIdr: number; features?: string[]; active?: boolean };

/** The inputs plans and add-ons share: code, name and price first; features and "active" last. */
function useCommonFields(form: UseFormReturn<CommonValues, unknown, unknown>, activeLabel: string): { head: ReactNode; tail: ReactNode } {
  const t = useTranslations("console.catalog.form");
  const features = useTranslations("console.features");
  const format = useFormat();
  const { errors } = form.formState;
  const price = form.watch("priceIdr");
  const head = (
    <>
      <Field label={t("code")} error={errors.code?.message} required>
        <Input autoCapitalize="none" spellCheck={false} {...form.register("code", { setValueAs: (v: string) => v.toLowerCase() })} />
      </Field>
      <Field label={t("name")} error={errors.name?.message} required>
        <Input maxLength={100} {...form.register("name")} />
      </Field>
      <Field label={t("price")} hint={typeof price === "number" && price >= 0 ? format.money(price) : t("priceHint")} error={errors.priceIdr?.message} required>
        <Input inputMode="numeric" {...form.register("priceIdr", { setValueAs: optionalNumber })} />
      </Field>
    </>
  );
  const tail = (
    <>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("features")}</legend>
        <div className="mt-1 grid gap-x-3 sm:grid-cols-2">
          {FEATURE_CODES.map((f) => (
            <Checkbox key={f} value={f} label={features(f)} hint={<code className="font-mono">{f}</code>} {...form.register("features")} />
          ))}
        </div>
        {errors.features?.message && <p className="mt-1 text-sm text-red-700">{errors.features.message}</p>}
      </fieldset>
      <Checkbox label={activeLabel} {...form.register("active")} />
    </>
  );
  return { head, tail };
}

function FormButtons({ pending, editing, onDone, createLabel, saveLabel }: { pending: boolean; editing: boolean; onDone: () => void; createLabel: string; saveLabel: string }) {
  const common = useTranslations("common");
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" variant="primary" loading={pending}>
        {editing ? saveLabel : createLabel}
      </Button>
      <Button onClick={onDone}>{common("cancel")}</Button>
    </div>
  );
}

function PlanForm({ plan, onDone }: { plan: TPlan | null; onDone: () => void }) {
  const t = useTranslations("console.catalog");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZSavePlanInput, {
    defaultValues: {
      ...(plan ? { id: plan.id } : {}),
      code: plan?.code ?? "",
      name: plan?.name ?? "",
      priceIdr: plan?.priceIdr,
      maxCustomers: plan?.maxCustomers,
      maxRouters: plan?.maxRouters,
      maxStaff: plan?.maxStaff,
      apiRateLimitPerMinute: plan?.apiRateLimitPerMinute ?? 600,
      features: plan?.features ?? [],
      active: plan?.active ?? true,
    },
  });
  const save = useMutation(
    trpc.platform.catalog.savePlan.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.platform.catalog.listPlans.queryKey() });
        onDone();
      },
      onError: (e) => setServerErrors(form, e),
    }),
  );
  const { errors } = form.formState;
  const shared = useCommonFields(form as unknown as UseFormReturn<CommonValues, unknown, unknown>, t("form.planActive"));
  const number = (name: "maxCustomers" | "maxRouters" | "maxStaff" | "apiRateLimitPerMinute", label: string) => (
    <Field label={label} error={errors[name]?.message} required>
      <Input inputMode="numeric" {...form.register(name, { setValueAs: optionalNumber })} />
    </Field>
  );
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate className={FORM_CLASS} data-testid="plan-form">
      <div className="grid gap-3 sm:grid-cols-2">
        {shared.head}
        {number("apiRateLimitPerMinute", t("form.apiRate"))}
        {number("maxCustomers", t("form.maxCustomers"))}
        {number("maxRouters", t("form.maxRouters"))}
        {number("maxStaff", t("form.maxStaff"))}
      </div>
      {shared.tail}
      <FormError form={form} error={save.error} />
      <FormButtons pending={save.isPending} editing={Boolean(plan)} onDone={onDone} createLabel={t("createPlan")} saveLabel={t("savePlan")} />
    </form>
  );
}

function AddOnForm({ addOn, onDone }: { addOn: TAddOn | null; onDone: () => void }) {
  const t = useTranslations("console.catalog");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZSaveAddOnInput, {
    defaultValues: {
      ...(addOn ? { id: addOn.id } : {}),
      code: addOn?.code ?? "",
      name: addOn?.name ?? "",
      priceIdr: addOn?.priceIdr,
      extraCustomers: addOn?.extraCustomers ?? 0,
      extraRouters: addOn?.extraRouters ?? 0,
      extraStaff: addOn?.extraStaff ?? 0,
      features: addOn?.features ?? [],
      active: addOn?.active ?? true,
    },
  });
  const save = useMutation(
    trpc.platform.catalog.saveAddOn.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.platform.catalog.listAddOns.queryKey() });
        onDone();
      },
      onError: (e) => setServerErrors(form, e),
    }),
  );
  const { errors } = form.formState;
  const shared = useCommonFields(form as unknown as UseFormReturn<CommonValues, unknown, unknown>, t("form.addOnActive"));
  const number = (name: "extraCustomers" | "extraRouters" | "extraStaff", label: string) => (
    <Field label={label} error={errors[name]?.message} required>
      <Input inputMode="numeric" {...form.register(name, { setValueAs: optionalNumber })} />
    </Field>
  );
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate className={FORM_CLASS} data-testid="addon-form">
      <div className="grid gap-3 sm:grid-cols-2">
        {shared.head}
        {number("extraCustomers", t("form.extraCustomers"))}
        {number("extraRouters", t("form.extraRouters"))}
        {number("extraStaff", t("form.extraStaff"))}
      </div>
      {shared.tail}
      <FormError form={form} error={save.error} />
      <FormButtons pending={save.isPending} editing={Boolean(addOn)} onDone={onDone} createLabel={t("createAddOn")} saveLabel={t("saveAddOn")} />
    </form>
  );
}

type Item = { id: string; code: string; name: string; priceIdr: number; features: string[]; active: boolean; tenantCount: number };

function ItemRow({ item, limits, kind, onEdit, onDelete }: { item: Item; limits: { customers: number; routers: number; staff: number }; kind: "plan" | "addon"; onEdit: () => void; onDelete: () => Promise<unknown> }) {
  const t = useTranslations("console.catalog");
  const format = useFormat();
  const inUse = item.tenantCount > 0;
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid={`${kind}-row`} data-code={item.code}>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-900">{item.name}</span>
          <code className="font-mono text-xs text-slate-500">{item.code}</code>
          {!item.active && <Badge tone="warning">{t("deactivated")}</Badge>}
        </div>
        <div className="text-sm font-semibold text-slate-900" data-testid={kind === "plan" ? "plan-price" : undefined}>
          {kind === "plan" ? t("perMonth", { price: format.money(item.priceIdr) }) : t("perMonthEach", { price: format.money(item.priceIdr) })}
        </div>
        <span className="text-xs text-slate-600">{kind === "plan" ? t("limits", limits) : t("extras", limits)}</span>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          {item.features.map((f) => (
            <Badge key={f} tone="brand">
              {f}
            </Badge>
          ))}
          <span className="text-xs text-slate-500">{t("tenantCount", { count: item.tenantCount })}</span>
        </div>
      </div>
      <div className="flex gap-2">
        <Button onClick={onEdit}>{t("edit")}</Button>
        {item.active && (
          <ConfirmDialog
            trigger={<Button variant={inUse ? "secondary" : "danger"}>{inUse ? t("deactivate") : t("delete")}</Button>}
            title={inUse ? t("deactivateTitle", { name: item.name }) : t("deleteTitle", { name: item.name })}
            description={inUse ? t("deactivateBody", { name: item.name, count: item.tenantCount }) : t("deleteBody", { name: item.name })}
            confirmLabel={inUse ? t("deactivate") : t("delete")}
            tone={inUse ? "primary" : "danger"}
            onConfirm={onDelete}
            testId={`${kind}-delete`}
          />
        )}
      </div>
    </li>
  );
}

export function CatalogManager() {
  const t = useTranslations("console.catalog");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const plans = useQuery(trpc.platform.catalog.listPlans.queryOptions());
  const addOns = useQuery(trpc.platform.catalog.listAddOns.queryOptions());
  const [editingPlan, setEditingPlan] = useState<TPlan | "new" | null>(null);
  const [editingAddOn, setEditingAddOn] = useState<TAddOn | "new" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.platform.catalog.pathKey() });
  const deletePlan = useMutation(trpc.platform.catalog.deletePlan.mutationOptions({ onSuccess: refresh }));
  const deleteAddOn = useMutation(trpc.platform.catalog.deleteAddOn.mutationOptions({ onSuccess: refresh }));

  return (
    <div className="space-y-6">
      <Card title={t("plans")} action={editingPlan === null && <Button variant="primary" onClick={() => setEditingPlan("new")}>{t("newPlan")}</Button>}>
        {editingPlan === "new" && <PlanForm plan={null} onDone={() => setEditingPlan(null)} />}
        {plans.isPending && <Skeleton className="h-24" />}
        <ErrorAlert error={plans.error ?? deletePlan.error} />
        {plans.data?.length === 0 && editingPlan !== "new" && <EmptyState title={t("noPlans")} />}
        <ul className="divide-y divide-slate-100" data-testid="plan-list">
          {plans.data?.map((p) =>
            editingPlan !== "new" && editingPlan?.id === p.id ? (
              <li key={p.id} className="py-3">
                <PlanForm plan={p} onDone={() => setEditingPlan(null)} />
              </li>
            ) : (
              <ItemRow key={p.id} item={p} kind="plan" limits={{ customers: p.maxCustomers, routers: p.maxRouters, staff: p.maxStaff }} onEdit={() => setEditingPlan(p)} onDelete={() => deletePlan.mutateAsync({ id: p.id })} />
            ),
          )}
        </ul>
      </Card>

      <Card title={t("addOns")} action={editingAddOn === null && <Button variant="primary" onClick={() => setEditingAddOn("new")}>{t("newAddOn")}</Button>}>
        {editingAddOn === "new" && <AddOnForm addOn={null} onDone={() => setEditingAddOn(null)} />}
        {addOns.isPending && <Skeleton className="h-24" />}
        <ErrorAlert error={addOns.error ?? deleteAddOn.error} />
        {addOns.data?.length === 0 && editingAddOn !== "new" && <EmptyState title={t("noAddOns")} />}
        <ul className="divide-y divide-slate-100" data-testid="addon-list">
          {addOns.data?.map((a) =>
            editingAddOn !== "new" && editingAddOn?.id === a.id ? (
              <li key={a.id} className="py-3">
                <AddOnForm addOn={a} onDone={() => setEditingAddOn(null)} />
              </li>
            ) : (
              <ItemRow key={a.id} item={a} kind="addon" limits={{ customers: a.extraCustomers, routers: a.extraRouters, staff: a.extraStaff }} onEdit={() => setEditingAddOn(a)} onDelete={() => deleteAddOn.mutateAsync({ id: a.id })} />
            ),
          )}
        </ul>
      </Card>
    </div>
  );
}
