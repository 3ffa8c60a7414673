"use client";
// Outages with their cause, start, affected counts and who is on it; the filter is in the URL.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { useUrlFilters } from "@/components/ui/hooks";
import { useFormat } from "@/components/ui/use-format";
import { formatIncidentNumber, type TIncidentRow } from "@/server/modules/ftth/ftth.schema";
import { IncidentStatusBadge } from "./IncidentStatusBadge";

const FILTERS = ["closed", "all"] as const;

export function IncidentList() {
  const t = useTranslations("ftth");
  const trpc = useTRPC();
  const format = useFormat();
  const [filters, setFilters] = useUrlFilters(["status"]);
  const status = (FILTERS as readonly string[]).includes(filters.status) ? (filters.status as (typeof FILTERS)[number]) : "active";
  const incidents = useQuery({ ...trpc.ftth.incidents.queryOptions({ status }), refetchInterval: 30_000 });
  const col = dataTableColumns<TIncidentRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor((r) => `${formatIncidentNumber(r.number)} · ${r.causeNode.code}`, { id: "title", header: t("outages.cause"), meta: { card: "title" } }),
        col.accessor("startedAt", { header: t("outages.started"), meta: { card: "subtitle" }, cell: (c) => format.dateTime(c.getValue()) }),
        col.accessor((r) => t("outages.affectedValue", { customers: r.affectedCustomers, nodes: r.affectedNodes }), { id: "affected", header: t("outages.affected"), meta: { card: "detail" } }),
        col.accessor((r) => r.assignee?.name ?? t("outages.nobody"), { id: "assignee", header: t("outages.assignee"), meta: { card: "detail" } }),
        col.accessor("status", { header: t("outages.status"), meta: { card: "badge" }, cell: (c) => <IncidentStatusBadge status={c.getValue()} /> }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format],
  );
  return (
    <Card>
      <div className="mb-3 max-w-xs">
        <FilterSelect
          label={t("outages.filter")}
          value={status === "active" ? "" : status}
          onChange={(v) => setFilters({ status: v || null })}
          values={FILTERS}
          labels={{ closed: t("outages.filters.closed"), all: t("outages.filters.all") }}
          allLabel={t("outages.filters.active")}
          testId="outages-filter"
        />
      </div>
      <ErrorAlert error={incidents.error} title={t("outages.couldNotLoad")} />
      <DataTable
        data={incidents.data ?? []}
        columns={columns}
        getRowId={(r) => r.id}
        caption={t("outages.caption")}
        loading={incidents.isPending}
        rowHref={(r) => `/outages/${r.id}`}
        testId="outages-table"
        rowTestId="outage-row"
        empty={<EmptyState title={t("outages.empty")} />}
      />
    </Card>
  );
}
