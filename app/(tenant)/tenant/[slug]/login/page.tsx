// Sign-in on a tenant's host for this ISP's staff, with the way to the customers' portal. In
// the ISP's default language (nobody is signed in yet).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { TenantSignInShell } from "@/components/auth/TenantSignInShell";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("tenantTitle") };
}

export default async function TenantLoginPage() {
  const [tenant, me, t, tPortal] = await Promise.all([serverTenant(), serverMe(), getTranslations("auth"), getTranslations("portal.signIn")]);
  if (me?.kind === "tenant") redirect(me.role === "client" ? "/portal" : "/");
  return (
    <TenantSignInShell tenantName={tenant.name} subtitle={t("tenantSubtitle")} other={{ href: "/portal/login", label: tPortal("portalLink"), testId: "portal-link" }}>
      <SignInForm />
    </TenantSignInShell>
  );
}
