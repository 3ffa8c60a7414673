"use client";
// One tenant for the operator: status and lifecycle actions (with confirmation), plan, add-ons
// with quantities, usage against the limits, custom domains. Aggregates and tenant facts only.
import Link from "next/link";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { cx } from "@/components/ui/cx";
import { FEATURES } from "@/server/modules/plans/features";
import type { TTenantDetail } from "@/server/modules/platform/platform.schema";
import { TenantStatusBadge } from "./StatusBadge";
import { TenantSaasBilling } from "./TenantSaasBilling";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

type Lifecycle = "suspend" | "reactivate" | "archive" | "restore";

const LIFECYCLE: Record<Lifecycle, { label: string; confirm: (name: string) => string; danger?: boolean }> = {
  suspend: {
    label: "Suspend",
    confirm: (n) => `Suspend ${n}? Its address shows the suspended page and its API answers TENANT_SUSPENDED within seconds.`,
    danger: true,
  },
  reactivate: { label: "Reactivate", confirm: (n) => `Reactivate ${n}? Its staff and customers can use it again at once.` },
  archive: {
    label: "Archive",
    confirm: (n) => `Archive ${n}? Its address stops answering. Nothing is deleted: you can restore it later.`,
    danger: true,
  },
  restore: { label: "Restore", confirm: (n) => `Restore ${n}? It becomes active again at its old address.` },
};

function actionsFor(status: TTenantDetail["status"]): Lifecycle[] {
  if (status === "active") return ["suspend", "archive"];
  if (status === "suspended") return ["reactivate", "archive"];
  return ["restore"];
}

