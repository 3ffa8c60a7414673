"use client";
// Adds or edits an employee on the server's schema (ZCreateEmployeeInput / ZUpdateEmployeeInput):
// identity and tax (NIK, NPWP, PTKP), job (position, department, join and last working day, type, shift, staff
// user), bank account, BPJS, base salary, recurring allowances and deductions, leave days.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { EMPLOYMENT_TYPES, JKK_RISK_CLASSES, PTKP_STATUSES, ZUpdateEmployeeInput, type TEmployee } from "@/server/modules/hr/hr.schema";

const EMPTY = {
  userId: null, shiftId: null, employeeNo: "", name: "", nik: "", npwp: null, ptkpStatus: "TK/0" as const, position: "", department: "", joinDate: "", endDate: null,
  employmentType: "permanent" as const, bankName: "", bankAccount: "", bankAccountHolder: "", bpjsKesehatanNo: null, bpjsTkNo: null,
  bpjsKesehatan: true, bpjsKetenagakerjaan: true, bpjsPension: true, jkkRiskClass: "very_low" as const, baseSalaryIdr: 0, allowances: [], deductions: [], annualLeaveDays: 12,
};

// Creating uses the update schema with a placeholder id so one form serves both.
const NEW_ID = "00000000-0000-4000-8000-000000000000";

