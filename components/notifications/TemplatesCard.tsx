"use client";
// The wording of each message kind, per language: the ISP's own text or the built-in one, the
// variables the kind may use (a tap inserts one), a live preview with sample data, and — for the
// Cloud API — the approved template's name and which variables fill its parameters in order.
// Saving an unknown variable is refused on the field (VALIDATION_FAILED), never sent blank.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { useDebouncedValue } from "@/components/ui/hooks";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales";
import { checkTemplate, MESSAGE_KINDS, type MessageKind } from "@/server/modules/notifications/message-templates";
import { ZCloudMappingInput, ZTemplateBodyInput, type TTemplateView } from "@/server/modules/notifications/notifications.schema";

export function TemplatesCard() {
  const t = useTranslations("notifications.templateEditor");
  const kinds = useTranslations("notifications.kinds");
  const trpc = useTRPC();
  const templates = useQuery(trpc.notifications.templates.queryOptions());
  const [kind, setKind] = useState<MessageKind>("invoice_issued");
  const [locale, setLocale] = useState<Locale>("id");
  const view = templates.data?.find((v) => v.kind === kind);
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      <div className="mb-3 grid gap-3 sm:grid-cols-2">
        <Field label={t("kind")}>
          <Select value={kind} onChange={(e) => setKind(e.target.value as MessageKind)} data-testid="template-kind">
            {MESSAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kinds(k)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("language")}>
          <Select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} data-testid="template-locale">
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {templates.isPending && <Skeleton className="h-48" />}
      <ErrorAlert error={templates.error} title={t("couldNotLoad")} />
      {view && <BodyEditor key={`${kind}:${locale}:${view.bodies[locale].body}`} view={view} locale={locale} />}
      {view && <CloudMappingEditor key={`cloud:${kind}:${view.cloud.name}:${view.cloud.parameters.join()}`} view={view} />}
    </Card>
  );
}

function BodyEditor({ view, locale }: { view: TTemplateView; locale: Locale }) {
  const t = useTranslations("notifications.templateEditor");
  const v = useTranslations("notifications.validation");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = view.bodies[locale];
  const form = useZodForm(ZTemplateBodyInput, { defaultValues: { kind: view.kind, locale, body: current.body } });
  const area = useRef<HTMLTextAreaElement | null>(null);
  const refresh = (data: TTemplateView) => queryClient.setQueryData(trpc.notifications.templates.queryKey(), (old: TTemplateView[] | undefined) => old?.map((x) => (x.kind === data.kind ? data : x)));
  const save = useMutation(trpc.notifications.saveTemplate.mutationOptions({ onSuccess: refresh, onError: (error) => setServerErrors(form, error) }));
  const reset = useMutation(trpc.notifications.resetTemplate.mutationOptions({ onSuccess: refresh }));
  const body = form.watch("body") ?? "";
  const settled = useDebouncedValue(body, 400);
  const problems = checkTemplate(view.kind, settled);
  const preview = useQuery(trpc.notifications.previewTemplate.queryOptions({ kind: view.kind, locale, body: settled }, { enabled: problems.length === 0, retry: false }));
  const register = form.register("body");

  const insert = (name: string) => {
    const el = area.current;
    const token = `{${name}}`;
    const at = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? at;
    form.setValue("body", body.slice(0, at) + token + body.slice(end), { shouldDirty: true, shouldValidate: true });
    requestAnimationFrame(() => el?.focus());
  };
  const problemText = problems[0] ? (problems[0].code === "UNKNOWN_VARIABLE" ? v("unknownVariable", { name: problems[0].name }) : problems[0].code === "STRAY_BRACE" ? v("strayBrace") : v("empty")) : null;

  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="space-y-3" noValidate data-testid="template-editor">
      <Field label={t("body")} hint={current.custom ? t("custom") : t("builtIn")} error={form.formState.errors.body?.message ?? problemText}>
        <Textarea
          rows={5}
          {...register}
          ref={(el) => {
            register.ref(el);
            area.current = el;
          }}
          data-testid="template-body"
        />
      </Field>
      <div>
        <p className="mb-1 text-xs font-medium text-slate-600">{t("variables")}</p>
        <div className="flex flex-wrap gap-2">
          {view.variables.map((name) => (
            <Button key={name} size="sm" variant="ghost" className="font-mono" onClick={() => insert(name)}>
              {`{${name}}`}
            </Button>
          ))}
        </div>
      </div>
      <div>
        <p className="mb-1 text-xs font-medium text-slate-600">{t("preview")}</p>
        <pre className="min-h-16 whitespace-pre-wrap break-words rounded-lg bg-emerald-50 p-3 font-sans text-sm text-slate-800" data-testid="template-preview">
          {problems.length === 0 ? (preview.data?.text ?? "") : ""}
        </pre>
      </div>
      <FormError form={form} error={save.error ?? reset.error} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" variant="primary" loading={save.isPending} className="w-full sm:w-auto" data-testid="template-save">
          {t("save")}
        </Button>
        {current.custom && (
          <Button onClick={() => reset.mutate({ kind: view.kind, locale })} loading={reset.isPending} className="w-full sm:w-auto">
            {t("reset")}
          </Button>
        )}
        {save.isSuccess && !form.formState.isDirty && (
          <span role="status" className="self-center text-sm text-emerald-700">
            {t("saved")}
          </span>
        )}
      </div>
    </form>
  );
}

function CloudMappingEditor({ view }: { view: TTemplateView }) {
  const t = useTranslations("notifications.templateEditor");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZCloudMappingInput, { defaultValues: { kind: view.kind, name: view.cloud.name, parameters: view.cloud.parameters } });
  const [text, setText] = useState(view.cloud.parameters.join(", "));
  useEffect(() => {
    form.setValue(
      "parameters",
      text
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
  }, [text, form]);
  const save = useMutation(
    trpc.notifications.saveCloudTemplate.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notifications.templates.queryKey(), (old: TTemplateView[] | undefined) => old?.map((x) => (x.kind === data.kind ? data : x))),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} className="mt-6 space-y-3 border-t border-slate-200 pt-4" noValidate data-testid="cloud-mapping">
      <h3 className="text-sm font-semibold text-slate-900">{t("cloudTitle")}</h3>
      <p className="text-sm text-slate-600">{t("cloudDescription")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("cloudName")} error={errors.name?.message}>
          <Input className="font-mono" autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label={t("cloudParameters")} hint={t("cloudParametersHint")} error={errors.parameters?.message ?? errors.parameters?.[0]?.message}>
          <Input className="font-mono" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </div>
      <FormError form={form} error={save.error} />
      <Button type="submit" loading={save.isPending} className="w-full sm:w-auto">
        {t("cloudSave")}
      </Button>
      {save.isSuccess && (
        <span role="status" className="ml-3 text-sm text-emerald-700">
          {t("saved")}
        </span>
      )}
    </form>
  );
}
