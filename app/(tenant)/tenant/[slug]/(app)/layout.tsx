// The signed-in dashboard shell: no session -> the sign-in page; a user who signed in with a
// generated password, or whom the tenant requires to set up two-factor sign-in -> the security
// page until they have set their own password / set it up.
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SaasStandingBanner } from "@/components/saas-billing/SaasStandingBanner";
import { SideNav } from "@/components/shell/SideNav";
import { TENANT_INTERNAL_PREFIX, visibleNav } from "@/components/shell/nav-items";
import { TopBar } from "@/components/shell/TopBar";
import { serverApi, serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

const SECURITY_PATH = "/account/security";

export default async function TenantAppLayout({ children }: { children: ReactNode }) {
  const [tenant, me] = await Promise.all([serverTenant(), serverMe()]);
  if (!me || me.kind !== "tenant") redirect("/login");
  // Subscribers have the client portal, not the back office.
  if (me.role === "client") redirect("/portal");
  const path = (await headers()).get("x-rrnet-path") ?? "/";
  const mustSetUp = me.needsPasswordChange || me.needsTwoFactorSetup;
  if (mustSetUp && !path.startsWith(SECURITY_PATH)) redirect(SECURITY_PATH);
  // Behind with RRNET: a banner for every staff member (amounts for the owner).
  const t = await getTranslations("shell");
  const notice = me.capabilities.includes("dashboard.view") && !mustSetUp ? await (await serverApi()).saasBilling.notice() : null;

  return (
    <div className="flex min-h-dvh flex-col">
      <TopBar name={tenant.name} timezone={tenant.timezone} user={me} />
      {notice && <SaasStandingBanner notice={notice} isOwner={me.capabilities.includes("tenant.saas_billing")} />}
      <div className="flex flex-1">
        <SideNav label={t("mainNav")} items={visibleNav(me.capabilities)} internalPrefix={TENANT_INTERNAL_PREFIX} />
        <main className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
