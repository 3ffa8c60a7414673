import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { Wordmark } from "@/components/ui/Wordmark";
import type { Messages } from "@/i18n/messages";
import { MobileNav } from "./MobileNav";
import { TENANT_INTERNAL_PREFIX, visibleNav } from "./nav-items";
import { UserMenu } from "./UserMenu";

export type TopBarUser = { name: string; role: string; capabilities: readonly string[] };

/** The tenant app's top bar: phone menu, the ISP and its zone, the user's menu. */
export function TopBar({ name, timezone, user }: { name: string; timezone: string; user: TopBarUser }) {
  const t = useTranslations("shell");
  const format = useFormat();
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
      <div className="relative flex h-14 items-center gap-3 px-3 sm:px-4">
        <MobileNav label={t("mainNav")} items={visibleNav(user.capabilities)} internalPrefix={TENANT_INTERNAL_PREFIX} />
        <div className="min-w-0 flex-1">
          <div className="truncate text-base font-semibold text-slate-900" data-testid="tenant-name">
            {name}
          </div>
          <div className="truncate text-xs text-slate-500">{t("zoneLine", { timeZone: timezone, abbreviation: format.zone() })}</div>
        </div>
        <Wordmark className="hidden text-sm lg:inline-flex" />
        <UserMenu name={user.name} role={user.role as keyof Messages["common"]["roles"]} links={{ security: "/account/security", language: "/account/language" }} />
      </div>
    </header>
  );
}
