"use client";
// The routers of this ISP with their health: status (polled every minute), address and
// transport, RouterOS version, last seen. A row opens the router.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import type { TRouter } from "@/server/modules/routers/routers.schema";
import { RouterStatusBadge } from "./RouterStatusBadge";

export function RouterList({ canManage }: { canManage: boolean }) {
  const t = useTranslations("routers");
  const trpc = useTRPC();
  const format = useFormat();
  const routers = useQuery({ ...trpc.routers.list.queryOptions(), refetchInterval: 30_000 });
  const rows = useMemo(() => routers.data ?? [], [routers.data]);
  const down = rows.filter((r) => r.status === "down").length;
  const up = rows.filter((r) => r.status === "up").length;

  const col = dataTableColumns<TRouter>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", { header: t("fields.name"), enableSorting: true, meta: { card: "title" } }),
        col.accessor((r) => `${r.host}:${r.port}`, { id: "address", header: t("fields.address"), meta: { card: "subtitle", className: "font-mono text-xs text-slate-600" } }),
        col.accessor("transport", { header: t("fields.transport"), cell: (c) => t(`transport.${c.getValue()}`) }),
        col.accessor("version", { header: t("fields.version"), cell: (c) => c.getValue() ?? t("figures.none") }),
        col.accessor("lastSeenAt", { header: t("fields.lastSeen"), cell: (c) => (c.getValue() ? format.dateTime(c.getValue()!) : t("figures.never")) }),
        col.accessor("status", { header: t("fields.status"), meta: { card: "badge" }, cell: (c) => <RouterStatusBadge status={c.getValue()} /> }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format],
  );

  return (
    <div className="space-y-4">
      {rows.length > 0 && (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <StatCard label={t("summary.up")} value={format.count(up)} />
          <StatCard label={t("summary.down")} value={format.count(down)} emphasis={down > 0} valueTestId="routers-down-count" />
          <StatCard label={t("summary.total")} value={format.count(rows.length)} />
        </div>
      )}
      <Card>
        <ErrorAlert error={routers.error} title={t("list.couldNotLoad")} />
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(row) => row.id}
          caption={t("list.caption")}
          loading={routers.isPending}
          testId="routers-table"
          rowTestId="router-row"
          rowAttributes={(row) => ({ "data-name": row.name })}
          rowHref={(row) => `/routers/${row.id}`}
          empty={
            <EmptyState title={t("list.empty")} action={canManage ? <ButtonLink href="/routers/new" variant="primary">{t("list.add")}</ButtonLink> : undefined}>
              {canManage ? t("list.emptyHint") : undefined}
            </EmptyState>
          }
        />
      </Card>
    </div>
  );
}
