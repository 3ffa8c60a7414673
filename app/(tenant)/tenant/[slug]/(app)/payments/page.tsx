// Payments received: cash, transfers, collectors' hand-overs and online payments, with receipts.
import type { Metadata } from "next";
import { PaymentList } from "@/components/billing/PaymentList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";
import { monthIn } from "@/components/ui/format";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payments" };

export default async function PaymentsPage() {
  await requirePageCapability("billing.read");
  const tenant = await serverTenant();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Payments" description="Money received, newest first. Open a receipt to print it." />
      <PaymentList currentMonth={monthIn(tenant.timezone)} />
    </div>
  );
}
