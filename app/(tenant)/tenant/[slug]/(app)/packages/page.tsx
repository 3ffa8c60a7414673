// Service packages: the internet plans this ISP sells, their prices, speeds and PPN rule.
import type { Metadata } from "next";
import { PackagesManager } from "@/components/packages/PackagesManager";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Packages" };

export default async function PackagesPage() {
  await requirePageCapability("billing.read");
  const me = await serverMe();
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="Packages" description="The internet packages you sell: monthly price, speeds, PPPoE or hotspot, and whether PPN applies." />
      <PackagesManager canManage={me!.capabilities.includes("billing.manage")} />
    </div>
  );
}
