// The platform audit log: operator actions and tenant-level events, optionally one tenant's.
import type { Metadata } from "next";
import { PlatformAuditLog } from "@/components/console/PlatformAuditLog";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PlatformAuditPage({ searchParams }: { searchParams: Promise<{ tenant?: string | string[] }> }) {
  const { tenant } = await searchParams;
  const tenantId = typeof tenant === "string" && UUID.test(tenant) ? tenant : undefined;
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Audit log"
        description="Operator sign-ins and catalog changes, and tenant-level events (created, suspended, plan, domains). What happens inside an ISP stays in its own log."
      />
      <PlatformAuditLog key={tenantId ?? "all"} tenantId={tenantId} />
    </div>
  );
}
