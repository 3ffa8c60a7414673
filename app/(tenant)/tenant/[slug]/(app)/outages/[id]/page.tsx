// One outage: cause, affected counts, timeline, the customers it reaches, and what staff do next.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { IncidentDetail } from "@/components/ftth/IncidentDetail";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ftth");
  return { title: t("outages.title") };
}

export default async function OutagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("maps.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const me = await serverMe();
  return (
    <div className="mx-auto max-w-5xl">
      <IncidentDetail id={id} canField={me!.capabilities.includes("maps.field")} />
    </div>
  );
}
