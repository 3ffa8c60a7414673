// The signed-in user's own security: password, two-factor sign-in, sessions. Users the ISP
// requires 2FA from are sent here by the layout until they have set it up.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountTabs } from "@/components/account/AccountTabs";
import { ChangePasswordCard } from "@/components/account/ChangePasswordCard";
import { SessionsCard } from "@/components/account/SessionsCard";
import { TwoFactorCard } from "@/components/account/TwoFactorCard";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("securityTitle") };
}

export default async function AccountSecurityPage() {
  await requirePageCapability("account.security");
  const [tenant, me, t] = await Promise.all([serverTenant(), serverMe(), getTranslations("account")]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("title")} description={me ? `${me.name} · ${me.email}` : undefined} />
      {/* The user who must set their password or set up 2FA first sees only this page: no tabs to elsewhere. */}
      {!me?.needsTwoFactorSetup && !me?.needsPasswordChange && <AccountTabs current="security" />}
      {me?.needsPasswordChange && (
        <Alert tone="warning" title={t("passwordChangeRequired.title")} testId="password-change-required">
          {t("passwordChangeRequired.body")}
        </Alert>
      )}
      {me?.needsTwoFactorSetup && (
        <Alert tone="warning" title={t("twoFactorRequiredByTenant.title", { tenant: tenant.name })} testId="two-factor-required">
          {t("twoFactorRequiredByTenant.body")}
        </Alert>
      )}
      {me?.needsPasswordChange ? (
        <>
          <ChangePasswordCard />
          <TwoFactorCard />
        </>
      ) : (
        <>
          <TwoFactorCard />
          <ChangePasswordCard />
        </>
      )}
      <SessionsCard />
    </div>
  );
}
