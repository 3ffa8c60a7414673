// Staff management: who works in this ISP's back office, with which role.
import type { Metadata } from "next";
import { StaffManager } from "@/components/staff/StaffManager";
import { PageHeader } from "@/components/ui/PageHeader";
import type { TenantRole } from "@/server/modules/identity/capabilities";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  await requirePageCapability("staff.read");
  const [tenant, me] = await Promise.all([serverTenant(), serverMe()]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Staff" description="Add people to the back office, set their roles, and lock them out when they leave." />
      <StaffManager actorRole={me!.role as TenantRole} canManage={me!.capabilities.includes("staff.manage")} timezone={tenant.timezone} />
    </div>
  );
}
