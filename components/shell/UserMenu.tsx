"use client";
// Who is signed in, and their own things: account security, language, signing out. A Radix
// dropdown menu (arrow keys, Escape, focus return); on phones the button shrinks to an initial.
import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOutToLogin } from "@/components/auth/SignOutButton";
import { Spinner } from "@/components/ui/Button";
import type { Messages } from "@/i18n/messages";

type Role = keyof Messages["common"]["roles"];

const ITEM =
  "flex min-h-11 w-full cursor-pointer items-center rounded-md px-3 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100 md:min-h-9";

/** `links`: where this host keeps the user's security and language settings. */
export function UserMenu({ name, role, links }: { name: string; role: Role; links: { security: string; language: string } }) {
  const t = useTranslations("shell");
  const common = useTranslations("common");
  const [busy, setBusy] = useState(false);
  return (
    <Menu.Root>
      <Menu.Trigger
        className="flex min-h-11 items-center gap-2 rounded-lg px-2 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 md:min-h-10"
        aria-label={t("userMenu", { name })}
      >
        <span aria-hidden className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white">
          {name.trim().charAt(0).toUpperCase()}
        </span>
        <span className="hidden sm:block">
          <span className="block max-w-40 truncate text-sm font-medium text-slate-800" data-testid="user-name">
            {name}
          </span>
          <span className="block text-xs text-slate-500">{common(`roles.${role}`)}</span>
        </span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-40 min-w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <div className="px-3 py-2 sm:hidden">
            <div className="truncate text-sm font-medium text-slate-900">{name}</div>
            <div className="text-xs text-slate-500">{common(`roles.${role}`)}</div>
          </div>
          <Menu.Item asChild>
            <Link href={links.security} className={ITEM}>
              {t("accountSecurity")}
            </Link>
          </Menu.Item>
          <Menu.Item asChild>
            <Link href={links.language} className={ITEM}>
              {t("language")}
            </Link>
          </Menu.Item>
          <Menu.Separator className="my-1 h-px bg-slate-200" />
          <Menu.Item
            className={ITEM}
            disabled={busy}
            onSelect={(event) => {
              event.preventDefault();
              setBusy(true);
              void signOutToLogin();
            }}
          >
            {busy && <Spinner className="mr-2" />}
            {busy ? t("signingOut") : t("signOut")}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
