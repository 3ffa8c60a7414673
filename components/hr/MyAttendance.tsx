"use client";
// The staff member's own attendance, phone first: one big button to clock in (or out) with the
// phone's position and a selfie taken on the spot, today's times, and this month's days. A
// refused location or no selfie does not stop the clock-in: the day goes to HR for review.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTimeZone, useTranslations } from "next-intl";
import { DEFAULT_TIME_ZONE } from "@/i18n/locales";
import { useMemo, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Fact } from "@/components/ui/Fact";
import { monthIn } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";
import type { TAttendanceDay } from "@/server/modules/hr/hr.schema";
import { AttendanceFlags } from "./AttendanceFlags";
import { currentPosition, photoAsDataUrl } from "@/components/ui/photo";

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}.${String(minute % 60).padStart(2, "0")}`;

export function MyAttendance() {
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const period = monthIn(timeZone);
  const today = useQuery(trpc.hr.me.today.queryOptions());
  const month = useQuery(trpc.hr.me.attendance.queryOptions({ period }));
  const [selfie, setSelfie] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [result, setResult] = useState<TAttendanceDay | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.hr.me.today.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.hr.me.attendance.queryKey() })]);
  const done = { onSuccess: async (day: TAttendanceDay) => { setResult(day); setSelfie(null); await refresh(); } };
  const clockIn = useMutation(trpc.hr.me.clockIn.mutationOptions(done));
  const clockOut = useMutation(trpc.hr.me.clockOut.mutationOptions(done));
  const data = today.data;
  const open = data?.open ?? null;
  const action = open ? clockOut : clockIn;
  const canClockIn = !open && !data?.today?.clockInAt;

  const submit = async () => {
    setLocating(true);
    const position = await currentPosition();
    setLocating(false);
    action.mutate({ position, selfie });
  };

  const col = dataTableColumns<TAttendanceDay>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("workDate", { header: t("fields.workDate"), meta: { card: "title" }, cell: (c) => format.calendarDate(c.getValue()) }),
        col.accessor("clockInAt", { header: t("fields.clockIn"), cell: (c) => (c.getValue() ? format.time(c.getValue()!) : "—") }),
        col.accessor("clockOutAt", { header: t("fields.clockOut"), cell: (c) => (c.getValue() ? format.time(c.getValue()!) : "—") }),
        col.accessor("lateMinutes", { header: t("fields.late"), cell: (c) => (c.getValue() ? t("minutes", { count: c.getValue() }) : "—") }),
        col.accessor("review", { header: t("fields.review"), meta: { card: "badge" }, cell: (c) => <AttendanceFlags day={c.row.original} /> }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format],
  );

  if (today.isPending) return <Card><p className="text-sm text-slate-600">{t("loading")}</p></Card>;
  if (today.error) return <ErrorAlert error={today.error} title={t("couldNotLoad")} />;
  if (!data?.employee) return <EmptyState title={t("me.noRecord")}>{t("me.noRecordHint")}</EmptyState>;

  return (
    <div className="space-y-4">
      <Card title={t("me.todayTitle", { date: format.calendarDate(data.workDate) })}>
        <div className="grid grid-cols-2 gap-3 text-sm">
          <Fact label={t("fields.shift")}>{data.employee.shift ? `${data.employee.shift.name} (${hhmm(data.employee.shift.startMinute)}–${hhmm(data.employee.shift.endMinute)})` : t("me.noShift")}</Fact>
          <Fact label={t("fields.office")}>{data.office ? `${data.office.name ?? t("me.office")} · ${t("me.radius", { m: data.office.radiusM })}` : t("me.noOffice")}</Fact>
          <Fact label={t("fields.clockIn")}>
            <span data-testid="my-clock-in">{data.today?.clockInAt ? format.time(data.today.clockInAt) : "—"}</span>
          </Fact>
          <Fact label={t("fields.clockOut")}>{(open ?? data.today)?.clockOutAt ? format.time((open ?? data.today)!.clockOutAt!) : "—"}</Fact>
        </div>
        {(open || canClockIn) && (
          <div className="mt-4 space-y-3">
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              capture="user"
              className="hidden"
              data-testid="selfie-input"
              aria-label={t("me.takeSelfie")}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setSelfie(await photoAsDataUrl(file));
                e.target.value = "";
              }}
            />
            <div className="flex items-center gap-3">
              {selfie ? (
                // eslint-disable-next-line @next/next/no-img-element -- a data URL preview, not an optimisable asset
                <img src={selfie} alt={t("me.selfiePreview")} className="h-16 w-16 rounded-lg object-cover" />
              ) : null}
              <Button onClick={() => fileInput.current?.click()} className="min-h-11 flex-1" data-testid="take-selfie">
                {selfie ? t("me.retakeSelfie") : t("me.takeSelfie")}
              </Button>
            </div>
            {!selfie && <p className="text-xs text-slate-600">{t("me.selfieHint")}</p>}
            <Button variant="primary" onClick={submit} loading={locating || action.isPending} className="min-h-12 w-full text-base" data-testid={open ? "clock-out" : "clock-in"}>
              {locating ? t("me.locating") : open ? t("me.clockOut") : t("me.clockIn")}
            </Button>
            <ErrorAlert error={action.error} title={t("me.clockFailed")} />
          </div>
        )}
        {result && (
          <div className="mt-3">
            <Alert tone={result.flags.length ? "warning" : "success"} testId="clock-result" title={result.flags.length ? t("me.flaggedTitle") : t("me.savedTitle")}>
              {result.flags.length ? result.flags.map((f) => t(`flags.${f}`)).join(", ") : result.clockOutAt ? t("me.savedOut", { time: format.time(result.clockOutAt) }) : t("me.savedIn", { time: format.time(result.clockInAt!) })}
            </Alert>
          </div>
        )}
      </Card>
      <Card title={t("me.monthTitle", { month: format.month(period) })}>
        <ErrorAlert error={month.error} title={t("couldNotLoad")} />
        <DataTable data={month.data ?? []} columns={columns} getRowId={(r) => r.id} caption={t("me.monthTitle", { month: format.month(period) })} loading={month.isPending} testId="my-attendance-table" empty={<EmptyState title={t("me.noDays")} />} />
      </Card>
    </div>
  );
}
