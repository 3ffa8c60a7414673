// Staff management: who works in this ISP's back office, with which role.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StaffManager } from "@/components/staff/StaffManager";
import { PageHeader } from "@/components/ui/PageHeader";
import type { TenantRole } from "@/server/modules/identity/capabilities";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("title") };
}

export default async function StaffPage() {
  await requirePageCapability("staff.read");
  const [me, t] = await Promise.all([serverMe(), getTranslations("staff")]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("title")} description={t("description")} />
      <StaffManager actorRole={me!.role as TenantRole} canManage={me!.capabilities.includes("staff.manage")} />
    </div>
  );
}
