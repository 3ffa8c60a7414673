"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/Button";

/** Signs the subscriber out (next-auth revokes the session row) back to the portal's sign-in. */
export function PortalSignOutButton() {
  const t = useTranslations("portal.account");
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="ghost"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirect: false });
        window.location.replace(new URL("/portal/login", window.location.origin).href);
      }}
    >
      {t("signOut")}
    </Button>
  );
}
