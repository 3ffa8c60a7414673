// Adding a router: its address, transport and API user, tested before or after saving.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddRouter } from "@/components/routers/AddRouter";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("routers");
  return { title: t("add.title") };
}

export default async function NewRouterPage() {
  await requirePageCapability("routers.manage");
  const t = await getTranslations("routers");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("add.title")} description={t("add.description")} />
      <AddRouter />
    </div>
  );
}
