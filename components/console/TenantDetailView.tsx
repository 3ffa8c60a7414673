"use client";
// One tenant for the operator: status and lifecycle actions (each confirmed first, saying what
// happens to the ISP), plan, add-ons with quantities, usage against the limits, custom domains.
// Aggregates and tenant facts only.
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/EmptyState";
import { Fact } from "@/components/ui/Fact";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import type { TTenantDetail } from "@/server/modules/platform/platform.schema";
import { TenantStatusBadge } from "./StatusBadge";
import { TenantSaasBilling } from "./TenantSaasBilling";

type Lifecycle = "suspend" | "reactivate" | "archive" | "restore";
const DANGEROUS: ReadonlySet<Lifecycle> = new Set(["suspend", "archive"]);

function actionsFor(status: TTenantDetail["status"]): Lifecycle[] {
  if (status === "active") return ["suspend", "archive"];
  if (status === "suspended") return ["reactivate", "archive"];
  return ["restore"];
}

type Resource = "customers" | "routers" | "staff";

function UsageBar({ resource, used, limit }: { resource: Resource; used: number; limit: number }) {
  const t = useTranslations("console.detail.usage");
  const ratio = limit > 0 ? Math.min(1, used / limit) : used > 0 ? 1 : 0;
  const tone = ratio >= 1 ? "bg-red-500" : ratio >= 0.8 ? "bg-amber-500" : "bg-brand-600";
  const label = t(resource);
  return (
    <div data-testid={`usage-${resource}`}>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="tabular-nums text-slate-600">{t("usedOf", { used, limit })}</span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={t("usedLabel", { resource: label })}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
      >
        <div className={cx("h-full rounded-full", tone)} style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
    </div>
  );
}

function PlanCard({ tenant, onSaved }: { tenant: TTenantDetail; onSaved: (t: TTenantDetail) => void }) {
  const t = useTranslations("console.detail.plan");
  const features = useTranslations("console.features");
  const format = useFormat();
  const trpc = useTRPC();
  const plans = useQuery(trpc.platform.catalog.listPlans.queryOptions());
  const [planId, setPlanId] = useState(tenant.plan.id);
  const change = useMutation(trpc.platform.tenants.changePlan.mutationOptions({ onSuccess: onSaved }));
  const options = plans.data?.filter((p) => p.active || p.id === tenant.plan.id) ?? [];
  const chosen = options.find((p) => p.id === planId);
  return (
    <Card title={t("title")}>
      <p className="text-sm text-slate-700">
        {t("current", { name: tenant.plan.name })} <code className="font-mono text-xs text-slate-500">{tenant.plan.code}</code>
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <Field label={t("changeTo")} className="min-w-0 flex-1">
          <Select value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="plan-select">
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.active ? t("option", { name: p.name, price: format.money(p.priceIdr) }) : t("optionDeactivated", { name: p.name, price: format.money(p.priceIdr) })}
              </option>
            ))}
          </Select>
        </Field>
        <ConfirmDialog
          trigger={
            <Button variant="primary" disabled={planId === tenant.plan.id} onClick={() => change.reset()}>
              {t("change")}
            </Button>
          }
          tone="primary"
          title={t("confirmTitle", { tenant: tenant.name })}
          description={t("confirmBody", { tenant: tenant.name, plan: chosen?.name ?? "" })}
          confirmLabel={t("change")}
          onConfirm={() => change.mutateAsync({ tenantId: tenant.id, planId })}
          testId="plan-change"
        >
          <ErrorAlert error={change.error} />
        </ConfirmDialog>
      </div>
      <div className="mt-3 flex flex-wrap gap-1.5">
        {tenant.features.length === 0 && <span className="text-sm text-slate-500">{t("noFeatures")}</span>}
        {tenant.features.map((f) => (
          <Badge key={f} tone="brand">
            <span title={features(f)}>{f}</span>
          </Badge>
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("apiLimit", { count: tenant.apiRateLimitPerMinute })}</p>
      <div className="mt-2">
        <ErrorAlert error={plans.error} />
      </div>
    </Card>
  );
}

