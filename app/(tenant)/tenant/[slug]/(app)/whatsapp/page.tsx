// The WhatsApp message log: what was sent to whom and what became of it; owners and admins
// reach the gateway settings, templates and broadcasts from here.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MessageLog } from "@/components/notifications/MessageLog";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.log");
  return { title: t("title") };
}

export default async function WhatsAppLogPage() {
  await requirePageCapability("notifications.read");
  const [me, t] = await Promise.all([serverMe(), getTranslations("notifications.log")]);
  const can = (c: string) => me!.capabilities.includes(c);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can("notifications.manage") ? (
            <div className="flex flex-wrap gap-2">
              <ButtonLink href="/whatsapp/broadcast" variant="primary">
                {t("broadcast")}
              </ButtonLink>
              <ButtonLink href="/whatsapp/settings">{t("settings")}</ButtonLink>
            </div>
          ) : undefined
        }
      />
      <MessageLog canResend={can("notifications.send")} />
    </div>
  );
}
