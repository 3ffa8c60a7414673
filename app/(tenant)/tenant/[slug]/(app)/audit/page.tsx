// The tenant's audit log: sign-ins, staff, customer, billing and settings changes, who did them
// and from where, each as a sentence in the user's language.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLogTable } from "@/components/audit/AuditLogTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditLogPage() {
  await requirePageCapability("audit.read");
  const [tenant, t] = await Promise.all([serverTenant(), getTranslations("audit")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} />
      <AuditLogTable timezone={tenant.timezone} />
    </div>
  );
}
