// An employee's record (the view is audited).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmployeeEditor } from "@/components/hr/EmployeeEditor";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.employee.title") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("hr.read");
  const t = await getTranslations("hr");
  const { id } = await params;
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.employee.title")} description={t("pages.employee.description")} />
      <EmployeeEditor id={id} />
    </div>
  );
}
