// The invoice register: search, filter, bulk issue / void / print, generation, manual invoices.
// ?q=… starts with that search (the customer page links here with the customer's number).
import type { Metadata } from "next";
import { InvoiceList } from "@/components/billing/InvoiceList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";
import { monthIn } from "@/components/ui/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePageCapability("billing.read");
  const [tenant, me, { q }] = await Promise.all([serverTenant(), serverMe(), searchParams]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Invoices" description="Subscription and manual invoices. Search by invoice number, customer name or customer number." />
      <InvoiceList canManage={me!.capabilities.includes("billing.manage")} currentMonth={monthIn(tenant.timezone)} initialSearch={typeof q === "string" ? q.slice(0, 100) : ""} />
    </div>
  );
}
