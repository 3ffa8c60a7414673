// The catalog RRNET sells: plans and add-ons, their prices (integer rupiah per month), limits
// and features.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CatalogManager } from "@/components/console/CatalogManager";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.plans");
  return { title: t("title") };
}

export default async function PlansPage() {
  const t = await getTranslations("console.plans");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("title")} description={t("description")} />
      <CatalogManager />
    </div>
  );
}
