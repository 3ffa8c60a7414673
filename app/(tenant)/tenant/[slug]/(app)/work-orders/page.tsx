// Work orders: the active ones as a list or a board by status (filters in the URL); managers
// create them, technicians see theirs.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { WorkOrderList } from "@/components/workorders/WorkOrderList";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workorders.pages.list");
  return { title: t("title") };
}

export default async function WorkOrdersPage() {
  await requirePageCapability("tasks.read");
  const [t, me] = await Promise.all([getTranslations("workorders.pages.list"), serverMe()]);
  const canManage = me!.capabilities.includes("tasks.manage");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("title")}
        description={canManage ? t("description") : t("descriptionField")}
        actions={
          canManage && (
            <ButtonLink href="/work-orders/new" variant="primary" data-testid="workorder-new">
              {t("create")}
            </ButtonLink>
          )
        }
      />
      <WorkOrderList canManage={canManage} />
    </div>
  );
}
