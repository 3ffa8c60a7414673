// Create a tenant: its address, plan and first owner.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { CreateTenantForm } from "@/components/console/CreateTenantForm";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  // Tenants live at <slug>.<root>; the console is admin.<root> (port kept for development).
  const rootHost = ((await headers()).get("host") ?? "").replace(/^admin\./, "");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New tenant" description="An ISP gets its own address, a plan, and a first owner who adds the rest of the staff." />
      <CreateTenantForm rootHost={rootHost} />
    </div>
  );
}
