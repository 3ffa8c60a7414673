// The ISP's MikroTik routers and their health; owners and admins add them here.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RouterList } from "@/components/routers/RouterList";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("routers");
  return { title: t("title") };
}

export default async function RoutersPage() {
  await requirePageCapability("network.read");
  const [me, t] = await Promise.all([serverMe(), getTranslations("routers")]);
  const canManage = me!.capabilities.includes("routers.manage");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canManage ? (
            <>
              <ButtonLink href="/routers/settings">{t("list.settings")}</ButtonLink>
              <ButtonLink href="/routers/new" variant="primary">
                {t("list.add")}
              </ButtonLink>
            </>
          ) : undefined
        }
      />
      <RouterList canManage={canManage} />
    </div>
  );
}