function AddOnsCard({ tenant, onSaved }: { tenant: TTenantDetail; onSaved: (t: TTenantDetail) => void }) {
  const t = useTranslations("console.detail.addOns");
  const format = useFormat();
  const trpc = useTRPC();
  const addOns = useQuery(trpc.platform.catalog.listAddOns.queryOptions());
  const held = new Map(tenant.addOns.map((a) => [a.addOnId, a.quantity]));
  const [quantities, setQuantities] = useState<Record<string, number>>(() => Object.fromEntries(held));
  const save = useMutation(trpc.platform.tenants.setAddOns.mutationOptions({ onSuccess: onSaved }));
  const shown = addOns.data?.filter((a) => a.active || held.has(a.id)) ?? [];
  const dirty = shown.some((a) => (quantities[a.id] ?? 0) !== (held.get(a.id) ?? 0));
  return (
    <Card title={t("title")}>
      {addOns.isPending && <Skeleton className="h-16" />}
      {shown.length === 0 && addOns.data && <EmptyState title={t("none")} />}
      <ul className="divide-y divide-slate-100">
        {shown.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <div className="text-sm font-medium text-slate-900">
                {a.name} {!a.active && <Badge tone="warning">{t("deactivated")}</Badge>}
              </div>
              <div className="text-xs text-slate-500">{t("priceEach", { price: format.money(a.priceIdr) })}</div>
            </div>
            <Field label={t("quantityOf", { name: a.name })} hideLabel className="w-24">
              <Input
                type="number"
                min={0}
                max={1000}
                inputMode="numeric"
                value={quantities[a.id] ?? 0}
                onChange={(e) => setQuantities((q) => ({ ...q, [a.id]: Math.min(1000, Math.max(0, Math.floor(Number(e.target.value) || 0))) }))}
              />
            </Field>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              tenantId: tenant.id,
              addOns: Object.entries(quantities)
                .filter(([, quantity]) => quantity > 0)
                .map(([addOnId, quantity]) => ({ addOnId, quantity })),
            })
          }
        >
          {t("save")}
        </Button>
      </div>
      <div className="mt-2">
        <ErrorAlert error={addOns.error ?? save.error} />
      </div>
    </Card>
  );
}

