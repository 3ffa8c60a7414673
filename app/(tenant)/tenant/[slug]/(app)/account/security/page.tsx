// The signed-in user's own security: password, two-factor sign-in, sessions. Users the ISP
// requires 2FA from are sent here by the layout until they have set it up.
import type { Metadata } from "next";
import { ChangePasswordCard } from "@/components/account/ChangePasswordCard";
import { SessionsCard } from "@/components/account/SessionsCard";
import { TwoFactorCard } from "@/components/account/TwoFactorCard";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My account" };

export default async function AccountSecurityPage() {
  await requirePageCapability("account.security");
  const [tenant, me] = await Promise.all([serverTenant(), serverMe()]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title="My account" description={me ? `${me.name} · ${me.email}` : undefined} />
      {me?.needsTwoFactorSetup && (
        <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="two-factor-required">
          <p className="font-semibold">{tenant.name} requires two-factor sign-in for all staff.</p>
          <p className="mt-1">Set it up below to continue. Until then, only this page is available.</p>
        </div>
      )}
      <TwoFactorCard timezone={tenant.timezone} />
      <ChangePasswordCard />
      <SessionsCard timezone={tenant.timezone} />
    </div>
  );
}
