"use client";
// Work orders as a list or as a board by status, filters in the URL (status, kind, mine,
// overdue, view), today's work first. Technicians see only the orders assigned to them (the
// service decides), so for them "mine" is always on and there is no create button.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { useUrlFilters } from "@/components/ui/hooks";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { localDate } from "@/server/time/calendar-date";
import { formatWorkOrderNumber, WORK_ORDER_KINDS, type WorkOrderKind, type WorkOrderStatus } from "@/server/modules/workorders/work-order-rules";
import type { TWorkOrderRow } from "@/server/modules/workorders/workorders.schema";
import { WorkOrderStatusBadge } from "./WorkOrderBadges";

const STATUS_FILTERS = ["done", "cancelled", "all"] as const;
const VIEWS = ["board"] as const;
const BOARD_COLUMNS: WorkOrderStatus[] = ["open", "assigned", "on_the_way", "in_progress"];
const FILTER_KEYS = ["status", "kind", "mine", "overdue", "view"] as const;

const pick = <T extends string>(values: readonly T[], value: string): T | undefined => ((values as readonly string[]).includes(value) ? (value as T) : undefined);

export function WorkOrderList({ canManage }: { canManage: boolean }) {
  const t = useTranslations("workorders");
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const status: (typeof STATUS_FILTERS)[number] | "active" = pick(STATUS_FILTERS, filters.status) ?? "active";
  const kind = pick(WORK_ORDER_KINDS, filters.kind);
  const board = filters.view === "board" && status === "active";
  const input = { status, kind, mine: filters.mine === "1", overdue: filters.overdue === "1" };
  const orders = useQuery({ ...trpc.workOrders.list.queryOptions(input), refetchInterval: 60_000 });
  const rows = orders.data ?? [];
  const kindLabels = Object.fromEntries(WORK_ORDER_KINDS.map((k) => [k, t(`kind.${k}`)])) as Record<WorkOrderKind, string>;

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:flex lg:flex-wrap lg:items-end">
        <FilterSelect
          label={t("list.statusFilter")}
          value={status === "active" ? "" : status}
          onChange={(v) => setFilters({ status: v || null })}
          values={STATUS_FILTERS}
          labels={{ done: t("list.statuses.done"), cancelled: t("list.statuses.cancelled"), all: t("list.statuses.all") }}
          allLabel={t("list.statuses.active")}
          testId="workorders-status-filter"
          className="lg:w-56"
        />
        <FilterSelect label={t("list.kindFilter")} value={kind ?? ""} onChange={(v) => setFilters({ kind: v || null })} values={WORK_ORDER_KINDS} labels={kindLabels} allLabel={t("list.allKinds")} testId="workorders-kind-filter" className="lg:w-56" />
        {status === "active" && (
          <FilterSelect label={t("list.viewFilter")} value={board ? "board" : ""} onChange={(v) => setFilters({ view: v || null })} values={VIEWS} labels={{ board: t("list.views.board") }} allLabel={t("list.views.list")} testId="workorders-view" className="lg:w-56" />
        )}
        <div className="flex flex-wrap gap-x-4">
          {canManage && <Checkbox label={t("list.mine")} checked={input.mine} onChange={(e) => setFilters({ mine: e.target.checked ? "1" : null })} />}
          <Checkbox label={t("list.overdue")} checked={input.overdue} onChange={(e) => setFilters({ overdue: e.target.checked ? "1" : null })} />
        </div>
      </div>
      <ErrorAlert error={orders.error} title={t("list.couldNotLoad")} />
      {board ? <Board rows={rows} loading={orders.isPending} /> : <OrderTable rows={rows} loading={orders.isPending} canManage={canManage} />}
    </div>
  );
}

/** Today's work first: scheduled today (in the tenant's zone), earlier and still open, or past its SLA; then unscheduled; then later days. */
function todayFirst(rows: TWorkOrderRow[], timeZone: string, now = new Date()): Array<TWorkOrderRow & { today: boolean }> {
  const today = localDate(now, timeZone);
  const rank = (r: TWorkOrderRow) => (r.overdue || (r.scheduledAt !== null && localDate(new Date(r.scheduledAt), timeZone) <= today) ? 0 : r.scheduledAt === null ? 1 : 2);
  return rows.map((r, i) => ({ ...r, today: rank(r) === 0, i })).sort((a, b) => rank(a) - rank(b) || a.i - b.i);
}

