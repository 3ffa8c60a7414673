// Outages: those in progress (and suspected) first; closed ones on request.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IncidentList } from "@/components/ftth/IncidentList";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ftth");
  return { title: t("outages.title") };
}

export default async function OutagesPage() {
  await requirePageCapability("maps.read");
  const t = await getTranslations("ftth");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("outages.title")} description={t("outages.description")} actions={<ButtonLink href="/map">{t("nav.map")}</ButtonLink>} />
      <IncidentList />
    </div>
  );
}
