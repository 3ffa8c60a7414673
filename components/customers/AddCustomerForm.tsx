"use client";
// Adds a customer: the server gives the number (C-000042), normalises the phone to +62… and
// seals the KTP/NIK. The form validates with the server's own schema (ZCreateCustomerInput);
// what the server still refuses lands on its field.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { MANUAL_STATUSES, ZCreateCustomerInput, type TCustomerRow } from "@/server/modules/customers/customers.schema";

export function AddCustomerForm({ onCreated }: { onCreated: (row: TCustomerRow) => void | Promise<void> }) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const form = useZodForm(ZCreateCustomerInput, { defaultValues: { name: "", billingDay: 1, status: "prospect" } });
  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: async (row) => {
        form.reset();
        await onCreated(row);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const text = { setValueAs: optionalText };
  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="grid gap-3 sm:grid-cols-2" noValidate data-testid="add-customer-form">
      <Field label={t("fields.name")} error={errors.name?.message} required>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field label={t("fields.phone")} error={errors.phone?.message}>
        <Input type="tel" inputMode="tel" placeholder="0812-3456-7890" {...form.register("phone", text)} />
      </Field>
      <Field label={t("fields.address")} error={errors.address?.message} className="sm:col-span-2">
        <Input autoComplete="off" {...form.register("address", text)} />
      </Field>
      <Field label={t("fields.billingDay")} hint={t("fields.billingDayHint")} error={errors.billingDay?.message}>
        <Input type="number" inputMode="numeric" min={1} max={28} {...form.register("billingDay", { setValueAs: optionalNumber })} />
      </Field>
      <Field label={t("fields.status")} error={errors.status?.message}>
        <Select {...form.register("status")}>
          {MANUAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("fields.idNumber")} hint={t("fields.idNumberHint")} error={errors.idNumber?.message} className="sm:col-span-2">
        <Input inputMode="numeric" autoComplete="off" placeholder={t("fields.idNumberPlaceholder")} {...form.register("idNumber", text)} />
      </Field>
      <div className="sm:col-span-2">
        <FormError form={form} error={create.error} />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" variant="primary" loading={create.isPending} className="w-full sm:w-auto">
          {create.isPending ? t("add.submitting") : t("add.submit")}
        </Button>
      </div>
    </form>
  );
}
