"use client";
// The tenant's audit log from audit.list: newest first, "Load more" for older pages, filter by
// action. Cards on phones, a table from md up. Times in the tenant's zone, never the browser's.
import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { CodeBadge } from "@/components/ui/CodeBadge";
import { Skeleton } from "@/components/ui/Skeleton";
import { useTRPC } from "@/components/trpc/provider";
import { AUDIT_ACTIONS, type AuditAction } from "@/server/modules/audit/audit.actions";
import type { TAuditRow } from "@/server/modules/audit/audit.schema";
import { useFormat } from "@/components/ui/use-format";

const PAGE_SIZE = 50;
const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS) as [AuditAction, string][];
const ACTOR_TYPES: Record<TAuditRow["actorType"], string> = { user: "Staff", platform_admin: "RRNET operator", system: "System" };

function isFailure(action: string): boolean {
  return action.endsWith("_failed");
}

function actorOf(row: TAuditRow): string {
  return row.actorLabel ?? ACTOR_TYPES[row.actorType];
}

function targetOf(row: TAuditRow): string | null {
  if (!row.targetType) return null;
  return row.targetId ? `${row.targetType} ${row.targetId.slice(0, 8)}` : row.targetType;
}

/** `reason: bad_password, role: admin`: short enough for a table cell. */
function detailsOf(details: TAuditRow["details"]): string | null {
  if (details === null) return null;
  if (typeof details === "object" && !Array.isArray(details)) {
    return Object.entries(details)
      .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join(", ");
  }
  return JSON.stringify(details);
}

function When({ iso }: { iso: string }) {
  const format = useFormat();
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {format.dateTime(iso)}
    </time>
  );
}

function ActionLabel({ row }: { row: TAuditRow }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Badge tone={isFailure(row.action) ? "danger" : "neutral"}>{row.label}</Badge>
      <code className="font-mono text-[11px] text-slate-400">{row.action}</code>
    </span>
  );
}

function AuditCard({ row }: { row: TAuditRow }) {
  const target = targetOf(row);
  const details = detailsOf(row.details);
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="audit-row">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <ActionLabel row={row} />
        <span className="text-xs text-slate-500">
          <When iso={row.createdAt} />
        </span>
      </div>
      <dl className="mt-2 grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">Who</dt>
        <dd className="break-words text-slate-900">{actorOf(row)}</dd>
        {target && (
          <>
            <dt className="text-slate-500">Target</dt>
            <dd className="break-all text-slate-700" title={row.targetId ?? undefined}>
              {target}
            </dd>
          </>
        )}
        {row.ip && (
          <>
            <dt className="text-slate-500">IP</dt>
            <dd className="break-all font-mono text-xs leading-5 text-slate-700">{row.ip}</dd>
          </>
        )}
        {details && (
          <>
            <dt className="text-slate-500">Details</dt>
            <dd className="break-words text-slate-700">{details}</dd>
          </>
        )}
        {row.requestId && (
          <>
            <dt className="text-slate-500">Request</dt>
            <dd className="break-all font-mono text-xs leading-5 text-slate-500">{row.requestId}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

function AuditTable({ rows }: { rows: TAuditRow[] }) {
  const format = useFormat();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Time ({format.zone()})
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">Action</th>
            <th scope="col" className="py-2 pr-4 font-medium">Who</th>
            <th scope="col" className="py-2 pr-4 font-medium">Target</th>
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
                <ActionLabel row={row} />
              </td>
              <td className="max-w-56 break-words py-2 pr-4 text-slate-900">{actorOf(row)}</td>
              <td className="py-2 pr-4 text-slate-700" title={row.targetId ?? undefined}>
                {targetOf(row) ?? <span className="text-slate-400">—</span>}
              </td>
              <td className="py-2 pr-4 font-mono text-xs leading-5 text-slate-700">{row.ip ?? "—"}</td>
              <td className="max-w-72 py-2 text-slate-700">
                <div className="break-words">{detailsOf(row.details) ?? <span className="text-slate-400">—</span>}</div>
                {row.requestId && (
                  <div className="mt-0.5 truncate font-mono text-[11px] text-slate-400" title={`Request ${row.requestId}`}>
                    {row.requestId}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditLogTable({ timezone }: { timezone: string }) {
  const format = useFormat();
  const trpc = useTRPC();
  const [action, setAction] = useState<AuditAction | "">("");
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(action ? { limit: PAGE_SIZE, action } : { limit: PAGE_SIZE }, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const { data, error, isPending, isFetching, isFetchingNextPage, hasNextPage, fetchNextPage, refetch } = query;
  const rows = data?.pages.flatMap((page) => page.items) ?? [];

  const toolbar = (
    <div className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-slate-600 sm:flex-none">
        Action
        <select
          value={action}
          onChange={(e) => setAction(e.target.value as AuditAction | "")}
          className="min-h-9 w-full rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-800 sm:w-64"
          data-testid="audit-action-filter"
        >
          <option value="">All actions</option>
          {ACTION_OPTIONS.map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <Button onClick={() => void refetch()} disabled={isFetching} aria-busy={isFetching && !isFetchingNextPage}>
        {isFetching && !isFetchingNextPage ? "Refreshing…" : "Refresh"}
      </Button>
    </div>
  );

  return (
    <Card title="Events" action={toolbar}>
      {isPending && (
        <div role="status" aria-label="Loading the audit log" className="space-y-2">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-12" />
          ))}
        </div>
      )}
      {error && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-medium">Could not load the audit log.</p>
          <p className="mt-1">{error.message}</p>
          {error.data?.code && (
            <p className="mt-2">
              <CodeBadge code={error.data.code} />
            </p>
          )}
        </div>
      )}
      {data && rows.length === 0 && (
        <p className="py-6 text-center text-sm text-slate-500">{action ? "No events of this kind yet." : "No events yet."}</p>
      )}
      {rows.length > 0 && (
        <>
          <ul className="space-y-3 md:hidden">
            {rows.map((row) => (
              <AuditCard key={row.id} row={row} />
            ))}
          </ul>
          <div className="hidden md:block">
            <AuditTable rows={rows} />
          </div>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
            <span>
              {rows.length} event{rows.length === 1 ? "" : "s"} shown · times in {timezone} ({format.zone()})
            </span>
            {hasNextPage && (
              <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} aria-busy={isFetchingNextPage}>
                {isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </div>
        </>
      )}
    </Card>
  );
}
