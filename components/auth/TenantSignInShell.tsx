// The frame of a sign-in page on an ISP's host (staff's and the portal's): the ISP's name, a
// line under it, the form's card, a link to the other sign-in, and "runs on RRNET".
import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Wordmark } from "@/components/ui/Wordmark";

export async function TenantSignInShell({ tenantName, subtitle, other, children }: { tenantName: string; subtitle: string; other: { href: string; label: string; testId?: string }; children: ReactNode }) {
  const t = await getTranslations("auth");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-2xl font-semibold text-slate-900" data-testid="tenant-name">
            {tenantName}
          </h1>
          <p className="mt-1 text-sm text-slate-600">{subtitle}</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
        <p className="mt-4 text-center text-sm">
          <Link href={other.href} className="inline-flex min-h-11 items-center text-brand-700 underline-offset-2 hover:underline" data-testid={other.testId}>
            {other.label}
          </Link>
        </p>
        <p className="mt-6 flex items-center justify-center gap-1.5 text-xs text-slate-500">
          {t("runsOn")} <Wordmark className="text-xs" />
        </p>
      </div>
    </main>
  );
}
