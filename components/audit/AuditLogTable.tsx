"use client";
// The tenant's audit log from audit.list: newest first, "load more" for older pages, filter by
// action (kept in the URL). Each entry reads as a sentence in the user's language ("Hendra
// Gunawan menambahkan pelanggan.") with a link to what it names where a page exists. Times in
// the tenant's zone with its abbreviation; the raw details stay one tap away for forensics.
import { useMemo } from "react";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { useUrlFilters } from "@/components/ui/hooks";
import { useFormat } from "@/components/ui/use-format";
import { AUDIT_ACTIONS, type AuditAction } from "@/server/modules/audit/audit.actions";
import type { TAuditRow } from "@/server/modules/audit/audit.schema";
import { detailsText, referenceOf, useAuditText } from "./audit-text";

const PAGE_SIZE = 50;
const CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];
const FILTERS = ["action"] as const;

/** Where an entry's object lives in the ISP's back office (null: no page for it). */
function targetHref(row: TAuditRow): { href: string; kind: "customer" | "invoice" | "router" | "staff" | "package" | "settings" } | null {
  if (!row.targetType) return null;
  const id = row.targetId;
  switch (row.targetType) {
    case "customer":
      return id ? { href: `/customers/${id}`, kind: "customer" } : null;
    case "invoice":
      return id ? { href: `/invoices/${id}`, kind: "invoice" } : null;
    case "router":
      return id ? { href: `/routers/${id}`, kind: "router" } : null;
    case "user":
      return { href: "/staff", kind: "staff" };
    case "package":
      return { href: "/packages", kind: "package" };
    case "tenant":
    case "domain":
      return { href: "/settings", kind: "settings" };
    default:
      return null;
  }
}

function Entry({ row }: { row: TAuditRow }) {
  const t = useTranslations("audit");
  const text = useAuditText();
  const actor = row.actorLabel ?? t(`actor.${row.actorType}`);
  const target = targetHref(row);
  const reference = referenceOf(row.details);
  const details = detailsText(row.details);
  return (
    <div className="min-w-0 space-y-1">
      <p className="break-words text-slate-900">{text.sentence(row.action, actor)}</p>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge tone={row.action.endsWith("_failed") || row.action === "auth.locked_out" ? "danger" : "neutral"}>{text.label(row.action)}</Badge>
        {target && (
          <Link href={target.href} className="inline-flex min-h-11 items-center text-brand-700 hover:underline md:min-h-0">
            {t(`target.${target.kind}`)}
            {reference && <span className="ml-1 font-mono">{reference}</span>}
          </Link>
        )}
        {!target && reference && <span className="font-mono text-slate-600">{reference}</span>}
        {row.ip && <span className="font-mono text-slate-500">{t("from", { ip: row.ip })}</span>}
      </div>
      {(details || row.requestId) && (
        <details className="text-xs text-slate-500">
          <summary className="inline-flex min-h-11 cursor-pointer items-center md:min-h-0">{t("details")}</summary>
          {details && <p className="break-words">{details}</p>}
          {row.requestId && <p className="break-all font-mono">{t("request", { id: row.requestId })}</p>}
        </details>
      )}
    </div>
  );
}

export function AuditLogTable({ timezone }: { timezone: string }) {
  const t = useTranslations("audit");
  const text = useAuditText();
  const format = useFormat();
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const action = (CODES as string[]).includes(filters.action) ? (filters.action as AuditAction) : "";
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(action ? { limit: PAGE_SIZE, action } : { limit: PAGE_SIZE }, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const { data, error, isPending, isFetching, isFetchingNextPage, refetch } = query;
  const rows = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const labels = useMemo(() => Object.fromEntries(CODES.map((c) => [c, text.label(c)])) as Record<AuditAction, string>, [text]);
  const columns = useMemo(() => {
    const col = dataTableColumns<TAuditRow>();
    return col.columns([
      col.display({ id: "entry", header: t("events"), meta: { card: "title" }, cell: (c) => <Entry row={c.row.original} /> }),
      col.accessor("createdAt", {
        header: format.zone(),
        meta: { card: "subtitle", className: "whitespace-nowrap tabular-nums text-slate-600" },
        cell: (c) => <time dateTime={c.getValue()}>{format.dateTime(c.getValue())}</time>,
      }),
    ]);
  }, [t, format]);

  const toolbar = (
    <div className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
      <FilterSelect
        label={t("filter")}
        allLabel={t("allActions")}
        value={action}
        values={CODES}
        labels={labels}
        onChange={(value) => setFilters({ action: value || null })}
        testId="audit-action-filter"
        className="min-w-0 flex-1 sm:w-64 sm:flex-none"
      />
      <Button onClick={() => void refetch()} loading={isFetching && !isFetchingNextPage}>
        {t("refresh")}
      </Button>
    </div>
  );

  return (
    <Card title={t("events")} action={toolbar}>
      <ErrorAlert error={error} title={t("loadFailed")} />
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        caption={t("title")}
        loading={isPending}
        empty={<EmptyState title={action ? t("noneOfKind") : t("none")} />}
        loadMore={query}
        rowTestId="audit-row"
      />
      {rows.length > 0 && <p className="mt-3 text-xs text-slate-500">{t("shown", { count: rows.length, zone: `${timezone} (${format.zone()})` })}</p>}
    </Card>
  );
}