function DomainsCard({ tenant, onSaved }: { tenant: TTenantDetail; onSaved: (t: TTenantDetail) => void }) {
  const t = useTranslations("console.detail.domains");
  const format = useFormat();
  const trpc = useTRPC();
  const remove = useMutation(trpc.platform.tenants.removeDomain.mutationOptions({ onSuccess: onSaved }));
  return (
    <Card title={t("title")}>
      {tenant.domainList.length === 0 && <EmptyState title={t("none")}>{t("noneHint")}</EmptyState>}
      <ul className="divide-y divide-slate-100">
        {tenant.domainList.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="domain-row">
            <div className="min-w-0">
              <div className="break-all font-mono text-sm text-slate-900">{d.domain}</div>
              <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                {d.verified ? <Badge tone="success">{t("verified")}</Badge> : <Badge tone="warning">{t("pending")}</Badge>}
                {t("added", { date: format.date(d.createdAt) })}
              </div>
            </div>
            <ConfirmDialog
              trigger={<Button onClick={() => remove.reset()}>{t("remove")}</Button>}
              title={t("removeTitle", { domain: d.domain })}
              description={t("removeBody", { domain: d.domain, tenant: tenant.name })}
              confirmLabel={t("remove")}
              onConfirm={() => remove.mutateAsync({ tenantId: tenant.id, domainId: d.id })}
              testId="domain-remove"
            >
              <ErrorAlert error={remove.error} />
            </ConfirmDialog>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function TenantDetailView({ tenantId, rootHost }: { tenantId: string; rootHost: string }) {
  const t = useTranslations("console.detail");
  const common = useTranslations("common");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.platform.tenants.get.queryOptions({ tenantId }));
  const onSaved = (tenant: TTenantDetail) => {
    queryClient.setQueryData(trpc.platform.tenants.get.queryKey({ tenantId }), tenant);
    void queryClient.invalidateQueries({ queryKey: trpc.platform.tenants.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.platform.audit.list.queryKey() });
  };
  const suspend = useMutation(trpc.platform.tenants.suspend.mutationOptions({ onSuccess: onSaved }));
  const reactivate = useMutation(trpc.platform.tenants.reactivate.mutationOptions({ onSuccess: onSaved }));
  const archive = useMutation(trpc.platform.tenants.archive.mutationOptions({ onSuccess: onSaved }));
  const restore = useMutation(trpc.platform.tenants.restore.mutationOptions({ onSuccess: onSaved }));
  const mutations = { suspend, reactivate, archive, restore };

  if (query.isPending) {
    return (
      <div role="status" aria-label={t("loading")} className="space-y-3">
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (query.error) return <ErrorAlert error={query.error} title={t("loadFailed")} />;
  const tenant = query.data;

  return (
    <div>
      <PageHeader
        title={tenant.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TenantStatusBadge status={tenant.status} />
            <span className="break-all font-mono text-xs">
              {tenant.slug}.{rootHost}
            </span>
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            {actionsFor(tenant.status).map((kind) => (
              <ConfirmDialog
                key={kind}
                trigger={
                  <Button variant={DANGEROUS.has(kind) ? "danger" : "primary"} onClick={() => Object.values(mutations).forEach((m) => m.reset())} data-testid={`tenant-${kind}`}>
                    {t(`lifecycle.${kind}.label`)}
                  </Button>
                }
                tone={DANGEROUS.has(kind) ? "danger" : "primary"}
                title={t(`lifecycle.${kind}.title`, { tenant: tenant.name })}
                description={t(`lifecycle.${kind}.body`, { tenant: tenant.name })}
                confirmLabel={t(`lifecycle.${kind}.label`)}
                onConfirm={() => mutations[kind].mutateAsync({ tenantId: tenant.id })}
                testId={`tenant-${kind}-dialog`}
              >
                <ErrorAlert error={mutations[kind].error} />
              </ConfirmDialog>
            ))}
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("usage.title")}>
          <div className="space-y-3">
            <UsageBar resource="customers" {...tenant.usage.customers} />
            <UsageBar resource="routers" {...tenant.usage.routers} />
            <UsageBar resource="staff" {...tenant.usage.staff} />
          </div>
          <p className="mt-2 text-xs text-slate-500">{t("usage.note")}</p>
          <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
            <Fact label={t("facts.staffUsers")}>{t("facts.staffActive", { active: tenant.staff.active, total: tenant.staff.total })}</Fact>
            <Fact label={t("facts.clientLogins")}>{format.count(tenant.clients)}</Fact>
            <Fact label={t("facts.timezone")}>{tenant.timezone}</Fact>
            <Fact label={t("facts.twoFactor")}>{tenant.requireTwoFactor ? common("yes") : common("no")}</Fact>
            <Fact label={t("facts.created")}>{format.date(tenant.createdAt)}</Fact>
            {tenant.archivedAt && <Fact label={t("facts.archived")}>{format.date(tenant.archivedAt)}</Fact>}
          </dl>
        </Card>
        <PlanCard key={`plan-${tenant.plan.id}`} tenant={tenant} onSaved={onSaved} />
        {/* Keyed by what the server holds: the form starts over after every save. */}
        <AddOnsCard key={tenant.addOns.map((a) => `${a.addOnId}:${a.quantity}`).join(",")} tenant={tenant} onSaved={onSaved} />
        <DomainsCard tenant={tenant} onSaved={onSaved} />
        <div className="lg:col-span-2">
          <TenantSaasBilling tenantId={tenant.id} />
        </div>
      </div>
      <p className="mt-6 text-sm">
        <Link href={`/audit?tenant=${tenant.id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline md:min-h-0">
          {t("auditLink")}
        </Link>
      </p>
    </div>
  );
}
