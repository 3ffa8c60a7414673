"use client";
// Sends the test message to a number the owner types, at once, through the provider chosen,
// and says what the provider answered (so a wrong token or a disconnected device shows here).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { WHATSAPP_PROVIDERS, ZSendTestInput } from "@/server/modules/notifications/notifications.schema";

export function TestMessageCard() {
  const t = useTranslations("notifications.test");
  const providers = useTranslations("notifications.providers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZSendTestInput, { defaultValues: { phone: "", provider: undefined } });
  const send = useMutation(
    trpc.notifications.sendTest.mutationOptions({
      onError: (error) => setServerErrors(form, error),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.messages.pathKey() }),
    }),
  );
  const { errors } = form.formState;
  return (
    <Card title={t("title")}>
      <form onSubmit={form.handleSubmit((values) => send.mutate(values))} className="space-y-3" noValidate data-testid="whatsapp-test">
        <p className="text-sm text-slate-600">{t("description")}</p>
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <Field label={t("phone")} error={errors.phone?.message} required>
            <Input type="tel" inputMode="tel" autoComplete="tel" placeholder="0812 3456 7890" {...form.register("phone")} />
          </Field>
          <Field label={t("provider")} error={errors.provider?.message}>
            <Select {...form.register("provider", { setValueAs: (v: string) => (v ? v : undefined) })}>
              <option value="">{t("primary")}</option>
              {WHATSAPP_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {providers(p)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Button type="submit" loading={send.isPending} className="w-full sm:w-auto">
          {t("send")}
        </Button>
        {send.data?.status === "sent" && (
          <Alert tone="success" testId="whatsapp-test-result">
            {t("sent", { provider: providers(send.data.provider) })}
          </Alert>
        )}
        {send.data?.status === "failed" && (
          <Alert tone="danger" testId="whatsapp-test-result">
            {t("failed", { provider: providers(send.data.provider), reason: send.data.reason ?? "" })}
          </Alert>
        )}
        <FormError form={form} error={send.error} />
      </form>
    </Card>
  );
}
