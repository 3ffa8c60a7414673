"use client";
// Payroll runs of the ISP by month, a new run for a month, and the owner's monthly summary
// (totals, the month before, employer cost by department).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTimeZone, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { monthIn } from "@/components/ui/format";
import { Input } from "@/components/ui/Input";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import { DEFAULT_TIME_ZONE } from "@/i18n/locales";
import type { TRunSummary } from "@/server/modules/payroll/payroll.schema";
import { RunStatusBadge } from "./RunStatusBadge";

export function PayrollRuns() {
  const t = useTranslations("payroll");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const format = useFormat();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const [period, setPeriod] = useState(monthIn(timeZone));
  const runs = useQuery(trpc.payroll.runs.list.queryOptions());
  const summary = useQuery(trpc.payroll.summary.queryOptions({ period }));
  const create = useMutation(trpc.payroll.runs.create.mutationOptions({ onSuccess: async (run) => { await queryClient.invalidateQueries({ queryKey: trpc.payroll.runs.list.queryKey() }); router.push(`/payroll/${run.id}`); } }));
  const existing = runs.data?.find((r) => r.period === period);
  const col = dataTableColumns<TRunSummary>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("period", { header: t("fields.period"), meta: { card: "title" }, cell: (c) => format.month(c.getValue()) }),
        col.accessor((r) => r.totals.employees, { id: "employees", header: t("fields.employees") }),
        col.accessor((r) => r.totals.takeHomeIdr, { id: "takeHome", header: t("fields.takeHome"), meta: { card: "subtitle" }, cell: (c) => format.money(c.getValue()) }),
        col.accessor((r) => r.totals.employerCostIdr, { id: "cost", header: t("fields.employerCost"), cell: (c) => format.money(c.getValue()) }),
        col.accessor("status", { header: t("fields.status"), meta: { card: "badge" }, cell: (c) => <RunStatusBadge status={c.getValue()} /> }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format],
  );
  const s = summary.data?.run?.totals;
  const prev = summary.data?.previous?.totals;
  return (
    <div className="space-y-4">
      <Card title={t("runs.newTitle")}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label={t("fields.period")} className="sm:w-56">
            <Input type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value)} data-testid="run-period" />
          </Field>
          {existing ? (
            <Button className="min-h-11" onClick={() => router.push(`/payroll/${existing.id}`)}>{t("runs.open")}</Button>
          ) : (
            <Button variant="primary" className="min-h-11" loading={create.isPending} onClick={() => create.mutate({ period })} data-testid="run-create">{t("runs.create")}</Button>
          )}
        </div>
        <ErrorAlert error={create.error} title={t("runs.createFailed")} className="mt-3" />
      </Card>
      <Card title={t("summary.title", { month: format.month(period) })}>
        <ErrorAlert error={summary.error} title={t("couldNotLoad")} />
        {s ? (
          <>
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              <StatCard label={t("fields.employees")} value={format.count(s.employees)} />
              <StatCard label={t("fields.takeHome")} value={format.money(s.takeHomeIdr)} hint={prev ? t("summary.before", { amount: format.money(prev.takeHomeIdr) }) : undefined} />
              <StatCard label={t("fields.pph21")} value={format.money(s.pph21Idr)} />
              <StatCard label={t("fields.employerCost")} value={format.money(s.employerCostIdr)} hint={prev ? t("summary.before", { amount: format.money(prev.employerCostIdr) }) : undefined} />
            </div>
            <dl className="mt-3 divide-y divide-slate-100 text-sm">
              {summary.data!.byDepartment.map((d) => (
                <div key={d.department} className="flex justify-between py-1.5"><dt>{t("summary.department", { department: d.department, count: d.employees })}</dt><dd className="tabular-nums">{format.money(d.employerCostIdr)}</dd></div>
              ))}
            </dl>
          </>
        ) : (
          <p className="text-sm text-slate-600">{t("summary.noRun")}</p>
        )}
      </Card>
      <Card title={t("runs.title")}>
        <ErrorAlert error={runs.error} title={t("couldNotLoad")} />
        <DataTable data={runs.data ?? []} columns={columns} getRowId={(r) => r.id} caption={t("runs.title")} loading={runs.isPending} testId="runs-table" rowTestId="run-row" rowHref={(r) => `/payroll/${r.id}`} empty={<EmptyState title={t("runs.none")} />} />
      </Card>
    </div>
  );
}
