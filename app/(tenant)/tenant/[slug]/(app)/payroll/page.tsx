// Payroll runs by month and the owner's monthly summary.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PayrollRuns } from "@/components/hr/PayrollRuns";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payroll");
  return { title: t("pages.runs.title") };
}

export default async function Page() {
  await requirePageCapability("payroll.manage");
  const t = await getTranslations("payroll");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.runs.title")} description={t("pages.runs.description")} />
      <PayrollRuns  />
    </div>
  );
}
