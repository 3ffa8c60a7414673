// HR and the owner: leave requests to approve or reject.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LeaveReview } from "@/components/hr/LeaveReview";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.leave.title") };
}

export default async function Page() {
  await requirePageCapability("hr.manage");
  const t = await getTranslations("hr");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.leave.title")} description={t("pages.leave.description")} />
      <LeaveReview  />
    </div>
  );
}
