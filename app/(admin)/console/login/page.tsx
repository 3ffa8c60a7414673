// Operator sign-in on admin.<root>. Only RRNET operators sign in here; tenant users sign in on
// their ISP's own address.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/SignInForm";
import { Wordmark } from "@/components/ui/Wordmark";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("consoleTitle"), robots: { index: false } };
}

export default async function ConsoleLoginPage() {
  const [me, t] = await Promise.all([serverMe(), getTranslations("auth")]);
  if (me?.kind === "platform") redirect("/");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <Wordmark className="text-2xl" />
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("consoleHeading")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("consoleSubtitle")}</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
