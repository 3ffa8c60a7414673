// Sign-in on a tenant's host for this ISP's staff, with the way to the customers' portal. In
// the ISP's default language (nobody is signed in yet).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { Wordmark } from "@/components/ui/Wordmark";
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
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold text-slate-900" data-testid="tenant-name">
            {tenant.name}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("tenantSubtitle")}</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm />
        </div>
        <p className="mt-4 text-center text-sm">
          <Link href="/portal/login" className="inline-flex min-h-11 items-center text-brand-700 underline-offset-2 hover:underline" data-testid="portal-link">
            {tPortal("portalLink")}
          </Link>
        </p>
        <p className="mt-6 flex items-center justify-center gap-1.5 text-xs text-slate-500">
          {t("runsOn")} <Wordmark className="text-xs" />
        </p>
      </div>
    </main>
  );
}
