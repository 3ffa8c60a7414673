// One router: health and its history, the command log; managers test, edit and remove it.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RouterDetail } from "@/components/routers/RouterDetail";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("routers");
  return { title: t("detail.title") };
}

export default async function RouterPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("network.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const me = await serverMe();
  return (
    <div className="mx-auto max-w-6xl">
      <RouterDetail id={id} canManage={me!.capabilities.includes("routers.manage")} canProvision={me!.capabilities.includes("network.manage")} />
    </div>
  );
}
