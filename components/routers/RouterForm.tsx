"use client";
// Adds or edits a router, on the server's own schemas (ZCreateRouterInput / ZUpdateRouterInput).
// "Test connection" tries the settings as typed before anything is saved (editing without a
// new password tests the saved router). The password and RADIUS secret are write-only: the
// server never sends them back, so editing leaves them empty ("keep the current one").
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import {
  DEFAULT_ROUTER_PORTS,
  ROUTER_MODES,
  ROUTER_TRANSPORTS,
  ZRouterFormInput,
  type TConnectionTestResult,
  type TRouter,
  type TRouterTransport,
} from "@/server/modules/routers/routers.schema";
import { ConnectionTestResult } from "./ConnectionTestResult";

type Props = { router?: TRouter; onSaved: (router: TRouter) => void | Promise<void> };

export function RouterForm({ router, onSaved }: Props) {
  const t = useTranslations("routers");
  const trpc = useTRPC();
  const editing = Boolean(router);
  const form = useZodForm(ZRouterFormInput, {
    defaultValues: router
      ? { id: router.id, name: router.name, host: router.host, transport: router.transport, port: router.port, username: router.username, password: null, radiusSecret: null, tlsVerify: router.tlsVerify, mode: router.mode, location: router.location, notes: router.notes }
      : { name: "", host: "", transport: "api", port: DEFAULT_ROUTER_PORTS.api, username: "", password: null, radiusSecret: null, tlsVerify: false, mode: "api", location: null, notes: null },
  });
  const [tested, setTested] = useState<TConnectionTestResult | null>(null);
  const callbacks = { onSuccess: (saved: TRouter) => onSaved(saved), onError: (error: unknown) => setServerErrors(form, error) };
  const create = useMutation(trpc.routers.create.mutationOptions(callbacks));
  const update = useMutation(trpc.routers.update.mutationOptions(callbacks));
  const save = editing ? update : create;
  const submit = form.handleSubmit(({ id, password, ...values }) => {
    if (id) update.mutate({ ...values, id, password });
    else create.mutate({ ...values, password: password ?? "" });
  });
  const test = useMutation(trpc.routers.testConnection.mutationOptions({ onSuccess: setTested, onError: (error) => setServerErrors(form, error) }));
  const { errors } = form.formState;
  const text = { setValueAs: optionalText };

  const runTest = () => {
    const values = form.getValues() as Record<string, unknown>;
    const password = typeof values.password === "string" ? values.password : "";
    setTested(null);
    if (router && !password) return test.mutate({ id: router.id });
    test.mutate({
      host: String(values.host ?? "").trim(),
      transport: values.transport as TRouterTransport,
      port: Number(values.port),
      username: String(values.username ?? "").trim(),
      password,
      tlsVerify: Boolean(values.tlsVerify),
    });
  };

  const onTransport = (next: TRouterTransport) => {
    const previous = form.getValues("transport") as TRouterTransport;
    // The port follows the transport while it is still the previous transport's default.
    if (Number(form.getValues("port")) === DEFAULT_ROUTER_PORTS[previous]) form.setValue("port", DEFAULT_ROUTER_PORTS[next]);
  };

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate data-testid="router-form">
      <Field label={t("fields.name")} hint={t("fields.nameHint")} error={errors.name?.message} required>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field label={t("fields.mode")} hint={t("fields.modeHint")} error={errors.mode?.message}>
        <Select {...form.register("mode")}>
          {ROUTER_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`mode.${mode}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("fields.host")} hint={t("fields.hostHint")} error={errors.host?.message} required>
        <Input autoComplete="off" inputMode="url" placeholder="192.168.88.1" {...form.register("host")} />
      </Field>
      <div className="grid grid-cols-[1fr_7rem] gap-3">
        <Field label={t("fields.transport")} error={errors.transport?.message}>
          <Select {...form.register("transport", { onChange: (event) => onTransport(event.target.value as TRouterTransport) })}>
            {ROUTER_TRANSPORTS.map((transport) => (
              <option key={transport} value={transport}>
                {t(`transport.${transport}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("fields.port")} error={errors.port?.message} required>
          <Input type="number" inputMode="numeric" min={1} max={65535} {...form.register("port", { setValueAs: optionalNumber })} />
        </Field>
      </div>
      <Field label={t("fields.username")} hint={t("fields.usernameHint")} error={errors.username?.message} required>
        <Input autoComplete="off" {...form.register("username")} />
      </Field>
      <Field label={t("fields.password")} hint={editing ? t("fields.passwordKeep") : undefined} error={errors.password?.message} required={!editing}>
        <Input type="password" autoComplete="new-password" {...form.register("password", text)} />
      </Field>
      <div className="sm:col-span-2">
        <Checkbox label={t("fields.tlsVerify")} hint={t("fields.tlsVerifyHint")} {...form.register("tlsVerify")} />
      </div>
      <Field label={t("fields.radiusSecret")} hint={editing && router?.hasRadiusSecret ? t("fields.radiusSecretKeep") : t("fields.radiusSecretHint")} error={errors.radiusSecret?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("radiusSecret", text)} />
      </Field>
      <Field label={t("fields.location")} error={errors.location?.message}>
        <Input autoComplete="off" {...form.register("location", text)} />
      </Field>
      <Field label={t("fields.notes")} error={errors.notes?.message} className="sm:col-span-2">
        <Textarea {...form.register("notes", text)} />
      </Field>
      {tested && (
        <div className="sm:col-span-2">
          <ConnectionTestResult result={tested} />
        </div>
      )}
      <div className="sm:col-span-2">
        <FormError form={form} error={save.error ?? test.error} />
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row">
        <Button type="submit" variant="primary" loading={save.isPending} className="w-full sm:w-auto">
          {save.isPending ? t("form.saving") : editing ? t("form.save") : t("form.add")}
        </Button>
        <Button onClick={runTest} loading={test.isPending} className="w-full sm:w-auto" data-testid="router-test-connection">
          {test.isPending ? t("test.running") : t("test.run")}
        </Button>
      </div>
    </form>
  );
}
