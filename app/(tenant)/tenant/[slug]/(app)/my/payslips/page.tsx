// Every staff member's own payslips of locked payroll runs.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyPayslips } from "@/components/hr/MyPayslips";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payroll");
  return { title: t("pages.myPayslips.title") };
}

export default async function Page() {
  await requirePageCapability("hr.self");
  const t = await getTranslations("payroll");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.myPayslips.title")} description={t("pages.myPayslips.description")} />
      <MyPayslips  />
    </div>
  );
}
