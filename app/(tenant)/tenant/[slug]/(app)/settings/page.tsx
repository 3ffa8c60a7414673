// Tenant settings: billing, custom domains and the two-factor policy.
import type { Metadata } from "next";
import { BillingSettingsCard } from "@/components/billing/BillingSettingsCard";
import { DomainsCard } from "@/components/settings/DomainsCard";
import { TenantLanguageCard } from "@/components/settings/TenantLanguageCard";
import { TwoFactorPolicyCard } from "@/components/settings/TwoFactorPolicyCard";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageCapability("tenant.settings");
  const [tenant, me] = await Promise.all([serverTenant(), serverMe()]);
  const can = (capability: string) => me!.capabilities.includes(capability);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title="Settings" description={`How ${tenant.name} bills, is reached and is signed in to.`} />
      <TenantLanguageCard />
      <BillingSettingsCard />
      <TwoFactorPolicyCard canChange={can("tenant.security_policy")} selfHasTwoFactor={me!.twoFactorEnabled} />
      {can("tenant.domains") && <DomainsCard />}
    </div>
  );
}
