"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/** Signs out through next-auth (which revokes the session row), then shows the sign-in page. */
export async function signOutToLogin(): Promise<void> {
  await signOut({ redirect: false });
  window.location.replace(new URL("/login", window.location.origin).href);
}

export function SignOutButton() {
  const t = useTranslations("shell");
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await signOutToLogin();
      }}
    >
      {t("signOut")}
    </Button>
  );
}
