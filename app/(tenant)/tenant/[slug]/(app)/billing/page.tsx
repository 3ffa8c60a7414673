// Billing at a glance: a month's billed and collected money, what is open and how late.
import type { Metadata } from "next";
import { BillingDashboard } from "@/components/billing/BillingDashboard";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";
import { monthIn } from "@/components/ui/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  await requirePageCapability("billing.read");
  const tenant = await serverTenant();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Billing" description="Money billed and collected, open and overdue invoices. Months in your ISP's calendar." />
      <BillingDashboard currentMonth={monthIn(tenant.timezone)} />
    </div>
  );
}