function OrderTable({ rows: unsorted, loading, canManage }: { rows: TWorkOrderRow[]; loading: boolean; canManage: boolean }) {
  const t = useTranslations("workorders");
  const format = useFormat();
  const rows = useMemo(() => todayFirst(unsorted, format.timeZone), [unsorted, format.timeZone]);
  const col = dataTableColumns<TWorkOrderRow & { today: boolean }>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("title", {
          header: t("list.order"),
          meta: { card: "title" },
          cell: (c) => (
            <span>
              <span className="mr-1 font-mono text-xs text-slate-500">{formatWorkOrderNumber(c.row.original.number)}</span>
              {c.getValue()}
              {c.row.original.today && c.row.original.completedAt === null && (
                <Badge tone="brand" className="ml-1">
                  {t("list.today")}
                </Badge>
              )}
            </span>
          ),
        }),
        col.accessor("status", { header: t("list.status"), meta: { card: "badge" }, cell: (c) => <WorkOrderStatusBadge status={c.getValue()} overdue={c.row.original.overdue} /> }),
        col.accessor((r) => [r.customer?.name, r.address].filter(Boolean).join(" · ") || "—", { id: "site", header: t("list.site"), meta: { card: "subtitle" } }),
        col.accessor("kind", { header: t("list.kind"), cell: (c) => t(`kind.${c.getValue()}`) }),
        col.accessor((r) => r.scheduledAt ?? "", { id: "scheduled", header: t("list.scheduled"), sortFn: "text", cell: (c) => (c.row.original.scheduledAt ? format.dateTime(c.row.original.scheduledAt) : t("list.noSchedule")) }),
        col.accessor("dueAt", { header: t("list.due"), sortFn: "text", cell: (c) => format.dateTime(c.getValue()) }),
        col.accessor((r) => r.assignees.map((a) => a.name).join(", ") || t("list.unassigned"), { id: "assignees", header: t("list.assignees"), meta: { card: canManage ? "detail" : "hidden" } }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format, canManage],
  );
  return (
    <Card>
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        caption={t("list.caption")}
        loading={loading}
        rowHref={(r) => `/work-orders/${r.id}`}
        testId="workorders-table"
        rowTestId="workorder-row"
        empty={<EmptyState title={t("list.empty")}>{canManage ? t("list.emptyHintManage") : t("list.emptyHintField")}</EmptyState>}
      />
    </Card>
  );
}

/** Active orders in one column per status; each card opens the order. */
function Board({ rows, loading }: { rows: TWorkOrderRow[]; loading: boolean }) {
  const t = useTranslations("workorders");
  const format = useFormat();
  return (
    <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4" data-testid="workorders-board">
      {BOARD_COLUMNS.map((status) => {
        const inColumn = rows.filter((r) => r.status === status);
        return (
          <section key={status} className="min-w-0 rounded-xl border border-slate-200 bg-slate-50 p-3" aria-label={t(`status.${status}`)}>
            <h2 className="mb-2 flex items-center justify-between text-sm font-semibold text-slate-800">
              {t(`status.${status}`)}
              <span className="text-xs font-normal text-slate-500">{t("board.count", { count: inColumn.length })}</span>
            </h2>
            {loading ? (
              <Skeleton className="h-20 w-full" />
            ) : inColumn.length === 0 ? (
              <p className="py-4 text-center text-xs text-slate-500">{t("board.none")}</p>
            ) : (
              <ul className="space-y-2">
                {inColumn.map((r) => (
                  <li key={r.id}>
                    <Link href={`/work-orders/${r.id}`} className="block min-h-11 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm hover:border-brand-300 focus-visible:outline-2 focus-visible:outline-brand-600">
                      <span className="flex items-start justify-between gap-2">
                        <span className="min-w-0 font-medium text-slate-900">{r.title}</span>
                        {r.overdue && <WorkOrderStatusBadge status={r.status} overdue />}
                      </span>
                      <span className="mt-1 block truncate text-xs text-slate-500">
                        {formatWorkOrderNumber(r.number)} · {t(`kind.${r.kind}`)}
                        {r.customer ? ` · ${r.customer.name}` : ""}
                      </span>
                      <span className="mt-1 block text-xs text-slate-600">{r.scheduledAt ? format.dateTime(r.scheduledAt) : t("list.dueOn", { when: format.dateTime(r.dueAt) })}</span>
                      <span className="mt-1 block truncate text-xs text-slate-600">{r.assignees.map((a) => a.name).join(", ") || t("list.unassigned")}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
