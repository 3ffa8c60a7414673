// HR and the owner: flagged days to review, corrections, the monthly recap.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AttendanceReview } from "@/components/hr/AttendanceReview";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.attendance.title") };
}

export default async function Page() {
  await requirePageCapability("hr.read");
  const t = await getTranslations("hr");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.attendance.title")} description={t("pages.attendance.description")} />
      <AttendanceReview  />
    </div>
  );
}
