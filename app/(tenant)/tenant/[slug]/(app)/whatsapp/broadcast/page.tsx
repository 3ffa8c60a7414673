// WhatsApp broadcast to a filtered set of customers, with its audience count and progress.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BroadcastPanel } from "@/components/notifications/BroadcastPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.broadcast");
  return { title: t("pageTitle") };
}

export default async function BroadcastPage() {
  await requirePageCapability("notifications.manage");
  const t = await getTranslations("notifications.broadcast");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link href="/whatsapp" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        ← {t("backToLog")}
      </Link>
      <PageHeader title={t("pageTitle")} description={t("pageDescription")} />
      <BroadcastPanel />
    </div>
  );
}
