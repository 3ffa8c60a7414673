"use client";
// The ISP's employees (no salaries or identity numbers in the list); a row opens the record.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import type { TEmployeeSummary } from "@/server/modules/hr/hr.schema";

export function EmployeeList({ canManage }: { canManage: boolean }) {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const format = useFormat();
  const list = useQuery(trpc.hr.employees.list.queryOptions());
  const col = dataTableColumns<TEmployeeSummary>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", { header: t("fields.name"), enableSorting: true, meta: { card: "title" } }),
        col.accessor((e) => `${e.position} · ${e.department}`, { id: "job", header: t("fields.position"), meta: { card: "subtitle" } }),
        col.accessor("employeeNo", { header: t("fields.employeeNo"), meta: { className: "font-mono text-xs" } }),
        col.accessor("joinDate", { header: t("fields.joinDate"), cell: (c) => format.calendarDate(c.getValue()) }),
        col.accessor("shiftName", { header: t("fields.shift"), cell: (c) => c.getValue() ?? "—" }),
        col.accessor("active", {
          header: t("fields.status"),
          meta: { card: "badge" },
          cell: (c) => {
            const { active, endDate } = c.row.original;
            if (endDate) return <Badge tone={active ? "warning" : "neutral"}>{t("leaving", { date: format.calendarDate(endDate) })}</Badge>;
            return <Badge tone={active ? "success" : "neutral"}>{active ? t("active") : t("inactive")}</Badge>;
          },
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format],
  );
  return (
    <Card>
      <ErrorAlert error={list.error} title={t("couldNotLoad")} />
      <DataTable
        data={list.data ?? []}
        columns={columns}
        getRowId={(r) => r.id}
        caption={t("employees.caption")}
        loading={list.isPending}
        testId="employees-table"
        rowTestId="employee-row"
        rowHref={(r) => `/employees/${r.id}`}
        empty={<EmptyState title={t("employees.empty")} action={canManage ? <ButtonLink href="/employees/new" variant="primary">{t("employees.add")}</ButtonLink> : undefined} />}
      />
    </Card>
  );
}
