// The collector's round (collections.own): their own customers, what each owes, collecting cash,
// what they hold and handing it over.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CollectorRound } from "@/components/collections/CollectorRound";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collections.pages.round");
  return { title: t("title") };
}

export default async function RoundPage() {
  await requirePageCapability("collections.own");
  const t = await getTranslations("collections.pages.round");
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("title")} description={t("description")} />
      <CollectorRound />
    </div>
  );
}
