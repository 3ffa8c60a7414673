// Home of a tenant's staff member: what their role works on (components/dashboard/RoleHome).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleHome } from "@/components/dashboard/RoleHome";
import { NetworkWireCard } from "@/components/network/NetworkWireCard";
import { hourIn } from "@/components/ui/format";
import { getFormat } from "@/components/ui/get-format";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/** Indonesian greetings follow the day's parts: pagi, siang (11–15), sore (15–18), malam. */
function partOfDay(hour: number): "morning" | "afternoon" | "evening" | "night" {
  if (hour < 11) return "morning";
  if (hour < 15) return "afternoon";
  if (hour < 18) return "evening";
  return "night";
}

export default async function DashboardPage() {
  await requirePageCapability("dashboard.view");
  const [t, format, me] = await Promise.all([getTranslations("dashboard"), getFormat(), serverMe()]);
  const now = new Date();
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={t("title")} description={t("greeting", { period: partOfDay(hourIn(format.timeZone, now)), date: format.longDate(now) })} />
      <RoleHome />
      {me?.capabilities.includes("network.read") && (
        <div className="mt-6">
          <NetworkWireCard />
        </div>
      )}
    </div>
  );
}
