// RRNET's SaaS billing: every ISP's monthly invoices, this month's totals, issuing on demand.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SaasBillingOverview } from "@/components/console/SaasBillingOverview";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.saasBilling");
  return { title: t("title") };
}

export default function SaasBillingPage() {
  return (
    <div className="mx-auto max-w-6xl">
      <SaasBillingOverview />
    </div>
  );
}
