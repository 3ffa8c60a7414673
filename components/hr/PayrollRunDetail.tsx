"use client";
// One payroll run: its payslips, HR's entries on a draft's line (overtime, commission,
// corrections), and the steps draft → reviewed → locked (locking is final, behind a confirmation).
// Reviewed and locked runs export the bank-transfer list.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Dialog } from "@/components/ui/Dialog";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import { OVERTIME_SCHEMES } from "@/server/modules/payroll/payroll-rules";
import { ZSetLineInputsInput, type TPayslipView } from "@/server/modules/payroll/payroll.schema";
import { PayslipView } from "./PayslipView";
import { RunStatusBadge } from "./RunStatusBadge";

function LineInputs({ slip, onSaved }: { slip: TPayslipView; onSaved: () => void }) {
  const t = useTranslations("payroll");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const form = useZodForm(ZSetLineInputsInput, { defaultValues: { lineId: slip.lineId, ...slip.inputs } });
  const overtime = useFieldArray({ control: form.control, name: "overtime" });
  const adjustments = useFieldArray({ control: form.control, name: "adjustments" });
  const save = useMutation(trpc.payroll.runs.setLineInputs.mutationOptions({ onSuccess: () => { setOpen(false); onSaved(); }, onError: (e) => setServerErrors(form, e) }));
  const num = { setValueAs: optionalNumber };
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={setOpen} title={t("inputs.title", { name: slip.name })} trigger={<Button size="sm" className="min-h-11">{t("inputs.open")}</Button>}>
      <form onSubmit={form.handleSubmit((v) => save.mutate(v))} className="space-y-3" noValidate>
        <Field label={t("inputs.commission")} hint={t("inputs.commissionHint")} error={errors.commissionIdr?.message}><Input type="number" min={0} {...form.register("commissionIdr", num)} /></Field>
        <h3 className="text-sm font-semibold">{t("inputs.overtime")}</h3>
        {overtime.fields.map((f, i) => (
          <div key={f.id} className="grid grid-cols-[1fr_6rem_auto] items-end gap-2">
            <Field label={t("inputs.scheme")}><Select {...form.register(`overtime.${i}.scheme`)}>{OVERTIME_SCHEMES.map((s) => <option key={s} value={s}>{t(`scheme.${s}`)}</option>)}</Select></Field>
            <Field label={t("inputs.minutes")} error={errors.overtime?.[i]?.minutes?.message}><Input type="number" min={1} {...form.register(`overtime.${i}.minutes`, num)} /></Field>
            <Button size="sm" variant="ghost" onClick={() => overtime.remove(i)}>{t("inputs.remove")}</Button>
          </div>
        ))}
        <Button size="sm" className="min-h-11" onClick={() => overtime.append({ scheme: "workday", minutes: 60 })}>{t("inputs.addOvertime")}</Button>
        <h3 className="text-sm font-semibold">{t("inputs.adjustments")}</h3>
        <p className="text-xs text-slate-600">{t("inputs.adjustmentsHint")}</p>
        {adjustments.fields.map((f, i) => (
          <div key={f.id} className="grid grid-cols-[1fr_8rem_auto] items-end gap-2">
            <Field label={t("inputs.label")} error={errors.adjustments?.[i]?.label?.message}><Input {...form.register(`adjustments.${i}.label`)} /></Field>
            <Field label={t("inputs.amount")} error={errors.adjustments?.[i]?.amountIdr?.message}><Input type="number" {...form.register(`adjustments.${i}.amountIdr`, num)} /></Field>
            <Button size="sm" variant="ghost" onClick={() => adjustments.remove(i)}>{t("inputs.remove")}</Button>
          </div>
        ))}
        <Button size="sm" className="min-h-11" onClick={() => adjustments.append({ label: "", amountIdr: 0 })}>{t("inputs.addAdjustment")}</Button>
        <FormError form={form} error={save.error} />
        <Button type="submit" variant="primary" className="min-h-11 w-full" loading={save.isPending}>{t("inputs.save")}</Button>
      </form>
    </Dialog>
  );
}

