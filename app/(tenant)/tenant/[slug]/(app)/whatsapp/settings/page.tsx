// WhatsApp settings: gateways, pacing, quiet hours, reminders, a test message, the templates.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TemplatesCard } from "@/components/notifications/TemplatesCard";
import { TestMessageCard } from "@/components/notifications/TestMessageCard";
import { WhatsAppSettingsCard } from "@/components/notifications/WhatsAppSettingsCard";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.settings");
  return { title: t("pageTitle") };
}

export default async function WhatsAppSettingsPage() {
  await requirePageCapability("notifications.manage");
  const t = await getTranslations("notifications.settings");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link href="/whatsapp" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        ← {t("backToLog")}
      </Link>
      <PageHeader title={t("pageTitle")} description={t("pageDescription")} />
      <WhatsAppSettingsCard />
      <TestMessageCard />
      <TemplatesCard />
    </div>
  );
}
