// Tenant settings: language, billing, the two-factor policy and custom domains.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BillingSettingsCard } from "@/components/billing/BillingSettingsCard";
import { DomainsCard } from "@/components/settings/DomainsCard";
import { TenantLanguageCard } from "@/components/settings/TenantLanguageCard";
import { TwoFactorPolicyCard } from "@/components/settings/TwoFactorPolicyCard";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  await requirePageCapability("tenant.settings");
  const [tenant, me, t] = await Promise.all([serverTenant(), serverMe(), getTranslations("settings")]);
  const can = (capability: string) => me!.capabilities.includes(capability);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("title")} description={t("description", { tenant: tenant.name })} />
      <TenantLanguageCard />
      <BillingSettingsCard />
      <TwoFactorPolicyCard canChange={can("tenant.security_policy")} />
      {can("tenant.domains") && <DomainsCard />}
    </div>
  );
}
