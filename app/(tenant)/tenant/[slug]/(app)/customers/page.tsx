// The customer register: search, page, add, import and export subscribers.
import type { Metadata } from "next";
import { CustomerList } from "@/components/customers/CustomerList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  await requirePageCapability("customers.read");
  const me = await serverMe();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Customers" description="Your subscribers: search by name, customer number or WhatsApp number." />
      <CustomerList canManage={me!.capabilities.includes("customers.manage")} />
    </div>
  );
}
