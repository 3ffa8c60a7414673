"use client";
// Two-factor sign-in: set-up (QR code or typed secret, then a code), recovery codes shown
// once, new recovery codes, and turning it off (refused while it is mandatory: the ISP requires
// it of staff, or an operator in production).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Image from "next/image";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { ZConfirmTwoFactorInput, ZDisableTwoFactorInput, ZRegenerateRecoveryCodesInput, type TTwoFactorBegin } from "@/server/modules/identity/account.schema";
import { useAccountApi, type AccountApi, type AccountScope } from "./account-api";
import { CopyButton } from "./CopyButton";
import { RecoveryCodesPanel } from "./RecoveryCodesPanel";

export function TwoFactorCard({ scope }: { scope?: AccountScope }) {
  const t = useTranslations("account.twoFactor");
  const format = useFormat();
  const account = useAccountApi(scope);
  const queryClient = useQueryClient();
  const router = useRouter();
  const status = useQuery(account.twoFactor.status.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);
  const [mode, setMode] = useState<"idle" | "disable" | "regenerate">("idle");

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: account.twoFactor.status.queryKey() });
    router.refresh(); // the layout's banner and redirect read the session again
  };
  const begin = useMutation(account.twoFactor.begin.mutationOptions());

  const data = status.data;
  return (
    <Card title={t("title")} action={data && <Badge tone={data.enabled ? "success" : "warning"}>{data.enabled ? t("on") : t("off")}</Badge>}>
      {status.isPending && <Skeleton className="h-20" />}
      <ErrorAlert error={status.error} title={t("couldNotLoad")} />
      {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />}

      {data && !data.enabled && !codes && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t("intro")}</p>
          {!begin.data ? (
            <>
              <Button variant="primary" onClick={() => begin.mutate()} loading={begin.isPending}>
                {begin.isPending ? t("preparing") : t("setUp")}
              </Button>
              <ErrorAlert error={begin.error} />
            </>
          ) : (
            <EnrollStep
              account={account}
              setup={begin.data}
              onEnabled={async (recoveryCodes) => {
                setCodes(recoveryCodes);
                begin.reset();
                await refresh();
              }}
              onCancel={() => begin.reset()}
            />
          )}
        </div>
      )}

      {data?.enabled && !codes && (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            {data.enabledAt && t("enabledSince", { date: format.dateTime(data.enabledAt) })}{" "}
            <span data-testid="recovery-codes-left" data-count={data.recoveryCodesLeft}>
              {t("codesLeft", { count: data.recoveryCodesLeft })}
            </span>
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setMode(mode === "regenerate" ? "idle" : "regenerate")}>{t("newCodes")}</Button>
            {!data.requiredReason && <Button onClick={() => setMode(mode === "disable" ? "idle" : "disable")}>{t("turnOff")}</Button>}
          </div>
          {data.requiredReason && <p className="text-sm text-slate-500">{t(data.requiredReason)}</p>}
          {mode === "regenerate" && (
            <RegenerateForm
              account={account}
              onDone={async (newCodes) => {
                setMode("idle");
                setCodes(newCodes);
                await refresh();
              }}
            />
          )}
          {mode === "disable" && !data.requiredReason && (
            <DisableForm
              account={account}
              onDone={async () => {
                setMode("idle");
                await refresh();
              }}
            />
          )}
        </div>
      )}
    </Card>
  );
}

function EnrollStep({ account, setup, onEnabled, onCancel }: { account: AccountApi; setup: TTwoFactorBegin; onEnabled: (codes: string[]) => Promise<void>; onCancel: () => void }) {
  const t = useTranslations("account.twoFactor");
  const common = useTranslations("common");
  const form = useZodForm(ZConfirmTwoFactorInput, { defaultValues: { code: "" } });
  const confirm = useMutation(account.twoFactor.confirm.mutationOptions({ onSuccess: (data) => onEnabled(data.recoveryCodes), onError: (e) => setServerErrors(form, e) }));
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("scanStep")}</li>
        <li>{t("codeStep")}</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        <Image src={setup.qrDataUrl} alt={t("qrAlt")} width={200} height={200} unoptimized className="rounded-lg border border-slate-200 bg-white" data-testid="totp-qr" />
        <div className="min-w-0 text-sm text-slate-600">
          <p>{t("cannotScan")}</p>
          <p className="mt-1 break-all rounded-md bg-slate-100 px-2 py-1 font-mono text-slate-900" data-testid="totp-secret">
            {setup.secret}
          </p>
          <CopyButton value={setup.secret} label={t("copyKey")} className="mt-2" />
        </div>
      </div>
      <form onSubmit={form.handleSubmit((values) => confirm.mutate(values))} className="space-y-3" noValidate>
        <Field label={t("appCode")} error={form.formState.errors.code?.message} className="max-w-48">
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={7} placeholder="123456" className="font-mono tracking-widest" {...form.register("code")} />
        </Field>
        <FormError form={form} error={confirm.error} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" loading={confirm.isPending}>
            {confirm.isPending ? t("checking") : t("turnOn")}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {common("cancel")}
          </Button>
        </div>
      </form>
    </div>
  );
}

function RegenerateForm({ account, onDone }: { account: AccountApi; onDone: (codes: string[]) => void }) {
  const t = useTranslations("account.twoFactor");
  const form = useZodForm(ZRegenerateRecoveryCodesInput, { defaultValues: { code: "" } });
  const regenerate = useMutation(account.twoFactor.regenerateRecoveryCodes.mutationOptions({ onSuccess: (data) => onDone(data.recoveryCodes), onError: (e) => setServerErrors(form, e) }));
  return (
    <form className="space-y-3 rounded-lg border border-slate-200 p-3" onSubmit={form.handleSubmit((values) => regenerate.mutate(values))} noValidate>
      <p className="text-sm text-slate-600">{t("regenerateNote")}</p>
      <Field label={t("codeOrRecovery")} error={form.formState.errors.code?.message}>
        <Input autoComplete="one-time-code" {...form.register("code")} />
      </Field>
      <FormError form={form} error={regenerate.error} />
      <Button type="submit" variant="primary" loading={regenerate.isPending}>
        {regenerate.isPending ? t("makingCodes") : t("makeCodes")}
      </Button>
    </form>
  );
}

function DisableForm({ account, onDone }: { account: AccountApi; onDone: () => void }) {
  const t = useTranslations("account.twoFactor");
  const form = useZodForm(ZDisableTwoFactorInput, { defaultValues: { password: "", code: "" } });
  const disable = useMutation(account.twoFactor.disable.mutationOptions({ onSuccess: () => onDone(), onError: (e) => setServerErrors(form, e) }));
  const { errors } = form.formState;
  return (
    <form className="space-y-3 rounded-lg border border-red-200 p-3" onSubmit={form.handleSubmit((values) => disable.mutate(values))} noValidate>
      <p className="text-sm text-slate-600">{t("disableNote")}</p>
      <Field label={t("password")} error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <Field label={t("codeOrRecovery")} error={errors.code?.message}>
        <Input autoComplete="one-time-code" {...form.register("code")} />
      </Field>
      <FormError form={form} error={disable.error} />
      <Button type="submit" variant="danger" loading={disable.isPending}>
        {disable.isPending ? t("disabling") : t("disable")}
      </Button>
    </form>
  );
}