function UsageBar({ label, used, limit }: { label: string; used: number; limit: number }) {
  const format = useFormat();
  const ratio = limit > 0 ? Math.min(1, used / limit) : used > 0 ? 1 : 0;
  const tone = ratio >= 1 ? "bg-red-500" : ratio >= 0.8 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div data-testid={`usage-${label.toLowerCase()}`}>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="tabular-nums text-slate-600">
          {format.count(used)} of {format.count(limit)}
        </span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={`${label} used`}
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
  const format = useFormat();
  const trpc = useTRPC();
  const plans = useQuery(trpc.platform.catalog.listPlans.queryOptions());
  const [planId, setPlanId] = useState(tenant.plan.id);
  const change = useMutation(trpc.platform.tenants.changePlan.mutationOptions({ onSuccess: onSaved }));
  const options = plans.data?.filter((p) => p.active || p.id === tenant.plan.id) ?? [];
  return (
    <Card title="Plan">
      <p className="text-sm text-slate-700">
        Current: <span className="font-semibold text-slate-900">{tenant.plan.name}</span> <code className="font-mono text-xs text-slate-500">{tenant.plan.code}</code>
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col text-xs font-medium text-slate-600">
          Change to
          <select className="mt-1 min-h-10 w-full rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-800" value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="plan-select">
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {formatRupiah(p.priceIdr)}/month{p.active ? "" : " (deactivated)"}
              </option>
            ))}
          </select>
        </label>
        <Button
          variant="primary"
          disabled={planId === tenant.plan.id || change.isPending}
          onClick={() => {
            const name = options.find((p) => p.id === planId)?.name ?? "the new plan";
            if (window.confirm(`Move ${tenant.name} to ${name}? Limits and features change at once.`)) change.mutate({ tenantId: tenant.id, planId });
          }}
        >
          {change.isPending ? "Changing…" : "Change plan"}
        </Button>
      </div>
      <div className="mt-3 flex flex-wrap gap-1.5">
        {tenant.features.length === 0 && <span className="text-sm text-slate-500">No optional features.</span>}
        {tenant.features.map((f) => (
          <Badge key={f} tone="brand">
            <span title={FEATURES[f]}>{f}</span>
          </Badge>
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">API limit: {format.count(tenant.apiRateLimitPerMinute)} requests/minute.</p>
      <div className="mt-2">
        <ErrorAlert error={plans.error ?? change.error} />
      </div>
    </Card>
  );
}

function AddOnsCard({ tenant, onSaved }: { tenant: TTenantDetail; onSaved: (t: TTenantDetail) => void }) {
  const trpc = useTRPC();
  const addOns = useQuery(trpc.platform.catalog.listAddOns.queryOptions());
  const held = new Map(tenant.addOns.map((a) => [a.addOnId, a.quantity]));
  const [quantities, setQuantities] = useState<Record<string, number>>(() => Object.fromEntries(held));
  const save = useMutation(trpc.platform.tenants.setAddOns.mutationOptions({ onSuccess: onSaved }));
  const shown = addOns.data?.filter((a) => a.active || held.has(a.id)) ?? [];
  const dirty = shown.some((a) => (quantities[a.id] ?? 0) !== (held.get(a.id) ?? 0));
  return (
    <Card title="Add-ons">
      {addOns.isPending && <Skeleton className="h-16" />}
      {shown.length === 0 && addOns.data && <p className="text-sm text-slate-500">The catalog has no add-ons.</p>}
      <ul className="divide-y divide-slate-100">
        {shown.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <div className="text-sm font-medium text-slate-900">
                {a.name} {!a.active && <Badge tone="warning">deactivated</Badge>}
              </div>
              <div className="text-xs text-slate-500">{formatRupiah(a.priceIdr)}/month each</div>
            </div>
            <label className="flex items-center gap-2 text-xs text-slate-600">
              Qty
              <input
                type="number"
                min={0}
                max={1000}
                inputMode="numeric"
                className="min-h-9 w-20 rounded-lg border border-slate-300 px-2 text-sm"
                value={quantities[a.id] ?? 0}
                onChange={(e) => setQuantities((q) => ({ ...q, [a.id]: Math.max(0, Math.floor(Number(e.target.value) || 0)) }))}
                aria-label={`Quantity of ${a.name}`}
              />
            </label>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={!dirty || save.isPending}
          onClick={() =>
            save.mutate({
              tenantId: tenant.id,
              addOns: Object.entries(quantities)
                .filter(([, quantity]) => quantity > 0)
                .map(([addOnId, quantity]) => ({ addOnId, quantity })),
            })
          }
        >
          {save.isPending ? "Saving…" : "Save add-ons"}
        </Button>
      </div>
      <div className="mt-2">
        <ErrorAlert error={addOns.error ?? save.error} />
      </div>
    </Card>
  );
}

function DomainsCard({ tenant, onSaved }: { tenant: TTenantDetail; onSaved: (t: TTenantDetail) => void }) {
  const format = useFormat();
  const trpc = useTRPC();
  const remove = useMutation(trpc.platform.tenants.removeDomain.mutationOptions({ onSuccess: onSaved }));
  return (
    <Card title="Custom domains">
      {tenant.domainList.length === 0 && <p className="text-sm text-slate-500">None. The ISP adds and verifies its own domains in its settings.</p>}
      <ul className="divide-y divide-slate-100">
        {tenant.domainList.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="domain-row">
            <div className="min-w-0">
              <div className="break-all font-mono text-sm text-slate-900">{d.domain}</div>
              <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                {d.verified ? <Badge tone="success">verified</Badge> : <Badge tone="warning">pending</Badge>}
                added {format.date(d.createdAt)}
              </div>
            </div>
            <Button
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Remove ${d.domain} from ${tenant.name}? It stops serving this ISP within seconds.`)) remove.mutate({ tenantId: tenant.id, domainId: d.id });
              }}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div className="mt-2">
        <ErrorAlert error={remove.error} />
      </div>
    </Card>
  );
}

export function TenantDetailView({ tenantId, rootHost }: { tenantId: string; rootHost: string }) {
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
  const busy = Object.values(mutations).some((m) => m.isPending);
  const lifecycleError = suspend.error ?? reactivate.error ?? archive.error ?? restore.error;

  if (query.isPending) {
    return (
      <div role="status" aria-label="Loading the tenant" className="space-y-3">
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (query.error) return <ErrorAlert error={query.error} title="Could not load this tenant." />;
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
              <Button
                key={kind}
                variant={LIFECYCLE[kind].danger ? "secondary" : "primary"}
                className={LIFECYCLE[kind].danger ? "border-red-300 text-red-700 hover:bg-red-50" : undefined}
                disabled={busy}
                onClick={() => {
                  Object.values(mutations).forEach((m) => m.reset());
                  if (window.confirm(LIFECYCLE[kind].confirm(tenant.name))) mutations[kind].mutate({ tenantId: tenant.id });
                }}
                data-testid={`tenant-${kind}`}
              >
                {LIFECYCLE[kind].label}
              </Button>
            ))}
          </div>
        }
      />
      {lifecycleError && (
        <div className="mb-4">
          <ErrorAlert error={lifecycleError} />
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Usage against limits">
          <div className="space-y-3">
            <UsageBar label="Customers" {...tenant.usage.customers} />
            <UsageBar label="Routers" {...tenant.usage.routers} />
            <UsageBar label="Staff" {...tenant.usage.staff} />
          </div>
          <dl className="mt-4 grid grid-cols-[7rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
            <dt className="text-slate-500">Staff users</dt>
            <dd className="text-slate-900">
              {format.count(tenant.staff.active)} active of {format.count(tenant.staff.total)}
            </dd>
            <dt className="text-slate-500">Client logins</dt>
            <dd className="text-slate-900">{format.count(tenant.clients)}</dd>
            <dt className="text-slate-500">Time zone</dt>
            <dd className="text-slate-900">{tenant.timezone}</dd>
            <dt className="text-slate-500">2FA required</dt>
            <dd className="text-slate-900">{tenant.requireTwoFactor ? "Yes" : "No"}</dd>
            <dt className="text-slate-500">Created</dt>
            <dd className="text-slate-900">{format.date(tenant.createdAt)}</dd>
            {tenant.archivedAt && (
              <>
                <dt className="text-slate-500">Archived</dt>
                <dd className="text-slate-900">{format.date(tenant.archivedAt)}</dd>
              </>
            )}
          </dl>
          <p className="mt-3 text-xs text-slate-500">Customers and routers count from 0 until those modules exist.</p>
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
        <Link href={`/audit?tenant=${tenant.id}`} className="text-brand-700 hover:underline">
          Audit log of this tenant
        </Link>
      </p>
    </div>
  );
}
