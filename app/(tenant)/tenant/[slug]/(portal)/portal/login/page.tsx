// The client portal's sign-in on the ISP's host, in the ISP's default language (nobody is
// signed in yet). A signed-in client goes to their account; staff to the back office.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PortalSignIn } from "@/components/portal/PortalSignIn";
import { TenantSignInShell } from "@/components/auth/TenantSignInShell";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal.signIn");
  return { title: t("title") };
}

export default async function PortalLoginPage() {
  const [tenant, me, t] = await Promise.all([serverTenant(), serverMe(), getTranslations("portal.signIn")]);
  if (me?.kind === "tenant") redirect(me.role === "client" ? "/portal" : "/");
  return (
    <TenantSignInShell tenantName={tenant.name} subtitle={t("subtitle")} other={{ href: "/login", label: t("staff") }}>
      <h2 className="mb-4 text-base font-semibold text-slate-900">{t("title")}</h2>
      <PortalSignIn />
    </TenantSignInShell>
  );
}
