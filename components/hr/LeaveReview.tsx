"use client";
// Leave requests for HR and the owner: pending ones first with approve / reject, then the year's.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import type { TLeaveRequest } from "@/server/modules/hr/hr.schema";
import { LeaveStatusBadge } from "./LeaveStatusBadge";

function DocumentButton({ id }: { id: string }) {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const doc = useQuery({ ...trpc.hr.leave.document.queryOptions({ id }), enabled: open });
  return (
    <Dialog open={open} onOpenChange={setOpen} title={t("leave.document")} trigger={<Button size="sm">{t("leave.document")}</Button>}>
      <ErrorAlert error={doc.error} title={t("couldNotLoad")} />
      {doc.data?.startsWith("data:application/pdf") ? (
        <a href={doc.data} download="dokumen.pdf" className="text-brand-700 underline">{t("leave.downloadPdf")}</a>
      ) : doc.data ? (
        // eslint-disable-next-line @next/next/no-img-element -- a data URL from the server
        <img src={doc.data} alt={t("leave.document")} className="max-h-[70vh] w-full object-contain" />
      ) : null}
    </Dialog>
  );
}

export function LeaveReview() {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const list = useQuery(trpc.hr.leave.list.queryOptions({ year: new Date().getFullYear() }));
  const decide = useMutation(trpc.hr.leave.decide.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.hr.leave.list.queryKey() }) }));
  const rows = useMemo(() => [...(list.data ?? [])].sort((a, b) => Number(b.status === "pending") - Number(a.status === "pending")), [list.data]);
  const col = dataTableColumns<TLeaveRequest>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("employeeName", { header: t("fields.name"), meta: { card: "title" } }),
        col.accessor((r) => `${t(`leaveKind.${r.kind}`)} · ${format.periodRange(r.startDate, r.endDate)}`, { id: "what", header: t("fields.leaveKind"), meta: { card: "subtitle" } }),
        col.accessor("days", { header: t("fields.days"), cell: (c) => t("daysCount", { count: c.getValue() }) }),
        col.accessor("reason", { header: t("fields.reason") }),
        col.accessor("status", { header: t("fields.status"), meta: { card: "badge" }, cell: (c) => <LeaveStatusBadge status={c.getValue()} /> }),
        col.display({
          id: "actions",
          header: t("fields.actions"),
          cell: (c) => {
            const r = c.row.original;
            return (
              <span className="flex flex-wrap gap-2">
                {r.hasDocument && <DocumentButton id={r.id} />}
                {r.status === "pending" && (
                  <>
                    <Button size="sm" variant="primary" className="min-h-11" data-testid="leave-approve" loading={decide.isPending && decide.variables?.id === r.id && decide.variables.decision === "approve"} onClick={() => decide.mutate({ id: r.id, decision: "approve", note: null })}>{t("leave.approve")}</Button>
                    <Button size="sm" variant="danger" className="min-h-11" onClick={() => decide.mutate({ id: r.id, decision: "reject", note: null })}>{t("leave.reject")}</Button>
                  </>
                )}
              </span>
            );
          },
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format, decide.isPending, decide.variables],
  );
  return (
    <Card>
      <ErrorAlert error={list.error ?? decide.error} title={t("couldNotLoad")} />
      <DataTable data={rows} columns={columns} getRowId={(r) => r.id} caption={t("leave.caption")} loading={list.isPending} testId="leave-table" rowTestId="leave-row" empty={<EmptyState title={t("leave.none")} />} />
    </Card>
  );
}
