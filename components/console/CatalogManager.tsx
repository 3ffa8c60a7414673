"use client";
// The catalog: plans and add-ons with create / edit forms. Prices are whole rupiah, shown as
// "Rp 150.000". Deleting an item a tenant uses deactivates it instead (the server decides).
import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { FEATURES, FEATURE_CODES, type Feature } from "@/server/modules/plans/features";
import type { TAddOn, TPlan } from "@/server/modules/platform/platform.schema";
import { formatRupiah } from "@/components/ui/format";
import { serverFieldErrors as fieldErrorsOf } from "@/components/ui/form";
import { useFormat } from "@/components/ui/use-format";

function FieldError({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return <span className="mt-1 block text-xs font-normal text-red-700">{messages.join(" ")}</span>;
}

/** Whole numbers typed as text (so an empty box stays empty while typing). */
function NumberField({ label, value, onChange, error, hint }: { label: string; value: string; onChange: (v: string) => void; error?: string[]; hint?: ReactNode }) {
  return (
    <label className={LABEL_CLASS}>
      {label}
      <input className={INPUT_CLASS} inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value.replace(/[^\d]/g, ""))} />
      {hint && <span className="mt-1 block text-xs font-normal text-slate-500">{hint}</span>}
      <FieldError messages={error} />
    </label>
  );
}

