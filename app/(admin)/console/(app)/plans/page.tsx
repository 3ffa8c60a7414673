// The catalog RRNET sells: plans and add-ons, their prices (integer rupiah per month), limits
// and features.
import type { Metadata } from "next";
import { CatalogManager } from "@/components/console/CatalogManager";
import { PageHeader } from "@/components/ui/PageHeader";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Plans & add-ons" };

export default function PlansPage() {
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Plans & add-ons"
        description="Monthly prices in rupiah, limits and features. Changes reach tenants' limits at once; an item in use is deactivated rather than deleted."
      />
      <CatalogManager />
    </div>
  );
}
