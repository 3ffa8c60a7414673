// HR and the owner: the ISP's employees.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmployeeList } from "@/components/hr/EmployeeList";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.employees.title") };
}

export default async function EmployeesPage() {
  await requirePageCapability("hr.read");
  const [me, t] = await Promise.all([serverMe(), getTranslations("hr")]);
  const canManage = me!.capabilities.includes("hr.manage");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("pages.employees.title")}
        description={t("pages.employees.description")}
        actions={
          canManage ? (
            <div className="flex gap-2">
              <ButtonLink href="/hr-settings">{t("pages.settings.title")}</ButtonLink>
              <ButtonLink href="/employees/new" variant="primary">{t("employees.add")}</ButtonLink>
            </div>
          ) : undefined
        }
      />
      <EmployeeList canManage={canManage} />
    </div>
  );
}
