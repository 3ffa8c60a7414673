"use client";
// Changing the own password ends every session, this one too: the user signs in again.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { v } from "@/i18n/keys";
import { ZChangePasswordInput } from "@/server/modules/identity/account.schema";
import { useAccountApi, type AccountScope } from "./account-api";

/** The server's input plus the repeated new password, checked here only. */
const ZChangePasswordForm = ZChangePasswordInput.extend({ repeatPassword: ZChangePasswordInput.shape.newPassword }).refine((f) => f.newPassword === f.repeatPassword, {
  path: ["repeatPassword"],
  message: v("account.validation.passwordsDiffer"),
});

export function ChangePasswordCard({ scope }: { scope?: AccountScope }) {
  const t = useTranslations("account.password");
  const account = useAccountApi(scope);
  const router = useRouter();
  const form = useZodForm(ZChangePasswordForm, { defaultValues: { currentPassword: "", newPassword: "", repeatPassword: "" } });
  const change = useMutation(account.changePassword.mutationOptions({ onSuccess: () => router.replace("/login"), onError: (e) => setServerErrors(form, e) }));
  const { errors } = form.formState;

  return (
    <Card title={t("title")}>
      <form onSubmit={form.handleSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }))} className="space-y-3" noValidate>
        <Field label={t("current")} error={errors.currentPassword?.message}>
          <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
        </Field>
        <Field label={t("new")} hint={t("newHint")} error={errors.newPassword?.message}>
          <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
        </Field>
        <Field label={t("repeat")} error={errors.repeatPassword?.message}>
          <Input type="password" autoComplete="new-password" {...form.register("repeatPassword")} />
        </Field>
        <p className="text-xs text-slate-500">{t("note")}</p>
        <FormError form={form} error={change.error} />
        <Button type="submit" variant="primary" loading={change.isPending}>
          {change.isPending ? t("submitting") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
