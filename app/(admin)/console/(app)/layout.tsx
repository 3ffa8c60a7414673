// The signed-in console shell on admin.<root>: an operator session or the sign-in page; an
// operator who must set up two-factor sign-in (production) -> My account until they have.
// Every procedure the pages call checks again (platformProcedure).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CONSOLE_INTERNAL_PREFIX, consoleNav } from "@/components/console/ConsoleNav";
import { MobileNav } from "@/components/shell/MobileNav";
import { SideNav } from "@/components/shell/SideNav";
import { UserMenu } from "@/components/shell/UserMenu";
import { Wordmark } from "@/components/ui/Wordmark";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { template: `%s · ${t("consoleTitle")}`, default: t("consoleTitle") }, robots: { index: false } };
}

const ACCOUNT_PATH = "/account";

export default async function ConsoleAppLayout({ children }: { children: ReactNode }) {
  const me = await serverMe();
  if (!me || me.kind !== "platform") redirect("/login");
  // The host-relative path (proxy.ts): this layout only sees the rewritten /console/... one.
  const path = (await headers()).get("x-rrnet-path") ?? "/";
  if (me.needsTwoFactorSetup && path !== ACCOUNT_PATH && !path.startsWith(`${ACCOUNT_PATH}/`)) redirect(ACCOUNT_PATH);
  const t = await getTranslations("shell");

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="relative flex h-14 items-center gap-3 px-3 sm:px-4">
          <MobileNav label={t("consoleNav")} items={consoleNav(me.needsTwoFactorSetup)} internalPrefix={CONSOLE_INTERNAL_PREFIX} />
          <div className="min-w-0 flex-1">
            <Wordmark className="text-lg" suffix={t("consoleSuffix")} />
          </div>
          <UserMenu name={me.name} role="super_admin" links={{ security: ACCOUNT_PATH, language: `${ACCOUNT_PATH}#language` }} />
        </div>
      </header>
      <div className="flex flex-1">
        <SideNav label={t("consoleNav")} items={consoleNav(me.needsTwoFactorSetup)} internalPrefix={CONSOLE_INTERNAL_PREFIX} />
        <main className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
