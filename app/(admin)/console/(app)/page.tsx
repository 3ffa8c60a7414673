// Console home: every ISP on the platform with its status, plan and aggregate counts.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TenantsList } from "@/components/console/TenantsList";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.tenants");
  return { title: t("title") };
}

export default async function TenantsPage() {
  const t = await getTranslations("console.tenants");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <ButtonLink href="/tenants/new" variant="primary">
            {t("new")}
          </ButtonLink>
        }
      />
      <TenantsList />
    </div>
  );
}
