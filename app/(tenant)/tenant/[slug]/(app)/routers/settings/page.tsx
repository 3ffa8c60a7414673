// The tenant's isolation settings (isolate or suspend, the names used on the routers, the
// walled garden's pay page); owners and admins change them.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NetworkSettingsCard } from "@/components/network/NetworkSettingsForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("network.settings");
  return { title: t("pageTitle") };
}

export default async function NetworkSettingsPage() {
  await requirePageCapability("routers.manage");
  const [t, tr] = await Promise.all([getTranslations("network.settings"), getTranslations("routers")]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/routers" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline md:min-h-0">
        ← {tr("detail.back")}
      </Link>
      <PageHeader title={t("pageTitle")} description={t("pageDescription")} />
      <NetworkSettingsCard />
    </div>
  );
}