export function EmployeeForm({ employee, onSaved }: { employee?: TEmployee; onSaved: (id: string) => void }) {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const staff = useQuery(trpc.staff.list.queryOptions());
  const shifts = useQuery(trpc.hr.settings.shifts.queryOptions());
  const form = useZodForm(ZUpdateEmployeeInput, { defaultValues: employee ? { ...employee, id: employee.id } : { ...EMPTY, id: NEW_ID, active: true } });
  const allowances = useFieldArray({ control: form.control, name: "allowances" });
  const deductions = useFieldArray({ control: form.control, name: "deductions" });
  const callbacks = { onSuccess: (e: { id: string }) => onSaved(e.id), onError: (error: unknown) => setServerErrors(form, error) };
  const create = useMutation(trpc.hr.employees.create.mutationOptions(callbacks));
  const update = useMutation(trpc.hr.employees.update.mutationOptions(callbacks));
  const save = employee ? update : create;
  const { errors } = form.formState;
  const text = { setValueAs: optionalText };
  const num = { setValueAs: optionalNumber };
  const nullable = { setValueAs: (v: unknown) => (v === "" || v === undefined ? null : v) };
  const submit = form.handleSubmit(({ id, active, ...values }) => (employee ? update.mutate({ ...values, id, active }) : create.mutate(values)));

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="employee-form">
      <Card title={t("form.identity")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("fields.name")} error={errors.name?.message} required><Input autoComplete="off" {...form.register("name")} /></Field>
          <Field label={t("fields.employeeNo")} error={errors.employeeNo?.message} required><Input autoComplete="off" {...form.register("employeeNo")} /></Field>
          <Field label={t("fields.nik")} error={errors.nik?.message} required><Input inputMode="numeric" autoComplete="off" {...form.register("nik")} /></Field>
          <Field label={t("fields.npwp")} hint={t("form.npwpHint")} error={errors.npwp?.message}><Input inputMode="numeric" autoComplete="off" {...form.register("npwp", nullable)} /></Field>
          <Field label={t("fields.ptkp")} error={errors.ptkpStatus?.message} required>
            <Select {...form.register("ptkpStatus")}>{PTKP_STATUSES.map((p) => <option key={p} value={p}>{t(`ptkp.${p.replace("/", "_") as "TK_0"}`)}</option>)}</Select>
          </Field>
          <Field label={t("fields.user")} hint={t("form.userHint")} error={errors.userId?.message}>
            <Select {...form.register("userId", nullable)}>
              <option value="">{t("form.noUser")}</option>
              {(staff.data ?? []).map((u) => <option key={u.id} value={u.id}>{`${u.name} (${u.email})`}</option>)}
            </Select>
          </Field>
        </div>
      </Card>
      <Card title={t("form.job")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("fields.position")} error={errors.position?.message} required><Input {...form.register("position")} /></Field>
          <Field label={t("fields.department")} error={errors.department?.message} required><Input {...form.register("department")} /></Field>
          <Field label={t("fields.joinDate")} error={errors.joinDate?.message} required><Input type="date" {...form.register("joinDate")} /></Field>
          <Field label={t("fields.lastWorkingDay")} hint={t("form.endDateHint")} error={errors.endDate?.message}><Input type="date" {...form.register("endDate", nullable)} data-testid="employee-end-date" /></Field>
          <Field label={t("fields.employmentType")} error={errors.employmentType?.message}>
            <Select {...form.register("employmentType")}>{EMPLOYMENT_TYPES.map((e) => <option key={e} value={e}>{t(`employmentType.${e}`)}</option>)}</Select>
          </Field>
          <Field label={t("fields.shift")} error={errors.shiftId?.message}>
            <Select {...form.register("shiftId", nullable)}>
              <option value="">{t("form.noShift")}</option>
              {(shifts.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </Select>
          </Field>
          <Field label={t("fields.annualLeaveDays")} error={errors.annualLeaveDays?.message}><Input type="number" min={0} max={60} {...form.register("annualLeaveDays", num)} /></Field>
          {employee && <div className="sm:col-span-2"><Checkbox label={t("fields.active")} {...form.register("active")} /></div>}
        </div>
      </Card>
      <Card title={t("form.pay")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("fields.baseSalary")} error={errors.baseSalaryIdr?.message} required><Input type="number" inputMode="numeric" min={0} {...form.register("baseSalaryIdr", num)} /></Field>
          <Field label={t("fields.jkkRiskClass")} error={errors.jkkRiskClass?.message}>
            <Select {...form.register("jkkRiskClass")}>{JKK_RISK_CLASSES.map((j) => <option key={j} value={j}>{t(`jkk.${j}`)}</option>)}</Select>
          </Field>
          <Field label={t("fields.bankName")} error={errors.bankName?.message} required><Input {...form.register("bankName")} /></Field>
          <Field label={t("fields.bankAccount")} error={errors.bankAccount?.message} required><Input inputMode="numeric" autoComplete="off" {...form.register("bankAccount")} /></Field>
          <Field label={t("fields.bankAccountHolder")} error={errors.bankAccountHolder?.message} required className="sm:col-span-2"><Input {...form.register("bankAccountHolder")} /></Field>
        </div>
        <h3 className="mt-4 text-sm font-semibold">{t("form.allowances")}</h3>
        {allowances.fields.map((f, i) => (
          <div key={f.id} className="mt-2 grid grid-cols-[1fr_8rem] gap-2 sm:grid-cols-[1fr_10rem_auto_auto] sm:items-end">
            <Field label={t("fields.label")} error={errors.allowances?.[i]?.label?.message}><Input {...form.register(`allowances.${i}.label`)} /></Field>
            <Field label={t("fields.amount")} error={errors.allowances?.[i]?.amountIdr?.message}><Input type="number" min={0} {...form.register(`allowances.${i}.amountIdr`, num)} /></Field>
            <Checkbox label={t("fields.fixedAllowance")} {...form.register(`allowances.${i}.fixed`)} />
            <Button size="sm" variant="ghost" onClick={() => allowances.remove(i)}>{t("form.remove")}</Button>
          </div>
        ))}
        <Button size="sm" className="mt-2 min-h-11" onClick={() => allowances.append({ label: "", amountIdr: 0, fixed: true })}>{t("form.addAllowance")}</Button>
        <h3 className="mt-4 text-sm font-semibold">{t("form.deductions")}</h3>
        {deductions.fields.map((f, i) => (
          <div key={f.id} className="mt-2 grid grid-cols-[1fr_8rem] gap-2 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
            <Field label={t("fields.label")} error={errors.deductions?.[i]?.label?.message}><Input {...form.register(`deductions.${i}.label`)} /></Field>
            <Field label={t("fields.amount")} error={errors.deductions?.[i]?.amountIdr?.message}><Input type="number" min={0} {...form.register(`deductions.${i}.amountIdr`, num)} /></Field>
            <Button size="sm" variant="ghost" onClick={() => deductions.remove(i)}>{t("form.remove")}</Button>
          </div>
        ))}
        <Button size="sm" className="mt-2 min-h-11" onClick={() => deductions.append({ label: "", amountIdr: 0 })}>{t("form.addDeduction")}</Button>
      </Card>
      <Card title={t("form.bpjs")}>
        <div className="grid gap-3 sm:grid-cols-2">
          <Checkbox label={t("fields.bpjsKesehatan")} {...form.register("bpjsKesehatan")} />
          <Checkbox label={t("fields.bpjsKetenagakerjaan")} {...form.register("bpjsKetenagakerjaan")} />
          <Checkbox label={t("fields.bpjsPension")} {...form.register("bpjsPension")} />
          <span />
          <Field label={t("fields.bpjsKesehatanNo")} error={errors.bpjsKesehatanNo?.message}><Input inputMode="numeric" {...form.register("bpjsKesehatanNo", text)} /></Field>
          <Field label={t("fields.bpjsTkNo")} error={errors.bpjsTkNo?.message}><Input inputMode="numeric" {...form.register("bpjsTkNo", text)} /></Field>
        </div>
      </Card>
      <FormError form={form} error={save.error} />
      <Button type="submit" variant="primary" loading={save.isPending} className="min-h-11 w-full sm:w-auto" data-testid="employee-save">
        {employee ? t("form.save") : t("form.add")}
      </Button>
    </form>
  );
}
