"use client";
// Adds a customer: the server gives the number (C-000042), normalises the phone to +62… and
// seals the KTP/NIK. Empty optional fields are left out.
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { ErrorNote } from "@/components/account/ErrorNote";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { STATUS_LABELS } from "@/server/modules/customers/customers.schema";
import { MANUAL_STATUSES } from "./status";

type ManualStatus = (typeof MANUAL_STATUSES)[number];
const blank = { name: "", phone: "", address: "", billingDay: "1", idNumber: "", status: "prospect" as ManualStatus };

export function AddCustomerForm({ onCreated }: { onCreated: (code: string) => void | Promise<void> }) {
  const trpc = useTRPC();
  const [form, setForm] = useState(blank);
  const set = (key: keyof typeof blank) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: async (row) => {
        setForm(blank);
        await onCreated(row.code);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      name: form.name,
      phone: form.phone.trim() || undefined,
      address: form.address.trim() || undefined,
      idNumber: form.idNumber.trim() || undefined,
      billingDay: Number(form.billingDay),
      status: form.status,
    });
  };
  return (
    <Card title="Add customer">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate>
        <label className={LABEL_CLASS}>
          Name
          <input className={INPUT_CLASS} name="name" autoComplete="off" value={form.name} onChange={set("name")} />
        </label>
        <label className={LABEL_CLASS}>
          WhatsApp / phone
          <input className={INPUT_CLASS} name="phone" type="tel" inputMode="tel" placeholder="0812-3456-7890" value={form.phone} onChange={set("phone")} />
        </label>
        <label className={`${LABEL_CLASS} sm:col-span-2`}>
          Address
          <input className={INPUT_CLASS} name="address" autoComplete="off" value={form.address} onChange={set("address")} />
        </label>
        <label className={LABEL_CLASS}>
          Billing day (1–28)
          <input className={INPUT_CLASS} name="billingDay" type="number" min={1} max={28} value={form.billingDay} onChange={set("billingDay")} />
        </label>
        <label className={LABEL_CLASS}>
          Status
          <select className={INPUT_CLASS} name="status" value={form.status} onChange={set("status")}>
            {MANUAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL_CLASS}>
          KTP / NIK (optional)
          <input className={INPUT_CLASS} name="idNumber" inputMode="numeric" autoComplete="off" placeholder="16 digits" value={form.idNumber} onChange={set("idNumber")} />
          <span className="mt-1 block text-xs font-normal text-slate-500">Stored encrypted; lists show only the last 4 digits.</span>
        </label>
        <div className="flex items-end">
          <Button type="submit" variant="primary" disabled={create.isPending || !form.name.trim()} className="w-full sm:w-auto">
            {create.isPending ? "Adding…" : "Add customer"}
          </Button>
        </div>
        <div className="sm:col-span-2">
          <ErrorNote error={create.error} />
        </div>
      </form>
    </Card>
  );
}
