"use client";
// Chooses the customer of a manual invoice: search by name, number or phone (customers.list).
import { useEffect, useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";

export type PickedCustomer = { id: string; code: string; name: string; address: string | null };

export function CustomerPicker({ value, onChange }: { value: PickedCustomer | null; onChange: (customer: PickedCustomer | null) => void }) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({ ...trpc.customers.list.queryOptions({ q, limit: 8 }), enabled: value === null && q.length > 0 });

  if (value) {
    return (
      <div className="sm:col-span-2">
        <span className={LABEL_CLASS}>Customer</span>
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2" data-testid="picked-customer">
          <div className="min-w-0">
            <div className="truncate text-sm font-medium text-slate-900">{value.name}</div>
            <div className="truncate text-xs text-slate-500">
              <span className="font-mono">{value.code}</span>
              {value.address && ` · ${value.address}`}
            </div>
          </div>
          <Button onClick={() => onChange(null)}>Change</Button>
        </div>
      </div>
    );
  }

  const items = results.data?.items ?? [];
  return (
    <div className="sm:col-span-2">
      <label className={LABEL_CLASS}>
        Customer
        <input
          type="search"
          className={INPUT_CLASS}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Name, C-000042 or phone"
          autoComplete="off"
          aria-controls={listId}
        />
      </label>
      <ErrorAlert error={results.error} />
      {q && results.data && items.length === 0 && <p className="mt-2 text-sm text-slate-500">No customer matches “{q}”.</p>}
      {items.length > 0 && (
        <ul id={listId} aria-label="Matching customers" className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="block w-full px-3 py-2 text-left hover:bg-brand-50 focus-visible:bg-brand-50 focus-visible:outline-none"
                onClick={() => onChange({ id: c.id, code: c.code, name: c.name, address: c.address })}
              >
                <span className="block truncate text-sm font-medium text-slate-900">{c.name}</span>
                <span className="block truncate text-xs text-slate-500">
                  <span className="font-mono">{c.code}</span>
                  {c.address && ` · ${c.address}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
