// The owner's RRNET subscription: plan, add-ons, standing and RRNET's invoices.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscriptionView } from "@/components/saas-billing/SubscriptionView";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscription");
  return { title: t("title") };
}

export default async function SubscriptionPage() {
  await requirePageCapability("tenant.saas_billing");
  const [data, t] = await Promise.all([(await serverApi()).saasBilling.subscription(), getTranslations("subscription")]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} />
      <SubscriptionView data={data} />
    </div>
  );
}
