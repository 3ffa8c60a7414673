// The FTTH map: the whole plant for owners, admins and technicians (full screen on phones).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PlantMap } from "@/components/ftth/PlantMap";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { EmptyState } from "@/components/ui/EmptyState";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverApi, serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ftth");
  return { title: t("title") };
}

/** Where a tenant without any plant yet opens the map: central Java. */
const FALLBACK_CENTER: [number, number] = [-6.9175, 107.6191];

export default async function MapPage({ searchParams }: { searchParams: Promise<{ node?: string }> }) {
  await requirePageCapability("maps.read");
  const [me, t, api, params] = await Promise.all([serverMe(), getTranslations("ftth"), serverApi(), searchParams]);
  const overview = await api.ftth.overview().catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code === "FEATURE_NOT_IN_PLAN") return null;
    throw error;
  });
  if (!overview) {
    return (
      <EmptyState title={t("notInPlan.title")} className="mx-auto max-w-xl">
        {t("notInPlan.body")}
      </EmptyState>
    );
  }
  const nodeId = z.uuid().safeParse(params.node);
  const focusNode = nodeId.success ? await api.ftth.node({ id: nodeId.data }).catch(() => null) : null;
  const focus = focusNode ? { kind: "node" as const, id: focusNode.node.id, lat: focusNode.node.latitude, lng: focusNode.node.longitude } : null;
  return (
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-4rem)] min-h-[28rem] flex-col sm:-mx-6 lg:-mx-8">
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 sm:px-6 lg:px-8">
        <div className="min-w-0">
          <h1 className="text-lg font-semibold text-slate-900">{t("title")}</h1>
          <p className="text-xs text-slate-600">{t("map.summary", overview.nodes)}</p>
        </div>
        <ButtonLink href="/outages" size="sm" variant={overview.activeIncidents > 0 ? "danger" : "secondary"}>
          {t("outages.title")}
          {overview.activeIncidents > 0 ? ` (${overview.activeIncidents})` : null}
        </ButtonLink>
      </div>
      <div className="min-h-0 flex-1 px-0 pb-0 sm:px-6 sm:pb-4 lg:px-8">
        <PlantMap
          tileUrl={overview.tileUrl}
          center={overview.center ?? FALLBACK_CENTER}
          canManage={me!.capabilities.includes("maps.manage")}
          canField={me!.capabilities.includes("maps.field")}
          focus={focus}
        />
      </div>
    </div>
  );
}