export function PayrollRunDetail({ id }: { id: string }) {
  const t = useTranslations("payroll");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const run = useQuery(trpc.payroll.runs.get.queryOptions({ id }));
  const [openLine, setOpenLine] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.payroll.runs.get.queryKey({ id }) });
  const step = { onSuccess: refresh };
  const review = useMutation(trpc.payroll.runs.review.mutationOptions(step));
  const reopen = useMutation(trpc.payroll.runs.reopen.mutationOptions(step));
  const lock = useMutation(trpc.payroll.runs.lock.mutationOptions(step));
  const recompute = useMutation(trpc.payroll.runs.recompute.mutationOptions(step));
  if (run.error) return <ErrorAlert error={run.error} title={t("couldNotLoad")} />;
  if (run.isPending) return <Card><p className="text-sm text-slate-600">{t("loading")}</p></Card>;
  const r = run.data;
  return (
    <div className="space-y-4">
      <Card title={t("run.title", { month: format.month(r.period) })} action={<span data-testid="run-status"><RunStatusBadge status={r.status} /></span>}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <StatCard label={t("fields.employees")} value={format.count(r.totals.employees)} />
          <StatCard label={t("fields.gross")} value={format.money(r.totals.grossIdr)} />
          <StatCard label={t("fields.takeHome")} value={format.money(r.totals.takeHomeIdr)} />
          <StatCard label={t("fields.employerCost")} value={format.money(r.totals.employerCostIdr)} />
        </div>
        {r.status === "locked" && <Alert tone="info" className="mt-3" title={t("run.lockedTitle")}>{t("run.lockedHint")}</Alert>}
        <ErrorAlert error={review.error ?? reopen.error ?? lock.error ?? recompute.error} title={t("run.stepFailed")} className="mt-3" />
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {r.status === "draft" && (
            <>
              <Button className="min-h-11" loading={recompute.isPending} onClick={() => recompute.mutate({ id })}>{t("run.recompute")}</Button>
              <Button variant="primary" className="min-h-11" loading={review.isPending} onClick={() => review.mutate({ id })} data-testid="run-review">{t("run.review")}</Button>
            </>
          )}
          {r.status === "reviewed" && (
            <>
              <Button className="min-h-11" loading={reopen.isPending} onClick={() => reopen.mutate({ id })}>{t("run.reopen")}</Button>
              <ConfirmDialog
                trigger={<Button variant="primary" className="min-h-11" data-testid="run-lock">{t("run.lock")}</Button>}
                title={t("run.lockConfirmTitle", { month: format.month(r.period) })}
                description={t("run.lockConfirm", { count: r.totals.employees, amount: format.money(r.totals.takeHomeIdr) })}
                confirmLabel={t("run.lock")}
                tone="primary"
                onConfirm={() => lock.mutateAsync({ id }).then(() => undefined)}
                testId="run-lock-confirm"
              />
            </>
          )}
          {r.status !== "draft" && <ButtonLink href={`/api/payroll/${id}/bank-transfer`} className="min-h-11" data-testid="run-export">{t("run.export")}</ButtonLink>}
        </div>
      </Card>
      {r.lines.map((slip) => (
        <Card key={slip.lineId} title={`${slip.name} · ${slip.position}`} action={<span className="font-semibold tabular-nums">{format.money(slip.takeHomeIdr)}</span>}>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" className="min-h-11" onClick={() => setOpenLine(openLine === slip.lineId ? null : slip.lineId)}>{openLine === slip.lineId ? t("run.hideSlip") : t("run.showSlip")}</Button>
            {r.status === "draft" && <LineInputs slip={slip} onSaved={refresh} />}
          </div>
          {openLine === slip.lineId && <div className="mt-3"><PayslipView slip={slip} /></div>}
        </Card>
      ))}
    </div>
  );
}
