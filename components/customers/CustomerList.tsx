"use client";
// The customer register: search (name, number, phone), status filter, "Load more" keyset paging.
// Cards on phones, a table from md up. Managers also get the add form and CSV import.
import { useEffect, useState } from "react";
import Link from "next/link";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorNote } from "@/components/account/ErrorNote";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { CUSTOMER_STATUSES, STATUS_LABELS, type TCustomerRow, type TCustomerStatus } from "@/server/modules/customers/customers.schema";
import { AddCustomerForm } from "./AddCustomerForm";
import { CustomerCsvPanel } from "./CustomerCsvPanel";
import { StatusBadge } from "./status";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { SearchBox } from "@/components/ui/SearchBox";
import { LoadMore } from "@/components/ui/LoadMore";

const PAGE_SIZE = 50;

export function CustomerList({ canManage, initialStatus }: { canManage: boolean; initialStatus?: TCustomerStatus }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<TCustomerStatus | "">(initialStatus ?? "");
  const [notice, setNotice] = useState<string | null>(null);
  // Search as the user pauses typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const filter = { ...(q ? { q } : {}), ...(status ? { status } : {}) };
  const query = useInfiniteQuery(trpc.customers.list.infiniteQueryOptions({ ...filter, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() });

  return (
    <div className="space-y-4">
      {canManage && (
        <AddCustomerForm
          onCreated={async (code) => {
            setNotice(`Added customer ${code}.`);
            await invalidate();
          }}
        />
      )}
      {notice && (
        <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      )}
      <CustomerCsvPanel canManage={canManage} filter={filter} onImported={invalidate} />
      <Card title="Customers">
        <div className="mb-3 flex flex-wrap gap-2">
          <SearchBox className="flex-1" label="Search customers" value={text} onChange={setText} placeholder="Name, C-000042 or phone" testId="customers-search" />
          <FilterSelect label="Status" value={status} onChange={setStatus} values={CUSTOMER_STATUSES} labels={STATUS_LABELS} allLabel="All statuses" testId="customers-status-filter" />
        </div>
        {query.isPending && <Skeleton className="h-24" />}
        <ErrorNote error={query.error} title="Could not load customers." />
        {query.data && rows.length === 0 && (
          <p className="py-6 text-center text-sm text-slate-500">{q || status ? "No customer matches." : "No customers yet."}</p>
        )}
        {rows.length > 0 && (
          <>
            <ul className="divide-y divide-slate-100 md:hidden" data-testid="customers-cards">
              {rows.map((c) => (
                <CustomerCard key={c.id} customer={c} />
              ))}
            </ul>
            <table className="hidden w-full text-left text-sm md:table" data-testid="customers-table">
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Number</th>
                  <th className="py-2 pr-3">Name</th>
                  <th className="py-2 pr-3">Phone</th>
                  <th className="py-2 pr-3">Address</th>
                  <th className="py-2 pr-3">Billing day</th>
                  <th className="py-2">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((c) => (
                  <tr key={c.id}>
                    <td className="py-2 pr-3 font-mono text-xs">
                      <Link href={`/customers/${c.id}`} className="text-brand-700 hover:underline">
                        {c.code}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      <Link href={`/customers/${c.id}`} className="font-medium text-slate-900 hover:underline">
                        {c.name}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 tabular-nums">{c.phone ?? "—"}</td>
                    <td className="max-w-xs truncate py-2 pr-3 text-slate-600">{c.address ?? "—"}</td>
                    <td className="py-2 pr-3 tabular-nums">{c.billingDay}</td>
                    <td className="py-2">
                      <StatusBadge status={c.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <LoadMore query={query} />
      </Card>
    </div>
  );
}

function CustomerCard({ customer: c }: { customer: TCustomerRow }) {
  return (
    <li className="py-3">
      <Link href={`/customers/${c.id}`} className="block min-w-0">
        <div className="flex items-center justify-between gap-2">
          <span className="truncate text-sm font-medium text-slate-900">{c.name}</span>
          <StatusBadge status={c.status} />
        </div>
        <div className="mt-0.5 text-xs text-slate-600">
          <span className="font-mono">{c.code}</span>
          {c.phone && <span className="tabular-nums"> · {c.phone}</span>}
        </div>
        {c.address && <div className="truncate text-xs text-slate-500">{c.address}</div>}
      </Link>
    </li>
  );
}
