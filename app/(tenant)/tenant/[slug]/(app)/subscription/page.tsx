// The owner's RRNET subscription: plan, add-ons, standing and RRNET's invoices.
import type { Metadata } from "next";
import { SubscriptionView } from "@/components/saas-billing/SubscriptionView";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscription" };

export default async function SubscriptionPage() {
  await requirePageCapability("tenant.saas_billing");
  const data = await (await serverApi()).saasBilling.subscription();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Subscription" description="Your RRNET plan and add-ons, and RRNET's invoices to you." />
      <SubscriptionView data={data} />
    </div>
  );
}
