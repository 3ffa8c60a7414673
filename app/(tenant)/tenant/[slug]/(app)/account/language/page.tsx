// The signed-in user's own language (else the ISP's default applies).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountTabs } from "@/components/account/AccountTabs";
import { LanguageCard } from "@/components/account/LanguageCard";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("languageTitle") };
}

export default async function AccountLanguagePage() {
  await requirePageCapability("account.security");
  const [me, t] = await Promise.all([serverMe(), getTranslations("account")]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("title")} description={me ? `${me.name} · ${me.email}` : undefined} />
      <AccountTabs current="language" />
      <LanguageCard followsLabel />
    </div>
  );
}
