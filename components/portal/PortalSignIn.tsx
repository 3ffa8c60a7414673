"use client";
// The subscribers' sign-in: customer number or WhatsApp number, then the 6-digit code sent to
// the WhatsApp number on file (portal.requestCode, checked by next-auth's "portal" provider),
// or that number + a password they set in the portal.
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { describeSignInError, type SignInError } from "@/components/auth/sign-in-errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { ZPortalCodeForm, ZPortalCodeRequest, ZPortalPasswordForm } from "@/server/modules/portal/portal.schema";

type Step = { kind: "login" } | { kind: "code"; challengeId: string; validMinutes: number; login: string } | { kind: "password" };

async function finish(credentials: Record<string, string>): Promise<SignInError | null> {
  const result = await signIn("portal", { ...credentials, redirect: false });
  if (result?.ok && !result.error) {
    // A full load: nothing cached for the previous visitor survives.
    window.location.replace(new URL("/portal", window.location.origin).href);
    await new Promise(() => undefined);
    return null;
  }
  return describeSignInError(result?.error ?? "INTERNAL");
}

function SignInErrorAlert({ error }: { error: SignInError | null }) {
  const t = useTranslations("portal.signIn.errors");
  if (!error) return null;
  const text = error.key === "locked" ? t("locked", { minutes: error.minutes }) : t(error.key === "badInput" || error.key === "unavailable" ? error.key : "invalid");
  return (
    <Alert tone="danger" code={error.code} hideCode>
      {text}
    </Alert>
  );
}

export function PortalSignIn() {
  const [step, setStep] = useState<Step>({ kind: "login" });
  if (step.kind === "code") return <CodeStep step={step} onBack={() => setStep({ kind: "login" })} />;
  if (step.kind === "password") return <PasswordStep onCode={() => setStep({ kind: "login" })} />;
  return <LoginStep onSent={(sent, login) => setStep({ kind: "code", ...sent, login })} onPassword={() => setStep({ kind: "password" })} />;
}

function LoginStep({ onSent, onPassword }: { onSent: (sent: { challengeId: string; validMinutes: number }, login: string) => void; onPassword: () => void }) {
  const t = useTranslations("portal.signIn");
  const trpc = useTRPC();
  const form = useZodForm(ZPortalCodeRequest, { defaultValues: { login: "" } });
  const request = useMutation(trpc.portal.requestCode.mutationOptions());
  const submit = form.handleSubmit(async ({ login }) => onSent(await request.mutateAsync({ login }), login));
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label={t("login")} hint={t("loginHint")} error={form.formState.errors.login?.message}>
          <Input inputMode="text" autoComplete="username" {...form.register("login")} />
        </Field>
        <ErrorAlert error={request.error} />
        <Button type="submit" variant="primary" loading={request.isPending} className="w-full">
          {request.isPending ? t("sendingCode") : t("sendCode")}
        </Button>
      </form>
      <Button variant="ghost" className="w-full" onClick={onPassword}>
        {t("withPassword")}
      </Button>
    </div>
  );
}

function CodeStep({ step, onBack }: { step: { challengeId: string; validMinutes: number; login: string }; onBack: () => void }) {
  const t = useTranslations("portal.signIn");
  const trpc = useTRPC();
  const [challenge, setChallenge] = useState(step);
  const [error, setError] = useState<SignInError | null>(null);
  const form = useZodForm(ZPortalCodeForm, { defaultValues: { code: "" } });
  const resend = useMutation(trpc.portal.requestCode.mutationOptions({ onSuccess: (sent) => setChallenge({ ...challenge, ...sent }) }));
  const submit = form.handleSubmit(async ({ code }) => {
    setError(null);
    setError(await finish({ challengeId: challenge.challengeId, code }));
  });
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Alert tone="info">{t("codeSent", { minutes: challenge.validMinutes })}</Alert>
      <Field label={t("code")} error={form.formState.errors.code?.message}>
        <Input inputMode="numeric" autoComplete="one-time-code" autoFocus maxLength={6} placeholder={t("codePlaceholder")} data-testid="portal-code" {...form.register("code")} />
      </Field>
      <SignInErrorAlert error={error} />
      <ErrorAlert error={resend.error} />
      <Button type="submit" variant="primary" loading={form.formState.isSubmitting} className="w-full">
        {form.formState.isSubmitting ? t("verifying") : t("verify")}
      </Button>
      <div className="grid grid-cols-2 gap-2">
        <Button variant="ghost" loading={resend.isPending} onClick={() => resend.mutate({ login: challenge.login })}>
          {t("resend")}
        </Button>
        <Button variant="ghost" onClick={onBack}>
          {t("otherNumber")}
        </Button>
      </div>
    </form>
  );
}

function PasswordStep({ onCode }: { onCode: () => void }) {
  const t = useTranslations("portal.signIn");
  const [error, setError] = useState<SignInError | null>(null);
  const form = useZodForm(ZPortalPasswordForm, { defaultValues: { login: "", password: "" } });
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setError(await finish(values));
  });
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field label={t("login")} hint={t("loginHint")} error={form.formState.errors.login?.message}>
          <Input autoComplete="username" {...form.register("login")} />
        </Field>
        <Field label={t("password")} error={form.formState.errors.password?.message}>
          <Input type="password" autoComplete="current-password" {...form.register("password")} />
        </Field>
        <SignInErrorAlert error={error} />
        <Button type="submit" variant="primary" loading={form.formState.isSubmitting} className="w-full">
          {form.formState.isSubmitting ? t("verifying") : t("verify")}
        </Button>
      </form>
      <Button variant="ghost" className="w-full" onClick={onCode}>
        {t("withCode")}
      </Button>
    </div>
  );
}
