// A new work order (tasks.manage). ?customerId=… starts with that customer and their site.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/ui/PageHeader";
import { WorkOrderForm } from "@/components/workorders/WorkOrderForm";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workorders.pages.new");
  return { title: t("title") };
}

export default async function NewWorkOrderPage({ searchParams }: { searchParams: Promise<{ customerId?: string | string[] }> }) {
  await requirePageCapability("tasks.manage");
  const [{ customerId }, t] = await Promise.all([searchParams, getTranslations("workorders.pages.new")]);
  const id = z.uuid().safeParse(customerId);
  const c = id.success ? await (await serverApi()).customers.get({ id: id.data }).catch(() => null) : null;
  return (
    <div className="mx-auto min-w-0 max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} />
      <WorkOrderForm customer={c && { id: c.id, code: c.code, name: c.name, address: c.address, latitude: c.latitude, longitude: c.longitude }} />
    </div>
  );
}
