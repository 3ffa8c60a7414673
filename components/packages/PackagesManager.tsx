"use client";
// The tenant's service packages as cards (price, speeds, type, PPN, subscribers), with a form to
// add or edit one and a remove action: the server deletes a package nobody ever subscribed to
// and deactivates one with subscriptions.
import { useTranslations } from "next-intl";
import { profileNameOf, rateLimitOf } from "@/server/modules/routers/package-profiles";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { formatSpeed, kbpsToMbps, mbpsToKbps, MAX_PACKAGE_PRICE_IDR, type TPackageType, type TServicePackage } from "@/server/modules/packages/packages.schema";
import { formatRupiah } from "@/components/ui/format";

const TYPE_LABELS: Record<TPackageType, string> = { pppoe: "PPPoE", hotspot: "Hotspot" };

export function PackagesManager({ canManage }: { canManage: boolean }) {
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
            Add package
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
      <ErrorAlert error={list.error} title="Could not load the packages." />
      {list.data && list.data.length === 0 && (
        <Card>
          <p className="text-sm text-slate-600">No packages yet.{canManage ? " Add the internet packages you sell, with their monthly price and speeds." : ""}</p>
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
  const trpc = useTRPC();
  const remove = useMutation(trpc.packages.remove.mutationOptions({ onSuccess: () => onChanged() }));
  const willDelete = pkg.subscriptionCount === 0;
  return (
    <li className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="package-card" data-name={pkg.name}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="min-w-0 truncate text-base font-semibold text-slate-900">{pkg.name}</h3>
        <Badge tone={pkg.active ? "success" : "neutral"}>{pkg.active ? "Active" : "Inactive"}</Badge>
      </div>
      <p className="mt-1 text-xl font-bold text-slate-900">
        {formatRupiah(pkg.priceIdr)}
        <span className="text-sm font-normal text-slate-500"> / month</span>
      </p>
      <p className="text-sm text-slate-700">{formatSpeed(pkg.speedDownKbps, pkg.speedUpKbps)}</p>
      <RouterProfileLine pkg={pkg} />
      <div className="mt-2 flex flex-wrap gap-1.5">
        <Badge tone="brand">{TYPE_LABELS[pkg.type]}</Badge>
        <Badge>{pkg.taxable ? "PPN applies" : "No PPN"}</Badge>
        <Badge>
          {pkg.subscriberCount} subscriber{pkg.subscriberCount === 1 ? "" : "s"}
        </Badge>
      </div>
      {pkg.description && <p className="mt-2 text-sm break-words text-slate-600">{pkg.description}</p>}
      {canManage && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button onClick={onEdit} disabled={remove.isPending}>
            Edit
          </Button>
          {(willDelete || pkg.active) && (
            <Button
              disabled={remove.isPending}
              onClick={() => {
                remove.reset();
                const question = willDelete
                  ? `Delete ${pkg.name}? Nobody is subscribed to it.`
                  : `Deactivate ${pkg.name}? It has subscriptions, so it is kept: existing subscribers stay on it, new ones cannot choose it.`;
                if (window.confirm(question)) remove.mutate({ id: pkg.id });
              }}
            >
              {willDelete ? "Delete" : "Deactivate"}
            </Button>
          )}
        </div>
      )}
      {remove.error && (
        <div className="mt-2">
          <ErrorAlert error={remove.error} />
        </div>
      )}
    </li>
  );
}

/** Whole rupiah typed as digits ("150000" or "150.000"); null when it is not one. */
function parseRupiah(value: string): number | null {
  const digits = value.trim().replace(/\./g, "");
  if (!/^\d{1,9}$/.test(digits)) return null;
  return Number(digits);
}

function PackageForm({ initial, onDone, onCancel }: { initial: TServicePackage | null; onDone: () => Promise<void>; onCancel: () => void }) {
  const trpc = useTRPC();
  const [name, setName] = useState(initial?.name ?? "");
  const [price, setPrice] = useState(initial ? String(initial.priceIdr) : "");
  const [down, setDown] = useState(initial ? kbpsToMbps(initial.speedDownKbps) : "");
  const [up, setUp] = useState(initial ? kbpsToMbps(initial.speedUpKbps) : "");
  const [type, setType] = useState<TPackageType>(initial?.type ?? "pppoe");
  const [taxable, setTaxable] = useState(initial?.taxable ?? true);
  const [description, setDescription] = useState(initial?.description ?? "");
  const [active, setActive] = useState(initial?.active ?? true);
  const [localError, setLocalError] = useState<string | null>(null);
  const options = { onSuccess: () => onDone() };
  const create = useMutation(trpc.packages.create.mutationOptions(options));
  const update = useMutation(trpc.packages.update.mutationOptions(options));
  const mutation = initial ? update : create;

  const priceIdr = parseRupiah(price);
  const downKbps = mbpsToKbps(down);
  const upKbps = mbpsToKbps(up);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    if (priceIdr === null || priceIdr > MAX_PACKAGE_PRICE_IDR) return setLocalError("Enter the price in whole rupiah, at most Rp 100.000.000.");
    if (!downKbps || !upKbps) return setLocalError("Enter speeds in Mbps, with at most one decimal (for example 20 or 2.5).");
    setLocalError(null);
    const data = { name, priceIdr, speedDownKbps: downKbps, speedUpKbps: upKbps, type, taxable, description, active };
    if (initial) update.mutate({ ...data, id: initial.id });
    else create.mutate(data);
  };

  return (
    <Card title={initial ? `Edit ${initial.name}` : "Add package"}>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate>
        <label className={LABEL_CLASS}>
          Name
          <input className={INPUT_CLASS} name="name" autoComplete="off" placeholder="Home 20M" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className={LABEL_CLASS}>
          Monthly price (Rp)
          <input className={INPUT_CLASS} name="priceIdr" inputMode="numeric" autoComplete="off" placeholder="150000" value={price} onChange={(e) => setPrice(e.target.value)} />
          <span className="mt-1 block text-xs font-normal text-slate-500">{priceIdr !== null ? formatRupiah(priceIdr) : "Whole rupiah, no decimals"}</span>
        </label>
        <label className={LABEL_CLASS}>
          Download (Mbps)
          <input className={INPUT_CLASS} name="speedDown" inputMode="decimal" autoComplete="off" placeholder="20" value={down} onChange={(e) => setDown(e.target.value)} />
        </label>
        <label className={LABEL_CLASS}>
          Upload (Mbps)
          <input className={INPUT_CLASS} name="speedUp" inputMode="decimal" autoComplete="off" placeholder="5" value={up} onChange={(e) => setUp(e.target.value)} />
        </label>
        <label className={LABEL_CLASS}>
          Type
          <select className={INPUT_CLASS} name="type" value={type} onChange={(e) => setType(e.target.value as TPackageType)}>
            {(Object.keys(TYPE_LABELS) as TPackageType[]).map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-col justify-end gap-2 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="taxable" checked={taxable} onChange={(e) => setTaxable(e.target.checked)} />
            PPN applies (when this ISP charges PPN)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />
            Active (offered to new subscribers)
          </label>
        </div>
        <label className={`${LABEL_CLASS} sm:col-span-2`}>
          Description (optional)
          <textarea className={INPUT_CLASS} name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" variant="primary" disabled={mutation.isPending || !name.trim()}>
            {mutation.isPending ? "Saving…" : initial ? "Save changes" : "Add package"}
          </Button>
          <Button onClick={onCancel} disabled={mutation.isPending}>
            Cancel
          </Button>
        </div>
        <div className="sm:col-span-2">
          {localError && <ErrorAlert error={{ message: localError }} />}
          <ErrorAlert error={mutation.error} />
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
