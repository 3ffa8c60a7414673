"use client";
// The tenants list: search on name/slug, status filter, paging. A table from md up, cards on
// phones. Aggregate figures only (staff, clients, domains), never anyone's details.
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Pager } from "@/components/ui/Pager";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { TENANT_STATUSES, type TTenantRow, type TTenantStatus } from "@/server/modules/platform/platform.schema";
import { TenantStatusBadge } from "./StatusBadge";
import { useFormat } from "@/components/ui/use-format";

const PAGE_SIZE = 25;

function Domains({ row }: { row: TTenantRow }) {
  const { verified, pending } = row.domains;
  if (verified + pending === 0) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {verified > 0 && <Badge tone="success">{verified} verified</Badge>}
      {pending > 0 && <Badge tone="warning">{pending} pending</Badge>}
    </span>
  );
}

function TenantCard({ row }: { row: TTenantRow }) {
  const format = useFormat();
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="tenant-row" data-slug={row.slug}>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <Link href={`/tenants/${row.id}`} className="block truncate font-medium text-brand-700 hover:underline">
            {row.name}
          </Link>
          <div className="truncate font-mono text-xs text-slate-500">{row.slug}</div>
        </div>
        <TenantStatusBadge status={row.status} />
      </div>
      <dl className="mt-2 grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">Plan</dt>
        <dd className="text-slate-900">{row.plan.name}</dd>
        <dt className="text-slate-500">Staff</dt>
        <dd className="text-slate-900">
          {format.count(row.staff.active)} active / {format.count(row.staff.total)}
        </dd>
        <dt className="text-slate-500">Clients</dt>
        <dd className="text-slate-900">{format.count(row.clients)}</dd>
        <dt className="text-slate-500">Domains</dt>
        <dd>
          <Domains row={row} />
        </dd>
        <dt className="text-slate-500">Created</dt>
        <dd className="text-slate-700">{format.date(row.createdAt)}</dd>
      </dl>
    </li>
  );
}

function TenantTable({ rows }: { rows: TTenantRow[] }) {
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Tenant</th>
            <th scope="col" className="py-2 pr-4 font-medium">Status</th>
            <th scope="col" className="py-2 pr-4 font-medium">Plan</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Staff</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Clients</th>
            <th scope="col" className="py-2 pr-4 font-medium">Domains</th>
            <th scope="col" className="py-2 font-medium">Created (WIB)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top" data-testid="tenant-row" data-slug={row.slug}>
              <td className="py-2 pr-4">
                <Link href={`/tenants/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  {row.name}
                </Link>
                <div className="font-mono text-xs text-slate-500">{row.slug}</div>
              </td>
              <td className="py-2 pr-4">
                <TenantStatusBadge status={row.status} />
              </td>
              <td className="py-2 pr-4 text-slate-900">{row.plan.name}</td>
              <td className="py-2 pr-4 text-right tabular-nums text-slate-900" title={`${row.staff.active} active of ${row.staff.total}`}>
                {format.count(row.staff.active)}
                <span className="text-slate-400"> / {format.count(row.staff.total)}</span>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums text-slate-900">{format.count(row.clients)}</td>
              <td className="py-2 pr-4">
                <Domains row={row} />
              </td>
              <td className="whitespace-nowrap py-2 text-slate-600">{format.date(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TenantsList() {
  const format = useFormat();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<TTenantStatus | "">("");
  const [page, setPage] = useState(1);
  const deferredSearch = useDeferredValue(search.trim());
  const input = { page, pageSize: PAGE_SIZE, ...(deferredSearch ? { search: deferredSearch } : {}), ...(status ? { status } : {}) };
  const list = useQuery({ ...trpc.platform.tenants.list.queryOptions(input), placeholderData: keepPreviousData });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const toolbar = (
    <div className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
      <label className="flex min-w-0 flex-1 flex-col text-xs font-medium text-slate-600 sm:w-64 sm:flex-none">
        Search
        <input
          type="search"
          className={INPUT_CLASS}
          placeholder="Name or slug"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          data-testid="tenant-search"
        />
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Status
        <select
          className="mt-1 min-h-10 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-800"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as TTenantStatus | "");
            setPage(1);
          }}
          data-testid="tenant-status-filter"
        >
          <option value="">All</option>
          {TENANT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );

  return (
    <Card title={data ? `${format.count(data.total)} tenant${data.total === 1 ? "" : "s"}` : "Tenants"} action={toolbar}>
      {list.isPending && (
        <div role="status" aria-label="Loading tenants" className="space-y-2">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      )}
      <ErrorAlert error={list.error} title="Could not load the tenants." />
      {data && data.items.length === 0 && <p className="py-6 text-center text-sm text-slate-500">No tenants match.</p>}
      {data && data.items.length > 0 && (
        <div className={list.isPlaceholderData ? "opacity-60" : undefined}>
          <ul className="space-y-3 md:hidden">
            {data.items.map((row) => (
              <TenantCard key={row.id} row={row} />
            ))}
          </ul>
          <div className="hidden md:block">
            <TenantTable rows={data.items} />
          </div>
        </div>
      )}
      {data && <Pager page={page} pages={pages} onPage={setPage} />}
    </Card>
  );
}
