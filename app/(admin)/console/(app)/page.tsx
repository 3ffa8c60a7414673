// Console home: every ISP on the platform with its status, plan and aggregate counts.
import type { Metadata } from "next";
import Link from "next/link";
import { TenantsList } from "@/components/console/TenantsList";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tenants" };

export default function TenantsPage() {
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Tenants"
        description="ISPs on RRNET: status, plan and aggregate figures. Their customers' and staff's details stay inside each ISP."
        actions={
          <Link href="/tenants/new" className="inline-flex min-h-9 items-center rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            New tenant
          </Link>
        }
      />
      <TenantsList />
    </div>
  );
}
