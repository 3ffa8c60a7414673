// The tenant's audit log: sign-ins, staff and settings changes, who did them and from where.
import type { Metadata } from "next";
import { AuditLogTable } from "@/components/audit/AuditLogTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage() {
  await requirePageCapability("audit.read");
  const tenant = await serverTenant();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Audit log"
        description="Security-relevant actions in your ISP: sign-ins, failed attempts, staff and settings changes. Entries cannot be edited or deleted."
      />
      <AuditLogTable timezone={tenant.timezone} />
    </div>
  );
}
