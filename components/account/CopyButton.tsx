"use client";
// Copies a value to the clipboard and says so for a moment.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";

export function CopyButton({ value, label, className }: { value: string; label?: string; className?: string }) {
  const t = useTranslations("account.copy");
  const common = useTranslations("common");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <Button
      className={className}
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setState("copied"),
          () => setState("failed"),
        );
      }}
    >
      <span aria-live="polite">{state === "copied" ? t("copied") : state === "failed" ? t("failed") : (label ?? common("copy"))}</span>
    </Button>
  );
}
