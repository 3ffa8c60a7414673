// HR settings: the office geofence, grace minutes, minimum wage, THR month, work shifts.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HrSettingsForm } from "@/components/hr/HrSettingsForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.settings.title") };
}

export default async function Page() {
  await requirePageCapability("hr.manage");
  const t = await getTranslations("hr");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.settings.title")} description={t("pages.settings.description")} />
      <HrSettingsForm  />
    </div>
  );
}
