// One tenant: status and lifecycle, plan, add-ons, usage against limits, custom domains.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { TenantDetailView } from "@/components/console/TenantDetailView";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.tenant");
  return { title: t("title") };
}

export default async function TenantDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, requestHeaders] = await Promise.all([params, headers()]);
  if (!z.uuid().safeParse(id).success) notFound();
  const rootHost = (requestHeaders.get("host") ?? "").replace(/^admin\./, "");
  return (
    <div className="mx-auto max-w-6xl">
      <TenantDetailView tenantId={id} rootHost={rootHost} />
    </div>
  );
}
