// Add an employee.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmployeeEditor } from "@/components/hr/EmployeeEditor";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.newEmployee.title") };
}

export default async function Page() {
  await requirePageCapability("hr.manage");
  const t = await getTranslations("hr");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.newEmployee.title")} description={t("pages.newEmployee.description")} />
      <EmployeeEditor id={null} />
    </div>
  );
}
