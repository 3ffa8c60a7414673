// The signed-in client portal: a subscriber's own pages, phone-first, one column. No session ->
// the portal's sign-in; a staff user -> the back office.
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PortalSignOutButton } from "@/components/portal/PortalSignOutButton";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export default async function PortalAccountLayout({ children }: { children: ReactNode }) {
  const [tenant, me] = await Promise.all([serverTenant(), serverMe()]);
  if (!me || me.kind !== "tenant") redirect("/portal/login");
  if (me.role !== "client") redirect("/");
  const t = await getTranslations("portal");
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-3 px-4 py-2">
          <div className="min-w-0">
            <p className="truncate text-base font-semibold text-slate-900" data-testid="tenant-name">
              {tenant.name}
            </p>
            <p className="text-xs text-slate-500">{t("title")}</p>
          </div>
          <PortalSignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-2xl space-y-4 px-4 py-4">{children}</main>
    </div>
  );
}
