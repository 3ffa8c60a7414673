// Planning for sales and installation: ODP ports used and free per area and per ODP, and the
// nearest ODPs with a free port to a point.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlanningView } from "@/components/ftth/PlanningView";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ftth");
  return { title: t("planning.title") };
}

export default async function PlanningPage() {
  await requirePageCapability("maps.read");
  const t = await getTranslations("ftth");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("planning.title")} description={t("planning.description")} actions={<ButtonLink href="/map">{t("nav.map")}</ButtonLink>} />
      <PlanningView />
    </div>
  );
}
