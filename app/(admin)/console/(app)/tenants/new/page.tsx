// Create a tenant: its address, plan and first owner.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { CreateTenantForm } from "@/components/console/CreateTenantForm";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.create");
  return { title: t("title") };
}

export default async function NewTenantPage() {
  // Tenants live at <slug>.<root>; the console is admin.<root> (port kept for development).
  const [requestHeaders, t] = await Promise.all([headers(), getTranslations("console.create")]);
  const rootHost = (requestHeaders.get("host") ?? "").replace(/^admin\./, "");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} />
      <CreateTenantForm rootHost={rootHost} />
    </div>
  );
}
