"use client";
// HR settings: the office and its geofence radius (the position can be taken from this phone),
// grace minutes, the regional minimum wage, the THR month; and the work shifts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { FormActions } from "@/components/ui/FormActions";
import { FormError, optionalNumber, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { ZHrSettings, ZSaveShiftInput, type THrSettings, type TShift } from "@/server/modules/hr/hr.schema";
import { z } from "zod";
import { currentPosition } from "@/components/ui/photo";

const nullableNumber = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v)) };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const toMinute = (v: string) => {
  const [h, m] = v.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

function SettingsForm({ settings }: { settings: THrSettings }) {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZHrSettings, { defaultValues: settings });
  const save = useMutation(trpc.hr.settings.save.mutationOptions({ onSuccess: (s) => { form.reset(s); return queryClient.invalidateQueries({ queryKey: trpc.hr.settings.get.queryKey() }); }, onError: (e) => setServerErrors(form, e) }));
  const { errors } = form.formState;
  const here = async () => {
    const p = await currentPosition();
    if (p) {
      form.setValue("officeLat", Number(p.lat.toFixed(6)), { shouldDirty: true });
      form.setValue("officeLng", Number(p.lng.toFixed(6)), { shouldDirty: true });
    }
  };
  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="grid gap-3 sm:grid-cols-2">
      <Field label={t("settings.officeName")} error={errors.officeName?.message} className="sm:col-span-2"><Input {...form.register("officeName", { setValueAs: optionalText })} /></Field>
      <Field label={t("settings.officeLat")} error={errors.officeLat?.message}><Input type="number" step="any" {...form.register("officeLat", nullableNumber)} /></Field>
      <Field label={t("settings.officeLng")} error={errors.officeLng?.message}><Input type="number" step="any" {...form.register("officeLng", nullableNumber)} /></Field>
      <div className="sm:col-span-2"><Button className="min-h-11" onClick={here}>{t("settings.useHere")}</Button></div>
      <Field label={t("settings.radius")} error={errors.geofenceRadiusM?.message}><Input type="number" min={20} max={5000} {...form.register("geofenceRadiusM", { setValueAs: optionalNumber })} /></Field>
      <Field label={t("settings.grace")} error={errors.graceMinutes?.message}><Input type="number" min={0} max={120} {...form.register("graceMinutes", { setValueAs: optionalNumber })} /></Field>
      <Field label={t("settings.minimumWage")} hint={t("settings.minimumWageHint")} error={errors.minimumWageIdr?.message}><Input type="number" min={0} {...form.register("minimumWageIdr", { setValueAs: optionalNumber })} /></Field>
      <Field label={t("settings.thrMonth")} error={errors.thrMonth?.message}>
        <Select {...form.register("thrMonth", nullableNumber)}>
          <option value="">{t("settings.noThr")}</option>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => <option key={m} value={m}>{t(`months.m${m as 1}`)}</option>)}
        </Select>
      </Field>
      <Field label={t("settings.thrHoliday")} hint={t("settings.thrHolidayHint")} error={errors.thrHolidayDate?.message}><Input type="date" {...form.register("thrHolidayDate", { setValueAs: (v: unknown) => (v ? v : null) })} /></Field>
      <div className="sm:col-span-2"><FormError form={form} error={save.error} /></div>
      <div className="sm:col-span-2"><FormActions submitLabel={t("settings.save")} loading={save.isPending} savedMessage={save.isSuccess && !form.formState.isDirty ? t("settings.saved") : null} /></div>
    </form>
  );
}

const ZShiftForm = ZSaveShiftInput.omit({ startMinute: true, endMinute: true }).extend({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) });

function ShiftForm({ shift, onSaved }: { shift?: TShift; onSaved: () => void }) {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const form = useZodForm(ZShiftForm, { defaultValues: shift ? { id: shift.id, name: shift.name, start: toHhmm(shift.startMinute), end: toHhmm(shift.endMinute), weekdays: shift.weekdays } : { name: "", start: "08:00", end: "17:00", weekdays: [1, 2, 3, 4, 5] } });
  const save = useMutation(trpc.hr.settings.saveShift.mutationOptions({ onSuccess: () => { if (!shift) form.reset(); onSaved(); }, onError: (e) => setServerErrors(form, e) }));
  const { errors } = form.formState;
  const weekdays = form.watch("weekdays") ?? [];
  return (
    <form onSubmit={form.handleSubmit(({ start, end, ...v }) => save.mutate({ ...v, startMinute: toMinute(start), endMinute: toMinute(end) }))} noValidate className="grid gap-3 border-t border-slate-100 pt-3 sm:grid-cols-[1fr_7rem_7rem]">
      <Field label={t("settings.shiftName")} error={errors.name?.message}><Input {...form.register("name")} /></Field>
      <Field label={t("settings.shiftStart")} error={errors.start?.message}><Input type="time" {...form.register("start")} /></Field>
      <Field label={t("settings.shiftEnd")} error={errors.end?.message}><Input type="time" {...form.register("end")} /></Field>
      <div className="flex flex-wrap gap-3 sm:col-span-3">
        {WEEKDAYS.map((d) => (
          <Checkbox key={d} label={t(`weekdays.d${d}`)} checked={weekdays.includes(d)} onChange={(e) => form.setValue("weekdays", e.target.checked ? [...weekdays, d] : weekdays.filter((x) => x !== d), { shouldDirty: true })} />
        ))}
      </div>
      <div className="sm:col-span-3"><FormError form={form} error={save.error} /></div>
      <div className="sm:col-span-3"><Button type="submit" className="min-h-11" loading={save.isPending}>{shift ? t("settings.saveShift") : t("settings.addShift")}</Button></div>
    </form>
  );
}

export function HrSettingsForm() {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.hr.settings.get.queryOptions());
  const shifts = useQuery(trpc.hr.settings.shifts.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.hr.settings.shifts.queryKey() });
  return (
    <div className="space-y-4">
      <Card title={t("settings.title")}>
        <ErrorAlert error={settings.error} title={t("couldNotLoad")} />
        {settings.data && <SettingsForm settings={settings.data} />}
      </Card>
      <Card title={t("settings.shifts")}>
        <ErrorAlert error={shifts.error} title={t("couldNotLoad")} />
        {(shifts.data ?? []).map((s) => <ShiftForm key={s.id} shift={s} onSaved={refresh} />)}
        <ShiftForm onSaved={refresh} />
      </Card>
    </div>
  );
}
