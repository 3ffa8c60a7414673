// Every staff member's own leave: balance, requests, decisions.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MyLeave } from "@/components/hr/MyLeave";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hr");
  return { title: t("pages.myLeave.title") };
}

export default async function Page() {
  await requirePageCapability("hr.self");
  const t = await getTranslations("hr");

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("pages.myLeave.title")} description={t("pages.myLeave.description")} />
      <MyLeave  />
    </div>
  );
}
