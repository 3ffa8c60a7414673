"use client";
// The staff member's own leave: this year's annual balance, a request form (sick leave needs a
// document, a photo of the doctor's note will do), and their requests with HR's decisions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { StatCard } from "@/components/ui/StatCard";
import { Textarea } from "@/components/ui/Textarea";
import { ErrorAlert } from "@/components/ui/Alert";
import { useFormat } from "@/components/ui/use-format";
import { LEAVE_KINDS, ZRequestLeaveInput, type TLeaveRequest } from "@/server/modules/hr/hr.schema";
import { LeaveStatusBadge } from "./LeaveStatusBadge";
import { fileAsDataUrl, photoAsDataUrl } from "@/components/ui/photo";

export function MyLeave() {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const year = new Date().getFullYear();
  const mine = useQuery(trpc.hr.me.leave.queryOptions({ year }));
  const form = useZodForm(ZRequestLeaveInput, { defaultValues: { kind: "annual", startDate: "", endDate: "", reason: "", document: null } });
  const [docName, setDocName] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.hr.me.leave.queryKey() });
  const request = useMutation(trpc.hr.me.requestLeave.mutationOptions({ onSuccess: async () => { form.reset({ kind: "annual", startDate: "", endDate: "", reason: "", document: null }); setDocName(null); await refresh(); }, onError: (e) => setServerErrors(form, e) }));
  const cancel = useMutation(trpc.hr.me.cancelLeave.mutationOptions({ onSuccess: refresh }));
  const { errors } = form.formState;
  const kind = form.watch("kind");

  const col = dataTableColumns<TLeaveRequest>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("kind", { header: t("fields.leaveKind"), meta: { card: "title" }, cell: (c) => t(`leaveKind.${c.getValue()}`) }),
        col.accessor((r) => format.periodRange(r.startDate, r.endDate), { id: "dates", header: t("fields.dates"), meta: { card: "subtitle" } }),
        col.accessor("days", { header: t("fields.days"), cell: (c) => t("daysCount", { count: c.getValue() }) }),
        col.accessor("status", { header: t("fields.status"), meta: { card: "badge" }, cell: (c) => <LeaveStatusBadge status={c.getValue()} /> }),
        col.display({
          id: "actions",
          header: t("fields.actions"),
          cell: (c) => (c.row.original.status === "pending" ? <Button size="sm" onClick={() => cancel.mutate({ id: c.row.original.id })} loading={cancel.isPending && cancel.variables?.id === c.row.original.id}>{t("leave.cancel")}</Button> : c.row.original.decisionNote ?? "—"),
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format, cancel.isPending, cancel.variables],
  );

  const balance = mine.data?.balance;
  return (
    <div className="space-y-4">
      <ErrorAlert error={mine.error} title={t("couldNotLoad")} />
      {mine.data && !balance && <EmptyState title={t("me.noRecord")}>{t("me.noRecordHint")}</EmptyState>}
      {balance && (
        <div className="grid grid-cols-3 gap-3">
          <StatCard label={t("leave.entitled", { year })} value={format.count(balance.entitledDays)} />
          <StatCard label={t("leave.used")} value={format.count(balance.usedDays + balance.pendingDays)} />
          <StatCard label={t("leave.remaining")} value={format.count(balance.remainingDays)} valueTestId="leave-remaining" />
        </div>
      )}
      {balance && (
        <Card title={t("leave.requestTitle")}>
          <form onSubmit={form.handleSubmit((v) => request.mutate(v))} className="grid gap-3 sm:grid-cols-2" noValidate data-testid="leave-form">
            <Field label={t("fields.leaveKind")} error={errors.kind?.message} required>
              <Select {...form.register("kind")}>
                {LEAVE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`leaveKind.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label={t("fields.startDate")} error={errors.startDate?.message} required>
                <Input type="date" {...form.register("startDate")} />
              </Field>
              <Field label={t("fields.endDate")} error={errors.endDate?.message} required>
                <Input type="date" {...form.register("endDate")} />
              </Field>
            </div>
            <Field label={t("fields.reason")} error={errors.reason?.message} required className="sm:col-span-2">
              <Textarea {...form.register("reason")} />
            </Field>
            <Field label={t("fields.document")} hint={kind === "sick" ? t("leave.documentSick") : t("leave.documentOptional")} error={errors.document?.message} required={kind === "sick"} className="sm:col-span-2">
              <Input
                type="file"
                accept="image/*,application/pdf"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  setDocName(file.name);
                  form.setValue("document", file.type === "application/pdf" ? await fileAsDataUrl(file) : await photoAsDataUrl(file, 1600), { shouldValidate: true });
                }}
              />
            </Field>
            {docName && <p className="text-xs text-slate-600 sm:col-span-2">{docName}</p>}
            <div className="sm:col-span-2">
              <FormError form={form} error={request.error} />
            </div>
            <div className="sm:col-span-2">
              <Button type="submit" variant="primary" loading={request.isPending} className="min-h-11 w-full sm:w-auto" data-testid="leave-submit">
                {t("leave.submit")}
              </Button>
            </div>
          </form>
        </Card>
      )}
      {balance && (
        <Card title={t("leave.myRequests")}>
          <DataTable data={mine.data?.requests ?? []} columns={columns} getRowId={(r) => r.id} caption={t("leave.myRequests")} loading={mine.isPending} testId="my-leave-table" empty={<EmptyState title={t("leave.none")} />} />
        </Card>
      )}
    </div>
  );
}
