"use client";
// Email + password sign-in through next-auth, with the second step (TOTP or recovery code)
// asked for when the account has two-factor sign-in. The same schema as the server's.
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { ZSignInCredentials } from "@/server/modules/identity/identity.schema";
import { describeSignInError, type SignInError } from "./sign-in-errors";

export function SignInForm({ afterSignIn = "/" }: { afterSignIn?: string }) {
  const t = useTranslations("auth");
  const form = useZodForm(ZSignInCredentials, { defaultValues: { email: "", password: "", code: "" } });
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<SignInError | null>(null);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ email, password, code }) => {
    setError(null);
    const result = await signIn("credentials", { email, password, code: needsCode ? (code ?? "") : "", redirect: false });
    if (result?.ok && !result.error) {
      // A full load, not a client navigation: nothing cached for the previous visitor survives.
      window.location.replace(new URL(afterSignIn, window.location.origin).href);
      await new Promise(() => undefined); // keep the button busy while the page changes
      return;
    }
    const described = describeSignInError(result?.error ?? "INTERNAL");
    if (described.code === "TWO_FACTOR_REQUIRED") setNeedsCode(true);
    setError(described.code === "TWO_FACTOR_REQUIRED" && !needsCode ? null : described);
  });

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label={t("email")} error={errors.email?.message}>
        <Input type="email" autoComplete="username" {...form.register("email")} />
      </Field>
      <Field label={t("password")} error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      {needsCode && (
        <Field label={t("code")} hint={t("codeHint")} error={errors.code?.message}>
          <Input inputMode="text" autoComplete="one-time-code" autoFocus placeholder={t("codePlaceholder")} {...form.register("code")} />
        </Field>
      )}
      {error && (
        <Alert tone="danger" code={error.code} hideCode>
          {error.key === "locked" ? t("errors.locked", { minutes: error.minutes }) : t(`errors.${error.key}`)}
        </Alert>
      )}
      <Button type="submit" variant="primary" loading={isSubmitting} className="w-full">
        {isSubmitting ? t("signingIn") : needsCode ? t("verify") : t("signIn")}
      </Button>
    </form>
  );
}
