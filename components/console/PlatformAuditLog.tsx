"use client";
// The platform audit log: operator sign-ins and catalog changes, and tenant-level events
// (created, suspended, plan, domains). Never what happens inside a tenant. Newest first, "Load
// more" for older pages; cards on phones, a table from md up; times in WIB.
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import type { TPlatformAuditRow } from "@/server/modules/platform/platform.schema";
import { useFormat } from "@/components/ui/use-format";

const PAGE_SIZE = 50;

function detailsOf(details: TPlatformAuditRow["details"]): string | null {
  if (details === null) return null;
  if (typeof details === "object" && !Array.isArray(details)) {
    return Object.entries(details)
      .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join(", ");
  }
  return JSON.stringify(details);
}

function TenantLink({ row }: { row: TPlatformAuditRow }) {
  if (!row.tenant) return <span className="text-slate-400">—</span>;
  return (
    <Link href={`/tenants/${row.tenant.id}`} className="text-brand-700 hover:underline">
      {row.tenant.name ?? row.tenant.id.slice(0, 8)}
      {row.tenant.slug && <span className="ml-1 font-mono text-xs text-slate-500">{row.tenant.slug}</span>}
    </Link>
  );
}

function When({ iso }: { iso: string }) {
  const format = useFormat();
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {format.dateTime(iso)}
    </time>
  );
}

function Action({ row }: { row: TPlatformAuditRow }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Badge tone={row.action.endsWith("_failed") ? "danger" : "neutral"}>{row.label}</Badge>
      <code className="font-mono text-[11px] text-slate-400">{row.action}</code>
    </span>
  );
}

export function PlatformAuditLog({ tenantId }: { tenantId?: string }) {
  const format = useFormat();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.platform.audit.list.infiniteQueryOptions(tenantId ? { limit: PAGE_SIZE, tenantId } : { limit: PAGE_SIZE }, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const { data, error, isPending, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } = query;
  const rows = data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title="Events"
      action={
        <div className="flex flex-wrap items-center gap-2">
          {tenantId && (
            <Link href="/audit" className="text-sm text-brand-700 hover:underline">
              Show all tenants
            </Link>
          )}
          <Button onClick={() => void refetch()} disabled={isFetching}>
            {isFetching && !isFetchingNextPage ? "Refreshing…" : "Refresh"}
          </Button>
        </div>
      }
    >
      {isPending && (
        <div role="status" aria-label="Loading the audit log" className="space-y-2">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      )}
      <ErrorAlert error={error} title="Could not load the audit log." />
      {data && rows.length === 0 && <p className="py-6 text-center text-sm text-slate-500">No events yet.</p>}
      {rows.length > 0 && (
        <>
          <ul className="space-y-3 md:hidden">
            {rows.map((row) => (
              <li key={row.id} className="rounded-lg border border-slate-200 p-3" data-testid="audit-row">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Action row={row} />
                  <span className="text-xs text-slate-500">
                    <When iso={row.createdAt} />
                  </span>
                </div>
                <dl className="mt-2 grid grid-cols-[5rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
                  <dt className="text-slate-500">Who</dt>
                  <dd className="break-words text-slate-900">{row.actorLabel ?? "—"}</dd>
                  <dt className="text-slate-500">Tenant</dt>
                  <dd className="break-words">
                    <TenantLink row={row} />
                  </dd>
                  {detailsOf(row.details) && (
                    <>
                      <dt className="text-slate-500">Details</dt>
                      <dd className="break-words text-slate-700">{detailsOf(row.details)}</dd>
                    </>
                  )}
                  {row.ip && (
                    <>
                      <dt className="text-slate-500">IP</dt>
                      <dd className="break-all font-mono text-xs leading-5 text-slate-700">{row.ip}</dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Time (WIB)</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Action</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Who</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Tenant</th>
                  <th scope="col" className="py-2 pr-4 font-medium">IP</th>
                  <th scope="col" className="py-2 font-medium">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.id} className="align-top" data-testid="audit-row">
                    <td className="py-2 pr-4 text-slate-600">
                      <When iso={row.createdAt} />
                    </td>
                    <td className="py-2 pr-4">
                      <Action row={row} />
                    </td>
                    <td className="max-w-56 break-words py-2 pr-4 text-slate-900">{row.actorLabel ?? "—"}</td>
                    <td className="py-2 pr-4">
                      <TenantLink row={row} />
                    </td>
                    <td className="py-2 pr-4 font-mono text-xs leading-5 text-slate-700">{row.ip ?? "—"}</td>
                    <td className="max-w-72 break-words py-2 text-slate-700">{detailsOf(row.details) ?? <span className="text-slate-400">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
            <span>
              {rows.length} event{rows.length === 1 ? "" : "s"} shown · times in Asia/Jakarta ({format.zone()})
            </span>
            {hasNextPage && (
              <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </div>
        </>
      )}
    </Card>
  );
}
