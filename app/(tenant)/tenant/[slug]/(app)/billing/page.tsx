// Billing at a glance: a month's billed and collected money, what is open and how late.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BillingDashboard } from "@/components/billing/BillingDashboard";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";
import { monthIn } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.dashboard");
  return { title: t("title") };
}

export default async function BillingPage() {
  await requirePageCapability("billing.read");
  const [tenant, t] = await Promise.all([serverTenant(), getTranslations("billing.dashboard")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} />
      <BillingDashboard currentMonth={monthIn(tenant.timezone)} />
    </div>
  );
}
