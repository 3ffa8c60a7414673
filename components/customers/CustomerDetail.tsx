"use client";
// One customer: the facts, and for managers an edit form (location as latitude/longitude, used
// by the maps later). The full KTP/NIK arrives only for roles that manage customers.
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorNote } from "@/components/account/ErrorNote";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { formatDateTime } from "@/components/ui/time";
import { STATUS_LABELS, type TCustomerDetail, type TCustomerStatus } from "@/server/modules/customers/customers.schema";
import { MANUAL_STATUSES, StatusBadge } from "./status";

export function CustomerDetail({ id, canManage, timezone }: { id: string; canManage: boolean; timezone: string }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.customers.get.queryOptions({ id }));
  const c = customer.data;
  return (
    <div className="space-y-4">
      <Link href="/customers" className="text-sm text-brand-700 hover:underline">
        ← All customers
      </Link>
      {customer.isPending && <Skeleton className="h-40" />}
      <ErrorNote error={customer.error} title="Could not load this customer." />
      {c && (
        <Card title={<span>{c.name} <span className="font-mono text-sm font-normal text-slate-500">{c.code}</span></span>} action={<StatusBadge status={c.status} />}>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <Fact label="WhatsApp / phone">{c.phone ?? "—"}</Fact>
            <Fact label="Billing day">{c.billingDay}</Fact>
            <Fact label="Address">{c.address ?? "—"}</Fact>
            <Fact label="Location">{c.latitude !== null && c.longitude !== null ? `${c.latitude}, ${c.longitude}` : "—"}</Fact>
            <Fact label="KTP / NIK">{c.idNumber ?? (c.idNumberLast4 ? `•••• •••• •••• ${c.idNumberLast4}` : "—")}</Fact>
            <Fact label="Added">{formatDateTime(new Date(c.createdAt), timezone)}</Fact>
            <Fact label="Notes">{c.notes ?? "—"}</Fact>
            <Fact label="Last change">{formatDateTime(new Date(c.updatedAt), timezone)}</Fact>
          </dl>
        </Card>
      )}
      {c && canManage && <EditCustomerForm key={c.updatedAt} customer={c} />}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}

const text = (v: string | number | null) => (v === null ? "" : String(v));
/** "" -> null (clear the field), otherwise the trimmed text. */
const orNull = (v: string) => (v.trim() === "" ? null : v.trim());
const numberOrNull = (v: string) => (v.trim() === "" ? null : Number(v.replace(",", ".")));

function EditCustomerForm({ customer: c }: { customer: TCustomerDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: c.name,
    phone: text(c.phone),
    address: text(c.address),
    latitude: text(c.latitude),
    longitude: text(c.longitude),
    idNumber: text(c.idNumber),
    billingDay: String(c.billingDay),
    status: c.status,
    notes: text(c.notes),
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.customers.get.queryKey({ id: c.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() }),
        ]);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const idNumber = orNull(form.idNumber);
    update.mutate({
      id: c.id,
      name: form.name,
      phone: orNull(form.phone),
      address: orNull(form.address),
      latitude: numberOrNull(form.latitude),
      longitude: numberOrNull(form.longitude),
      // Without the full number on screen, an empty field means "keep", not "clear".
      idNumber: c.idNumber === null && idNumber === null ? undefined : idNumber,
      billingDay: Number(form.billingDay),
      // Sent only when changed: an isolated customer stays isolated until billing restores it.
      status: form.status === c.status ? undefined : form.status,
      notes: orNull(form.notes),
    });
  };
  const statuses: TCustomerStatus[] = c.status === "isolated" ? ["isolated", ...MANUAL_STATUSES] : [...MANUAL_STATUSES];
  return (
    <Card title="Edit customer">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate>
        <label className={LABEL_CLASS}>
          Name
          <input className={INPUT_CLASS} value={form.name} onChange={set("name")} />
        </label>
        <label className={LABEL_CLASS}>
          WhatsApp / phone
          <input className={INPUT_CLASS} type="tel" inputMode="tel" value={form.phone} onChange={set("phone")} />
        </label>
        <label className={`${LABEL_CLASS} sm:col-span-2`}>
          Address
          <input className={INPUT_CLASS} value={form.address} onChange={set("address")} />
        </label>
        <label className={LABEL_CLASS}>
          Latitude
          <input className={INPUT_CLASS} inputMode="decimal" placeholder="-6.2088" value={form.latitude} onChange={set("latitude")} />
        </label>
        <label className={LABEL_CLASS}>
          Longitude
          <input className={INPUT_CLASS} inputMode="decimal" placeholder="106.8456" value={form.longitude} onChange={set("longitude")} />
        </label>
        <label className={LABEL_CLASS}>
          Billing day (1–28)
          <input className={INPUT_CLASS} type="number" min={1} max={28} value={form.billingDay} onChange={set("billingDay")} />
        </label>
        <label className={LABEL_CLASS}>
          Status
          <select className={INPUT_CLASS} value={form.status} onChange={set("status")}>
            {statuses.map((s) => (
              <option key={s} value={s} disabled={s === "isolated"}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <span className="mt-1 block text-xs font-normal text-slate-500">Isolation is set and lifted automatically by billing.</span>
        </label>
        <label className={LABEL_CLASS}>
          KTP / NIK
          <input className={INPUT_CLASS} inputMode="numeric" autoComplete="off" placeholder="16 digits" value={form.idNumber} onChange={set("idNumber")} />
        </label>
        <label className={`${LABEL_CLASS} sm:col-span-2`}>
          Notes
          <textarea className={INPUT_CLASS} rows={3} value={form.notes} onChange={set("notes")} />
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" variant="primary" disabled={update.isPending || !form.name.trim()}>
            {update.isPending ? "Saving…" : "Save changes"}
          </Button>
          {update.isSuccess && <span className="text-sm text-emerald-700">Saved.</span>}
        </div>
        <div className="sm:col-span-2">
          <ErrorNote error={update.error} />
        </div>
      </form>
    </Card>
  );
}
