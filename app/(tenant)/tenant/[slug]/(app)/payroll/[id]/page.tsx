// One payroll run: payslips, HR's entries, review and lock, bank-transfer export.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PayrollRunDetail } from "@/components/hr/PayrollRunDetail";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("payroll");
  return { title: t("pages.run.title") };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("payroll.manage");
  const t = await getTranslations("payroll");
  const { id } = await params;
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.run.title")} description={t("pages.run.description")} />
      <PayrollRunDetail id={id} />
    </div>
  );
}
