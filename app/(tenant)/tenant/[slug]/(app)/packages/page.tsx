// Service packages: the internet plans this ISP sells, their prices, speeds and PPN rule.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PackagesManager } from "@/components/packages/PackagesManager";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("packages");
  return { title: t("title") };
}

export default async function PackagesPage() {
  await requirePageCapability("billing.read");
  const [me, t] = await Promise.all([serverMe(), getTranslations("packages")]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("title")} description={t("description")} />
      <PackagesManager canManage={me!.capabilities.includes("billing.manage")} />
    </div>
  );
}