function FeaturePicker({ value, onChange }: { value: Feature[]; onChange: (v: Feature[]) => void }) {
  return (
    <fieldset>
      <legend className={LABEL_CLASS}>Features</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {FEATURE_CODES.map((f) => (
          <label key={f} className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="mt-1"
              checked={value.includes(f)}
              onChange={(e) => onChange(e.target.checked ? FEATURE_CODES.filter((c) => c === f || value.includes(c)) : value.filter((c) => c !== f))}
            />
            <span>
              <code className="font-mono text-xs">{f}</code> — {FEATURES[f]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const num = (v: string) => (v === "" ? Number.NaN : Number(v));

function PlanForm({ plan, onDone }: { plan: TPlan | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [f, setF] = useState({
    code: plan?.code ?? "",
    name: plan?.name ?? "",
    priceIdr: String(plan?.priceIdr ?? ""),
    maxCustomers: String(plan?.maxCustomers ?? ""),
    maxRouters: String(plan?.maxRouters ?? ""),
    maxStaff: String(plan?.maxStaff ?? ""),
    apiRateLimitPerMinute: String(plan?.apiRateLimitPerMinute ?? 600),
    features: plan?.features ?? ([] as Feature[]),
    active: plan?.active ?? true,
  });
  const save = useMutation(
    trpc.platform.catalog.savePlan.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.platform.catalog.listPlans.queryKey() });
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const set = (key: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [key]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      ...(plan ? { id: plan.id } : {}),
      code: f.code,
      name: f.name,
      priceIdr: num(f.priceIdr),
      maxCustomers: num(f.maxCustomers),
      maxRouters: num(f.maxRouters),
      maxStaff: num(f.maxStaff),
      apiRateLimitPerMinute: num(f.apiRateLimitPerMinute),
      features: f.features,
      active: f.active,
    });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-brand-200 bg-brand-50/40 p-3" data-testid="plan-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={LABEL_CLASS}>
          Code
          <input className={INPUT_CLASS} value={f.code} onChange={(e) => set("code")(e.target.value.toLowerCase())} autoCapitalize="none" spellCheck={false} />
          <FieldError messages={errors.code} />
        </label>
        <label className={LABEL_CLASS}>
          Name
          <input className={INPUT_CLASS} value={f.name} onChange={(e) => set("name")(e.target.value)} />
          <FieldError messages={errors.name} />
        </label>
        <NumberField label="Price per month (Rp)" value={f.priceIdr} onChange={set("priceIdr")} error={errors.priceIdr} hint={f.priceIdr ? formatRupiah(Number(f.priceIdr)) : "Whole rupiah"} />
        <NumberField label="API requests per minute" value={f.apiRateLimitPerMinute} onChange={set("apiRateLimitPerMinute")} error={errors.apiRateLimitPerMinute} />
        <NumberField label="Max customers" value={f.maxCustomers} onChange={set("maxCustomers")} error={errors.maxCustomers} />
        <NumberField label="Max routers" value={f.maxRouters} onChange={set("maxRouters")} error={errors.maxRouters} />
        <NumberField label="Max staff users" value={f.maxStaff} onChange={set("maxStaff")} error={errors.maxStaff} />
      </div>
      <FeaturePicker value={f.features} onChange={(features) => setF((s) => ({ ...s, features }))} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={f.active} onChange={(e) => setF((s) => ({ ...s, active: e.target.checked }))} />
        Offered to new tenants (active)
      </label>
      <ErrorAlert error={save.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : plan ? "Save plan" : "Create plan"}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function AddOnForm({ addOn, onDone }: { addOn: TAddOn | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [f, setF] = useState({
    code: addOn?.code ?? "",
    name: addOn?.name ?? "",
    priceIdr: String(addOn?.priceIdr ?? ""),
    extraCustomers: String(addOn?.extraCustomers ?? 0),
    extraRouters: String(addOn?.extraRouters ?? 0),
    extraStaff: String(addOn?.extraStaff ?? 0),
    features: addOn?.features ?? ([] as Feature[]),
    active: addOn?.active ?? true,
  });
  const save = useMutation(
    trpc.platform.catalog.saveAddOn.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.platform.catalog.listAddOns.queryKey() });
        onDone();
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const set = (key: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [key]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      ...(addOn ? { id: addOn.id } : {}),
      code: f.code,
      name: f.name,
      priceIdr: num(f.priceIdr),
      extraCustomers: num(f.extraCustomers),
      extraRouters: num(f.extraRouters),
      extraStaff: num(f.extraStaff),
      features: f.features,
      active: f.active,
    });
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-brand-200 bg-brand-50/40 p-3" data-testid="addon-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={LABEL_CLASS}>
          Code
          <input className={INPUT_CLASS} value={f.code} onChange={(e) => set("code")(e.target.value.toLowerCase())} autoCapitalize="none" spellCheck={false} />
          <FieldError messages={errors.code} />
        </label>
        <label className={LABEL_CLASS}>
          Name
          <input className={INPUT_CLASS} value={f.name} onChange={(e) => set("name")(e.target.value)} />
          <FieldError messages={errors.name} />
        </label>
        <NumberField label="Price per month (Rp)" value={f.priceIdr} onChange={set("priceIdr")} error={errors.priceIdr} hint={f.priceIdr ? formatRupiah(Number(f.priceIdr)) : "Whole rupiah"} />
        <NumberField label="Extra customers (per unit)" value={f.extraCustomers} onChange={set("extraCustomers")} error={errors.extraCustomers} />
        <NumberField label="Extra routers (per unit)" value={f.extraRouters} onChange={set("extraRouters")} error={errors.extraRouters} />
        <NumberField label="Extra staff users (per unit)" value={f.extraStaff} onChange={set("extraStaff")} error={errors.extraStaff} />
      </div>
      <FeaturePicker value={f.features} onChange={(features) => setF((s) => ({ ...s, features }))} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={f.active} onChange={(e) => setF((s) => ({ ...s, active: e.target.checked }))} />
        Active (counts for tenants that have it, offered to others)
      </label>
      <ErrorAlert error={save.error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : addOn ? "Save add-on" : "Create add-on"}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function Limits({ parts }: { parts: [string, number][] }) {
  const format = useFormat();
  return (
    <span className="text-xs text-slate-600">
      {parts
        .filter(([, n]) => n !== 0)
        .map(([label, n]) => `${format.count(n)} ${label}`)
        .join(" · ") || "no extra limits"}
    </span>
  );
}

function DeleteButton({ name, inUse, onDelete, pending }: { name: string; inUse: number; onDelete: () => void; pending: boolean }) {
  return (
    <Button
      disabled={pending}
      className="border-red-300 text-red-700 hover:bg-red-50"
      onClick={() => {
        const message = inUse > 0 ? `${name} is used by ${inUse} tenant(s): it will be deactivated instead of deleted. Continue?` : `Delete ${name}? This cannot be undone.`;
        if (window.confirm(message)) onDelete();
      }}
    >
      {inUse > 0 ? "Deactivate" : "Delete"}
    </Button>
  );
}

export function CatalogManager() {
  const format = useFormat();
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
      <Card title="Plans" action={editingPlan === null && <Button variant="primary" onClick={() => setEditingPlan("new")}>New plan</Button>}>
        {editingPlan === "new" && <PlanForm plan={null} onDone={() => setEditingPlan(null)} />}
        {plans.isPending && <Skeleton className="h-24" />}
        <ErrorAlert error={plans.error ?? deletePlan.error} />
        <ul className="divide-y divide-slate-100" data-testid="plan-list">
          {plans.data?.map((p) =>
            editingPlan !== "new" && editingPlan?.id === p.id ? (
              <li key={p.id} className="py-3">
                <PlanForm plan={p} onDone={() => setEditingPlan(null)} />
              </li>
            ) : (
              <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid="plan-row" data-code={p.code}>
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{p.name}</span>
                    <code className="font-mono text-xs text-slate-500">{p.code}</code>
                    {!p.active && <Badge tone="warning">deactivated</Badge>}
                  </div>
                  <div className="text-sm font-semibold text-slate-900" data-testid="plan-price">
                    {formatRupiah(p.priceIdr)}
                    <span className="font-normal text-slate-500"> / month</span>
                  </div>
                  <Limits parts={[["customers", p.maxCustomers], ["routers", p.maxRouters], ["staff", p.maxStaff]]} />
                  <div className="mt-1 flex flex-wrap gap-1">
                    {p.features.map((f) => (
                      <Badge key={f} tone="brand">
                        {f}
                      </Badge>
                    ))}
                    <span className="text-xs text-slate-500">
                      {format.count(p.tenantCount)} tenant{p.tenantCount === 1 ? "" : "s"}
                    </span>
                  </div>
                </div>
                <div className="flex gap-2">
                  <Button onClick={() => setEditingPlan(p)}>Edit</Button>
                  {p.active && <DeleteButton name={p.name} inUse={p.tenantCount} pending={deletePlan.isPending} onDelete={() => deletePlan.mutate({ id: p.id })} />}
                </div>
              </li>
            ),
          )}
        </ul>
      </Card>

      <Card title="Add-ons" action={editingAddOn === null && <Button variant="primary" onClick={() => setEditingAddOn("new")}>New add-on</Button>}>
        {editingAddOn === "new" && <AddOnForm addOn={null} onDone={() => setEditingAddOn(null)} />}
        {addOns.isPending && <Skeleton className="h-24" />}
        <ErrorAlert error={addOns.error ?? deleteAddOn.error} />
        <ul className="divide-y divide-slate-100" data-testid="addon-list">
          {addOns.data?.map((a) =>
            editingAddOn !== "new" && editingAddOn?.id === a.id ? (
              <li key={a.id} className="py-3">
                <AddOnForm addOn={a} onDone={() => setEditingAddOn(null)} />
              </li>
            ) : (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid="addon-row" data-code={a.code}>
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{a.name}</span>
                    <code className="font-mono text-xs text-slate-500">{a.code}</code>
                    {!a.active && <Badge tone="warning">deactivated</Badge>}
                  </div>
                  <div className="text-sm font-semibold text-slate-900">
                    {formatRupiah(a.priceIdr)}
                    <span className="font-normal text-slate-500"> / month each</span>
                  </div>
                  <Limits parts={[["customers", a.extraCustomers], ["routers", a.extraRouters], ["staff", a.extraStaff]]} />
                  <div className="mt-1 flex flex-wrap gap-1">
                    {a.features.map((f) => (
                      <Badge key={f} tone="brand">
                        {f}
                      </Badge>
                    ))}
                    <span className="text-xs text-slate-500">
                      {format.count(a.tenantCount)} tenant{a.tenantCount === 1 ? "" : "s"}
                    </span>
                  </div>
                </div>
                <div className="flex gap-2">
                  <Button onClick={() => setEditingAddOn(a)}>Edit</Button>
                  {a.active && <DeleteButton name={a.name} inUse={a.tenantCount} pending={deleteAddOn.isPending} onDelete={() => deleteAddOn.mutate({ id: a.id })} />}
                </div>
              </li>
            ),
          )}
        </ul>
      </Card>
    </div>
  );
}
