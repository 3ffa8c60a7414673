// The platform audit log: operator actions and tenant-level events, optionally one tenant's.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PlatformAuditLog } from "@/components/console/PlatformAuditLog";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.audit");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PlatformAuditPage({ searchParams }: { searchParams: Promise<{ tenant?: string | string[] }> }) {
  const [{ tenant }, t] = await Promise.all([searchParams, getTranslations("console.audit")]);
  const tenantId = typeof tenant === "string" && UUID.test(tenant) ? tenant : undefined;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} />
      <PlatformAuditLog key={tenantId ?? "all"} tenantId={tenantId} />
    </div>
  );
}
