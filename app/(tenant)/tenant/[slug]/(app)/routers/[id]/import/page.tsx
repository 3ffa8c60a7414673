// Import from a router: its PPP secrets and hotspot users become customers and subscriptions,
// profiles mapped to packages; owners and admins only.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RouterImport } from "@/components/network/RouterImport";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("network.importPage");
  return { title: t("title") };
}

export default async function RouterImportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("routers.manage");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const t = await getTranslations("network.importPage");
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link href={`/routers/${id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline md:min-h-0">
        ← {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <RouterImport routerId={id} />
    </div>
  );
}
