// The customer register: search, page, add, import and export subscribers.
import type { Metadata } from "next";
import { CustomerList } from "@/components/customers/CustomerList";
import { PageHeader } from "@/components/ui/PageHeader";
import { ZCustomerStatus } from "@/server/modules/customers/customers.schema";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ status?: string | string[] }> }) {
  await requirePageCapability("customers.read");
  const [me, { status }] = await Promise.all([serverMe(), searchParams]);
  // ?status=isolated (the billing dashboard links here) starts the list filtered.
  const initialStatus = ZCustomerStatus.safeParse(status);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Customers" description="Your subscribers: search by name, customer number or WhatsApp number." />
      <CustomerList canManage={me!.capabilities.includes("customers.manage")} initialStatus={initialStatus.success ? initialStatus.data : undefined} />
    </div>
  );
}
