"use client";
// Adds a staff user; the server generates the first password and returns it once. The form
// validates with the server's own schema (ZCreateStaffInput); what the server still refuses
// (an email already taken) lands on its field.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { ZCreateStaffInput } from "@/server/modules/staff/staff.schema";
import type { StaffRole } from "./roles";

export function AddStaffForm({ roles, onCreated }: { roles: StaffRole[]; onCreated: (email: string, password: string) => void | Promise<void> }) {
  const t = useTranslations("staff.add");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const defaultRole = roles.includes("technician") ? "technician" : (roles[0] ?? "technician");
  const form = useZodForm(ZCreateStaffInput, { defaultValues: { name: "", email: "", role: defaultRole } });
  const create = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: async (data) => {
        form.reset({ name: "", email: "", role: form.getValues("role") });
        await onCreated(data.user.email, data.password);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  return (
    <Card title={t("title")}>
      <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="grid gap-3 sm:grid-cols-2" noValidate data-testid="add-staff-form">
        <Field label={t("name")} error={errors.name?.message} required>
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label={t("email")} error={errors.email?.message} required>
          <Input type="email" autoComplete="off" autoCapitalize="none" {...form.register("email")} />
        </Field>
        <Field label={t("role")} error={errors.role?.message}>
          <Select {...form.register("role")}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {common(`roles.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="sm:col-span-2">
          <FormError form={form} error={create.error} />
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" data-testid="add-staff-submit" variant="primary" loading={create.isPending} className="w-full sm:w-auto">
            {create.isPending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
