// Every staff member's own attendance: clock in and out from the phone (GPS and a selfie).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyAttendance } from "@/components/hr/MyAttendance";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.myAttendance.title") };
}

export default async function Page() {
  await requirePageCapability("hr.self");
  const t = await getTranslations("hr");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.myAttendance.title")} description={t("pages.myAttendance.description")} />
      <MyAttendance  />
    </div>
  );
}
