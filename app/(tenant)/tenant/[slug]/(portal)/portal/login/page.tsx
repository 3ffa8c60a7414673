// The client portal's sign-in on the ISP's host, in the ISP's default language (nobody is
// signed in yet). A signed-in client goes to their account; staff to the back office.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PortalSignIn } from "@/components/portal/PortalSignIn";
import { Wordmark } from "@/components/ui/Wordmark";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal.signIn");
  return { title: t("title") };
}

export default async function PortalLoginPage() {
  const [tenant, me, t, tAuth] = await Promise.all([serverTenant(), serverMe(), getTranslations("portal.signIn"), getTranslations("auth")]);
  if (me?.kind === "tenant") redirect(me.role === "client" ? "/portal" : "/");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold text-slate-900" data-testid="tenant-name">
            {tenant.name}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-base font-semibold text-slate-900">{t("title")}</h2>
          <PortalSignIn />
        </div>
        <p className="mt-4 text-center text-sm">
          <Link href="/login" className="inline-flex min-h-11 items-center text-brand-700 underline-offset-2 hover:underline">
            {t("staff")}
          </Link>
        </p>
        <p className="mt-4 flex items-center justify-center gap-1.5 text-xs text-slate-500">
          {tAuth("runsOn")} <Wordmark className="text-xs" />
        </p>
      </div>
    </main>
  );
}
