// Collectors' cash for finance and the owner (collections.manage): what each collector holds,
// hand-overs to count, and the per-collector daily report.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CollectorsCash } from "@/components/collections/CollectorsCash";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collections.pages.cash");
  return { title: t("title") };
}

export default async function CollectorsCashPage() {
  await requirePageCapability("collections.manage");
  const [tenant, t] = await Promise.all([serverTenant(), getTranslations("collections.pages.cash")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} actions={<ButtonLink href="/collections/assignments">{t("assignmentsLink")}</ButtonLink>} />
      <CollectorsCash timeZone={tenant.timezone} />
    </div>
  );
}
