// The signed-in operator's own account: two-factor sign-in, password, sessions, language. In
// production an operator without 2FA is sent here by the layout until they have set it up.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordCard } from "@/components/account/ChangePasswordCard";
import { LanguageCard } from "@/components/account/LanguageCard";
import { SessionsCard } from "@/components/account/SessionsCard";
import { TwoFactorCard } from "@/components/account/TwoFactorCard";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function ConsoleAccountPage() {
  const [me, t] = await Promise.all([serverMe(), getTranslations("account")]);
  if (!me || me.kind !== "platform") redirect("/login");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("title")} description={`${me.name} · ${me.email}`} />
      {me.needsTwoFactorSetup && (
        <Alert tone="warning" title={t("twoFactorRequiredForOperators.title")} testId="two-factor-required">
          {t("twoFactorRequiredForOperators.body")}
        </Alert>
      )}
      <TwoFactorCard scope="platform" />
      {/* A password-only session of a production operator may finish the set-up, nothing more. */}
      {!me.needsTwoFactorSetup && <ChangePasswordCard scope="platform" />}
      <SessionsCard scope="platform" />
      <div id="language" className="scroll-mt-20">
        <LanguageCard scope="platform" />
      </div>
    </div>
  );
}
