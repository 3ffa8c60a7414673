"use client";
// A subscriber sets the password they may sign in with instead of a WhatsApp code.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { ZPortalSetPassword } from "@/server/modules/portal/portal.schema";

export function SetPortalPassword() {
  const t = useTranslations("portal.password");
  const trpc = useTRPC();
  const form = useZodForm(ZPortalSetPassword, { defaultValues: { password: "" } });
  const save = useMutation(trpc.portal.setPassword.mutationOptions({ onError: (e) => setServerErrors(form, e), onSuccess: () => form.reset({ password: "" }) }));
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="space-y-3" noValidate>
        <Field label={t("new")} error={form.formState.errors.password?.message}>
          <Input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
        <FormError form={form} error={save.error} />
        {save.isSuccess && <Alert tone="success">{t("saved")}</Alert>}
        <Button type="submit" loading={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      </form>
    </Card>
  );
}
