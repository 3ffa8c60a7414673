"use client";
// Giving customers to collectors: tick customers (or every customer of an ODP) and assign them,
// or give a whole area at once. A customer has one collector at a time; moving them ends the
// old assignment, which stays in the history.
import { useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CustomerNameCell } from "@/components/customers/CustomerNameCell";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { SearchBox } from "@/components/ui/SearchBox";
import { Select } from "@/components/ui/Select";
import { useFormat } from "@/components/ui/use-format";
import type { TAssignmentRow, TAssignResult } from "@/server/modules/collections/collections.schema";

type Show = "all" | "unassigned" | string;

export function CollectorAssignments() {
  const t = useTranslations("collections.assign");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [show, setShow] = useState<Show>("all");
  const [selected, setSelected] = useState<Record<string, true>>({});
  const [collectorId, setCollectorId] = useState("");
  const [area, setArea] = useState("");
  const [done, setDone] = useState<TAssignResult | { ended: number } | null>(null);
  const collectors = useQuery(trpc.collections.collectors.queryOptions());
  const filter = { ...(search.trim() ? { search: search.trim() } : {}), ...(show === "unassigned" ? { unassigned: true } : show !== "all" ? { collectorId: show } : {}) };
  const rows = useQuery(trpc.collections.assignments.queryOptions(filter));
  const everyone = useQuery(trpc.collections.assignments.queryOptions({}));
  const areas = useMemo(() => [...new Set((everyone.data ?? []).map((r) => r.area).filter((a): a is string => Boolean(a)))].sort(), [everyone.data]);
  const odps = useMemo(() => [...new Set((rows.data ?? []).map((r) => r.odpCode).filter((o): o is string => Boolean(o)))].sort(), [rows.data]);
  const ids = Object.keys(selected);
  const settle = async (result: TAssignResult | { ended: number }) => {
    setDone(result);
    setSelected({});
    await queryClient.invalidateQueries({ queryKey: trpc.collections.pathKey() });
  };
  const assign = useMutation(trpc.collections.assign.mutationOptions({ onSuccess: settle }));
  const unassign = useMutation(trpc.collections.unassign.mutationOptions({ onSuccess: settle }));
  const busy = assign.isPending || unassign.isPending;
  const active = (collectors.data ?? []).filter((c) => c.active);

  const col = dataTableColumns<TAssignmentRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("customerName", {
          header: t("customer"),
          meta: { card: "title" },
          cell: (c) => <CustomerNameCell name={c.getValue()} code={c.row.original.customerCode} />,
        }),
        col.accessor("area", { header: t("area"), meta: { card: "subtitle" }, cell: (c) => [c.getValue(), c.row.original.odpCode].filter(Boolean).join(" · ") || "—" }),
        col.accessor("collectorName", { header: t("collector"), cell: (c) => c.getValue() ?? t("nobody") }),
        col.accessor("assignedAt", { header: t("since"), cell: (c) => (c.getValue() ? format.date(c.getValue()!) : "—") }),
      ]),
    [col, t, format],
  );

  return (
    <div className="space-y-4">
      <ErrorAlert error={collectors.error ?? rows.error ?? assign.error ?? unassign.error} title={t("failed")} />
      {done && (
        <Alert tone="success" testId="assign-result">
          {"ended" in done ? t("ended", { count: done.ended }) : t("assigned", { assigned: done.assigned, moved: done.moved, unchanged: done.unchanged })}
        </Alert>
      )}
      <Card title={t("toWhom")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("collector")}>
            <Select value={collectorId} onChange={(e) => setCollectorId(e.target.value)} data-testid="assign-collector">
              <option value="">{t("pickCollector")}</option>
              {active.map((c) => (
                <option key={c.id} value={c.id}>
                  {t("collectorOption", { name: c.name, count: c.customers })}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex flex-wrap items-end gap-2">
            <Button variant="primary" disabled={!collectorId || ids.length === 0} loading={assign.isPending} onClick={() => !busy && assign.mutate({ collectorId, customerIds: ids })} data-testid="assign-selected">
              {t("assignSelected", { count: ids.length })}
            </Button>
            <Button disabled={ids.length === 0} loading={unassign.isPending} onClick={() => !busy && unassign.mutate({ customerIds: ids })}>
              {t("unassignSelected", { count: ids.length })}
            </Button>
          </div>
          <Field label={t("wholeArea")} hint={t("wholeAreaHint")}>
            <Select value={area} onChange={(e) => setArea(e.target.value)}>
              <option value="">{t("pickArea")}</option>
              {areas.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex items-end">
            <Button disabled={!collectorId || !area} loading={assign.isPending} onClick={() => !busy && assign.mutate({ collectorId, area })}>
              {t("assignArea")}
            </Button>
          </div>
        </div>
        {active.length === 0 && collectors.data && <p className="mt-3 text-sm text-slate-600">{t("noCollectors")}</p>}
      </Card>
      <div className="flex flex-wrap items-end gap-3">
        <SearchBox label={t("search")} value={search} onChange={setSearch} placeholder={t("searchPlaceholder")} className="w-full sm:w-72" />
        <Field label={t("show")} hideLabel className="w-full sm:w-56">
          <Select value={show} onChange={(e) => setShow(e.target.value)} data-testid="assign-show">
            <option value="all">{t("showAll")}</option>
            <option value="unassigned">{t("showUnassigned")}</option>
            {(collectors.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        {odps.length > 0 && (
          <Field label={t("selectOdp")} hideLabel className="w-full sm:w-56">
            <Select
              value=""
              onChange={(e) => {
                const code = e.target.value;
                if (code) setSelected(Object.fromEntries((rows.data ?? []).filter((r) => r.odpCode === code).map((r) => [r.customerId, true as const])));
              }}
            >
              <option value="">{t("selectOdp")}</option>
              {odps.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <DataTable
        data={rows.data ?? []}
        columns={columns}
        getRowId={(r) => r.customerId}
        caption={t("caption")}
        loading={rows.isPending}
        selection={{ selected, onChange: setSelected }}
        rowTestId="assign-row"
        empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>}
      />
    </div>
  );
}
