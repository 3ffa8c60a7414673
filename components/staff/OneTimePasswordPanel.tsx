"use client";
// A generated password, shown once: copy it and hand it over; it cannot be shown again. Whoever
// signs in with it must set a password of their own before anything else.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/account/CopyButton";
import { Button } from "@/components/ui/Button";

export function OneTimePasswordPanel({ email, password, reason, onDismiss }: { email: string; password: string; reason: "created" | "reset"; onDismiss: () => void }) {
  const t = useTranslations("staff.password");
  const ref = useRef<HTMLDivElement>(null);
  // It appears above the list: bring it into view from wherever the button was.
  useEffect(() => ref.current?.scrollIntoView({ block: "nearest", behavior: "smooth" }), [password]);
  return (
    <div ref={ref} role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4" data-testid="one-time-password">
      <p className="text-sm font-semibold text-emerald-900">{reason === "created" ? t("created", { email }) : t("reset", { email })}</p>
      <p className="mt-2 break-all rounded-md bg-white px-3 py-2 font-mono text-base text-slate-900 ring-1 ring-emerald-200" data-testid="one-time-password-value">
        {password}
      </p>
      <p className="mt-2 text-xs text-emerald-900">
        {t("once")} {reason === "reset" && t("sessionsEnded")}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <CopyButton value={password} label={t("copy")} />
        <Button onClick={onDismiss}>{t("done")}</Button>
      </div>
    </div>
  );
}
