// RRNET's SaaS billing: every ISP's monthly invoices, this month's totals, issuing on demand.
import type { Metadata } from "next";
import { SaasBillingOverview } from "@/components/console/SaasBillingOverview";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "SaaS billing" };

export default function SaasBillingPage() {
  return (
    <div className="mx-auto max-w-6xl">
      <SaasBillingOverview />
    </div>
  );
}
