"use client";
// Chooses the customer of a manual invoice or a work order: search by name, number or phone (customers.list).
import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { useDebouncedValue } from "@/components/ui/hooks";
import { Input } from "@/components/ui/Input";

export type PickedCustomer = { id: string; code: string; name: string; address: string | null; latitude?: number | null; longitude?: number | null };

function Line({ code, address }: { code: string; address: string | null }) {
  return (
    <span className="flex min-w-0 gap-1 truncate text-xs text-slate-500">
      <span className="font-mono">{code}</span>
      {address && <span className="truncate">· {address}</span>}
    </span>
  );
}

export function CustomerPicker({ value, onChange }: { value: PickedCustomer | null; onChange: (customer: PickedCustomer | null) => void }) {
  const t = useTranslations("billing.customerPicker");
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const results = useQuery({ ...trpc.customers.list.queryOptions({ q, limit: 8 }), enabled: value === null && q.length > 0 });

  if (value) {
    return (
      <div className="min-w-0 sm:col-span-2">
        <p className="text-sm font-medium text-slate-700">{t("label")}</p>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2" data-testid="picked-customer">
          <div className="min-w-0">
            <div className="truncate text-sm font-medium text-slate-900">{value.name}</div>
            <Line code={value.code} address={value.address} />
          </div>
          <Button onClick={() => onChange(null)}>{t("change")}</Button>
        </div>
      </div>
    );
  }

  const items = results.data?.items ?? [];
  return (
    <div className="min-w-0 sm:col-span-2">
      <Field label={t("label")}>
        <Input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("placeholder")} autoComplete="off" aria-controls={listId} />
      </Field>
      <ErrorAlert error={results.error} />
      {q && results.data && items.length === 0 && <p className="mt-2 text-sm text-slate-500">{t("noMatch", { q })}</p>}
      {items.length > 0 && (
        <ul id={listId} aria-label={t("matches")} className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="block min-h-11 w-full px-3 py-2 text-left hover:bg-brand-50 focus-visible:bg-brand-50 focus-visible:outline-none"
                onClick={() => onChange({ id: c.id, code: c.code, name: c.name, address: c.address, latitude: c.latitude, longitude: c.longitude })}
              >
                <span className="block truncate text-sm font-medium text-slate-900">{c.name}</span>
                <Line code={c.code} address={c.address} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
