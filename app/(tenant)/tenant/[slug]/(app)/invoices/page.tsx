// The invoice register: search, filter, bulk issue / void / print, generation, manual invoices.
// ?q=… starts with that search (the customer page links here with the customer's number).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvoiceList } from "@/components/billing/InvoiceList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";
import { monthIn } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.list");
  return { title: t("title") };
}

export default async function InvoicesPage() {
  await requirePageCapability("billing.read");
  const [tenant, me, t] = await Promise.all([serverTenant(), serverMe(), getTranslations("billing.list")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("pageDescription")} />
      <InvoiceList canManage={me!.capabilities.includes("billing.manage")} currentMonth={monthIn(tenant.timezone)} />
    </div>
  );
}
