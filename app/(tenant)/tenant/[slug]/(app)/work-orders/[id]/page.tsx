// One work order: the site, the next step, photos and the activity log.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { WorkOrderDetail } from "@/components/workorders/WorkOrderDetail";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workorders.pages.list");
  return { title: t("title") };
}

export default async function WorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("tasks.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const me = await serverMe();
  return (
    <div className="mx-auto max-w-4xl">
      <WorkOrderDetail id={id} canManage={me!.capabilities.includes("tasks.manage")} canField={me!.capabilities.includes("tasks.field")} />
    </div>
  );
}
