"use client";
// The tenants list: search on name/slug, status filter (both kept in the URL), paging. Aggregate
// figures only (staff, clients, domains), never anyone's details.
import { useMemo } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { Pager } from "@/components/ui/Pager";
import { SearchBox } from "@/components/ui/SearchBox";
import { useUrlFilters, useUrlSearch } from "@/components/ui/hooks";
import { useFormat } from "@/components/ui/use-format";
import { TENANT_STATUSES, type TTenantRow, type TTenantStatus } from "@/server/modules/platform/platform.schema";
import { TenantStatusBadge } from "./StatusBadge";

const PAGE_SIZE = 25;
const FILTERS = ["status", "page"] as const;

function Domains({ row }: { row: TTenantRow }) {
  const t = useTranslations("console.tenants");
  const { verified, pending } = row.domains;
  if (verified + pending === 0) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {verified > 0 && <Badge tone="success">{t("domainsVerified", { count: verified })}</Badge>}
      {pending > 0 && <Badge tone="warning">{t("domainsPending", { count: pending })}</Badge>}
    </span>
  );
}

export function TenantsList() {
  const t = useTranslations("console.tenants");
  const common = useTranslations("common");
  const statusLabel = useTranslations("console.status");
  const format = useFormat();
  const trpc = useTRPC();
  const search = useUrlSearch("q");
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const status = (TENANT_STATUSES as readonly string[]).includes(filters.status) ? (filters.status as TTenantStatus) : "";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(filters.page, 10) || 1));
  const query = search.query.trim();
  const input = { page, pageSize: PAGE_SIZE, ...(query ? { search: query } : {}), ...(status ? { status } : {}) };
  const list = useQuery({ ...trpc.platform.tenants.list.queryOptions(input), placeholderData: keepPreviousData });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const columns = useMemo(() => {
    const col = dataTableColumns<TTenantRow>();
    return col.columns([
      col.accessor("name", {
        header: t("columns.tenant"),
        meta: { card: "title" },
        cell: (c) => (
          <span className="min-w-0">
            <span className="block truncate font-medium text-brand-700">{c.getValue()}</span>
            <span className="block truncate font-mono text-xs font-normal text-slate-500">{c.row.original.slug}</span>
          </span>
        ),
      }),
      col.accessor("status", { header: t("columns.status"), meta: { card: "badge" }, cell: (c) => <TenantStatusBadge status={c.getValue()} /> }),
      col.accessor((r) => r.plan.name, { id: "plan", header: t("columns.plan") }),
      col.accessor((r) => r.staff.active, {
        id: "staff",
        header: t("columns.staff"),
        meta: { align: "end", className: "tabular-nums" },
        cell: (c) => t("staffActive", { active: c.row.original.staff.active, total: c.row.original.staff.total }),
      }),
      col.accessor("clients", { header: t("columns.clients"), meta: { align: "end", className: "tabular-nums" }, cell: (c) => format.count(c.getValue()) }),
      col.display({ id: "domains", header: t("columns.domains"), cell: (c) => <Domains row={c.row.original} /> }),
      col.accessor("createdAt", { header: t("columns.created"), cell: (c) => format.date(c.getValue()) }),
    ]);
  }, [t, format]);

  const toolbar = (
    <div className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
      <SearchBox
        label={t("search")}
        placeholder={t("searchPlaceholder")}
        value={search.text}
        onChange={(text) => {
          search.setText(text);
          if (filters.page) setFilters({ page: null });
        }}
        testId="tenant-search"
        className="min-w-0 flex-1 sm:w-64 sm:flex-none"
      />
      <FilterSelect
        label={t("status")}
        allLabel={common("all")}
        value={status}
        values={TENANT_STATUSES}
        labels={{ active: statusLabel("active"), suspended: statusLabel("suspended"), archived: statusLabel("archived") }}
        onChange={(value) => setFilters({ status: value || null, page: null })}
        testId="tenant-status-filter"
      />
    </div>
  );

  return (
    <Card title={data ? t("count", { count: data.total }) : t("title")} action={toolbar}>
      <ErrorAlert error={list.error} title={t("loadFailed")} />
      <div className={list.isPlaceholderData ? "opacity-60" : undefined}>
        <DataTable
          data={data?.items ?? []}
          columns={columns}
          getRowId={(r) => r.id}
          caption={t("title")}
          loading={list.isPending}
          empty={<EmptyState title={t("noneMatch")}>{t("noneMatchHint")}</EmptyState>}
          rowHref={(r) => `/tenants/${r.id}`}
          rowTestId="tenant-row"
          rowAttributes={(r) => ({ "data-slug": r.slug })}
        />
      </div>
      {data && <Pager page={page} pages={pages} onPage={(p) => setFilters({ page: p > 1 ? String(p) : null })} />}
    </Card>
  );
}
