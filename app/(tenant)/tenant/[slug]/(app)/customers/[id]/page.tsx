// One customer: name and contact, then what they owe (balance, invoices, payments) for those who
// take money, then details, network, subscriptions and messages, and the edit form for roles that
// manage customers last: on a phone the primary task comes first.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { CustomerBillingCard } from "@/components/billing/CustomerBillingCard";
import { CustomerDetail } from "@/components/customers/CustomerDetail";
import { CustomerOutageBanner } from "@/components/ftth/CustomerOutageBanner";
import { CustomerMessagesCard } from "@/components/notifications/CustomerMessagesCard";
import { CustomerNetworkCard } from "@/components/network/CustomerNetworkCard";
import { CustomerSubscriptions } from "@/components/subscriptions/CustomerSubscriptions";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("detailTitle") };
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("customers.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [tenant, me] = await Promise.all([serverTenant(), serverMe()]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      {me!.capabilities.includes("maps.read") && <CustomerOutageBanner customerId={id} />}
      <CustomerDetail
        id={id}
        canManage={me!.capabilities.includes("customers.manage")}
        money={
          me!.capabilities.includes("payments.read") && (
            <CustomerBillingCard
              customerId={id}
              canRead={me!.capabilities.includes("billing.read")}
              canManage={me!.capabilities.includes("billing.manage")}
              canRecord={me!.capabilities.includes("payments.record")}
              canCollect={me!.capabilities.includes("collections.own")}
            />
          )
        }
      >
        {me!.capabilities.includes("network.read") && <CustomerNetworkCard customerId={id} canManage={me!.capabilities.includes("network.manage")} />}
        <CustomerSubscriptions customerId={id} canManage={me!.capabilities.includes("customers.manage")} timezone={tenant.timezone} />
        {me!.capabilities.includes("notifications.read") && <CustomerMessagesCard customerId={id} canResend={me!.capabilities.includes("notifications.send")} />}
      </CustomerDetail>
    </div>
  );
}
