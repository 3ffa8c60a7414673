// Which collector goes to which customer (collections.manage): by hand, by ODP or by area.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CollectorAssignments } from "@/components/collections/CollectorAssignments";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collections.pages.assignments");
  return { title: t("title") };
}

export default async function AssignmentsPage() {
  await requirePageCapability("collections.manage");
  const t = await getTranslations("collections.pages.assignments");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} />
      <CollectorAssignments />
    </div>
  );
}
