"use client";
// The platform audit log: operator sign-ins and catalog changes, and tenant-level events
// (created, suspended, plan, domains). Never what happens inside a tenant. Newest first, "load
// more" for older pages; each entry a sentence in the operator's language with a link to the
// tenant it concerns; times with their zone abbreviation.
import { useMemo } from "react";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { detailsText, referenceOf, useAuditText } from "@/components/audit/audit-text";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import type { TPlatformAuditRow } from "@/server/modules/platform/platform.schema";

const PAGE_SIZE = 50;

function Entry({ row }: { row: TPlatformAuditRow }) {
  const t = useTranslations("audit");
  const text = useAuditText();
  const actor = row.actorLabel ?? t("actor.system");
  const reference = referenceOf(row.details);
  const details = detailsText(row.details);
  return (
    <div className="min-w-0 space-y-1">
      <p className="break-words text-slate-900">{text.sentence(row.action, actor)}</p>
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge tone={row.action.endsWith("_failed") ? "danger" : "neutral"}>{text.label(row.action)}</Badge>
        {row.tenant && (
          <Link href={`/tenants/${row.tenant.id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline md:min-h-0">
            {t("tenantOf", { name: row.tenant.name ?? row.tenant.slug ?? row.tenant.id.slice(0, 8) })}
          </Link>
        )}
        {reference && <span className="font-mono text-slate-600">{reference}</span>}
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

export function PlatformAuditLog({ tenantId }: { tenantId?: string }) {
  const t = useTranslations("audit");
  const tc = useTranslations("console.audit");
  const format = useFormat();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.platform.audit.list.infiniteQueryOptions(tenantId ? { limit: PAGE_SIZE, tenantId } : { limit: PAGE_SIZE }, {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  const { data, error, isPending, isFetching, isFetchingNextPage, refetch } = query;
  const rows = useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
  const columns = useMemo(() => {
    const col = dataTableColumns<TPlatformAuditRow>();
    return col.columns([
      col.display({ id: "entry", header: t("events"), meta: { card: "title" }, cell: (c) => <Entry row={c.row.original} /> }),
      col.accessor("createdAt", {
        header: format.zone(),
        meta: { card: "subtitle", className: "whitespace-nowrap tabular-nums text-slate-600" },
        cell: (c) => <time dateTime={c.getValue()}>{format.dateTime(c.getValue())}</time>,
      }),
    ]);
  }, [t, format]);

  return (
    <Card
      title={t("events")}
      action={
        <div className="flex flex-wrap items-center gap-2">
          {tenantId && <ButtonLink href="/audit">{tc("allTenants")}</ButtonLink>}
          <Button onClick={() => void refetch()} loading={isFetching && !isFetchingNextPage}>
            {t("refresh")}
          </Button>
        </div>
      }
    >
      <ErrorAlert error={error} title={t("loadFailed")} />
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        caption={t("title")}
        loading={isPending}
        empty={<EmptyState title={t("none")} />}
        loadMore={query}
        rowTestId="audit-row"
      />
      {rows.length > 0 && <p className="mt-3 text-xs text-slate-500">{t("shown", { count: rows.length, zone: `Asia/Jakarta (${format.zone()})` })}</p>}
    </Card>
  );
}
