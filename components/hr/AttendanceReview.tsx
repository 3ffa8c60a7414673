"use client";
// Attendance for HR: the month's recap per employee, and the days flagged for review (outside the
// fence, no position, no selfie) with the selfie, accept as is, or correct the times (audited).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTimeZone, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { z } from "zod";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { monthIn } from "@/components/ui/format";
import { Input } from "@/components/ui/Input";
import { useFormat } from "@/components/ui/use-format";
import { DEFAULT_TIME_ZONE } from "@/i18n/locales";
import { monthBounds } from "@/server/time/calendar-date";
import { ZReviewAttendanceInput, type TAttendanceDay, type TRecapRow } from "@/server/modules/hr/hr.schema";
import { AttendanceFlags } from "./AttendanceFlags";

function Selfie({ id }: { id: string }) {
  const trpc = useTRPC();
  const t = useTranslations("hr");
  const photo = useQuery(trpc.hr.attendance.photo.queryOptions({ id }));
  // eslint-disable-next-line @next/next/no-img-element -- a data URL from the server
  return photo.data ? <img src={photo.data} alt={t("review.selfie")} className="h-32 w-32 rounded-lg object-cover" /> : null;
}

const ZReviewForm = ZReviewAttendanceInput.extend({ clockIn: z.string().regex(/^(\d{2}:\d{2})?$/).optional(), clockOut: z.string().regex(/^(\d{2}:\d{2})?$/).optional() });

function ReviewDialog({ day, onDone }: { day: TAttendanceDay; onDone: () => void }) {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const form = useZodForm(ZReviewForm, { defaultValues: { id: day.id, decision: "accept", clockIn: "", clockOut: "", note: "" } });
  const review = useMutation(trpc.hr.attendance.review.mutationOptions({ onSuccess: () => { setOpen(false); onDone(); }, onError: (e) => setServerErrors(form, e) }));
  const submit = (decision: "accept" | "correct") =>
    form.handleSubmit((v) => review.mutate({ id: day.id, decision, note: v.note, ...(decision === "correct" ? { clockIn: v.clockIn || undefined, clockOut: v.clockOut || undefined } : {}) }))();
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen} title={t("review.title", { name: day.employeeName, date: format.calendarDate(day.workDate) })} trigger={<Button size="sm" className="min-h-11" data-testid="attendance-review">{t("review.open")}</Button>}>
      <div className="space-y-3">
        <AttendanceFlags day={day} />
        <p className="text-sm">{t("review.times", { in: day.clockInAt ? format.time(day.clockInAt) : "—", out: day.clockOutAt ? format.time(day.clockOutAt) : "—", distance: day.clockInDistanceM ?? "—" })}</p>
        <div className="flex gap-2">{day.clockInPhotoId && <Selfie id={day.clockInPhotoId} />}{day.clockOutPhotoId && <Selfie id={day.clockOutPhotoId} />}</div>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("review.correctIn")} error={errors.clockIn?.message}><Input type="time" {...form.register("clockIn")} /></Field>
          <Field label={t("review.correctOut")} error={errors.clockOut?.message}><Input type="time" {...form.register("clockOut")} /></Field>
        </div>
        <Field label={t("review.note")} error={errors.note?.message} required><Input {...form.register("note")} /></Field>
        <FormError form={form} error={review.error} />
        <div className="flex flex-col gap-2 sm:flex-row">
          <Button variant="primary" className="min-h-11" loading={review.isPending} onClick={() => submit("accept")}>{t("review.accept")}</Button>
          <Button className="min-h-11" loading={review.isPending} onClick={() => submit("correct")}>{t("review.correct")}</Button>
        </div>
      </div>
    </Dialog>
  );
}

export function AttendanceReview() {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const [period, setPeriod] = useState(monthIn(timeZone));
  const { from, to } = monthBounds(`${period}-01`);
  const recap = useQuery(trpc.hr.attendance.recap.queryOptions({ period }));
  const days = useQuery(trpc.hr.attendance.list.queryOptions({ from, to, onlyFlagged: false }));
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.hr.attendance.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.hr.attendance.recap.queryKey() })]);

  const rc = dataTableColumns<TRecapRow>();
  const recapColumns = useMemo(
    () =>
      rc.columns([
        rc.accessor("employeeName", { header: t("fields.name"), meta: { card: "title" } }),
        rc.accessor((r) => `${r.presentDays}/${r.scheduledDays}`, { id: "present", header: t("recap.present") }),
        rc.accessor((r) => (r.lateDays ? t("recap.lateValue", { days: r.lateDays, minutes: r.lateMinutes }) : "—"), { id: "late", header: t("recap.late") }),
        rc.accessor((r) => (r.earlyLeaveDays ? t("recap.lateValue", { days: r.earlyLeaveDays, minutes: r.earlyLeaveMinutes }) : "—"), { id: "early", header: t("recap.early") }),
        rc.accessor((r) => r.annualLeaveDays + r.sickDays, { id: "leave", header: t("recap.leave") }),
        rc.accessor("permissionDays", { header: t("recap.permission") }),
        rc.accessor("absentDays", { header: t("recap.absent") }),
        rc.accessor("flaggedDays", { header: t("recap.flagged"), meta: { card: "badge" } }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `rc` is a stateless helper
    [t],
  );
  const dc = dataTableColumns<TAttendanceDay>();
  const dayColumns = useMemo(
    () =>
      dc.columns([
        dc.accessor("employeeName", { header: t("fields.name"), meta: { card: "title" } }),
        dc.accessor("workDate", { header: t("fields.workDate"), meta: { card: "subtitle" }, cell: (c) => format.calendarDate(c.getValue()) }),
        dc.accessor("clockInAt", { header: t("fields.clockIn"), cell: (c) => (c.getValue() ? format.time(c.getValue()!) : "—") }),
        dc.accessor("clockOutAt", { header: t("fields.clockOut"), cell: (c) => (c.getValue() ? format.time(c.getValue()!) : "—") }),
        dc.accessor("review", { header: t("fields.review"), meta: { card: "badge" }, cell: (c) => <AttendanceFlags day={c.row.original} /> }),
        dc.display({ id: "actions", header: t("fields.actions"), cell: (c) => <ReviewDialog day={c.row.original} onDone={refresh} /> }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `dc` is a stateless helper
    [t, format],
  );
  const flagged = (days.data ?? []).filter((d) => d.review === "flagged");
  return (
    <div className="space-y-4">
      <Field label={t("recap.month")} className="max-w-xs">
        <Input type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value)} />
      </Field>
      <Card title={t("review.flaggedTitle", { count: flagged.length })}>
        <ErrorAlert error={days.error} title={t("couldNotLoad")} />
        <DataTable data={flagged} columns={dayColumns} getRowId={(r) => r.id} caption={t("review.flaggedCaption")} loading={days.isPending} testId="flagged-table" empty={<EmptyState title={t("review.noneFlagged")} />} />
      </Card>
      <Card title={t("recap.title", { month: format.month(period) })}>
        <ErrorAlert error={recap.error} title={t("couldNotLoad")} />
        <DataTable data={recap.data ?? []} columns={recapColumns} getRowId={(r) => r.employeeId} caption={t("recap.title", { month: format.month(period) })} loading={recap.isPending} testId="recap-table" empty={<EmptyState title={t("employees.empty")} />} />
      </Card>
      <Card title={t("review.allTitle")}>
        <DataTable data={days.data ?? []} columns={dayColumns} getRowId={(r) => r.id} caption={t("review.allTitle")} loading={days.isPending} testId="days-table" empty={<EmptyState title={t("me.noDays")} />} />
      </Card>
    </div>
  );
}
