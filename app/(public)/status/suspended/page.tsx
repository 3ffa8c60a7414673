// Where the proxy sends every page request of a suspended tenant (in the tenant's default language).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusScreen } from "@/components/ui/StatusScreen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("status.suspended");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function SuspendedPage() {
  const t = await getTranslations("status.suspended");
  return (
    <StatusScreen code="TENANT_SUSPENDED" title={t("title")}>
      <div>
        <h2 className="font-semibold text-slate-800">{t("customersHeading")}</h2>
        <p className="mt-1">{t("customersBody")}</p>
      </div>
      <div>
        <h2 className="font-semibold text-slate-800">{t("ownersHeading")}</h2>
        <p className="mt-1">{t("ownersBody")}</p>
      </div>
    </StatusScreen>
  );
}
