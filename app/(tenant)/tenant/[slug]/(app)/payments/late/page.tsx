// Late payments: money that arrived on superseded payment codes, booked (as credit where no
// invoice took it) and listed here for finance to follow up.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LatePaymentList } from "@/components/gateway/LatePaymentList";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.latePayments");
  return { title: t("title") };
}

export default async function LatePaymentsPage() {
  await requirePageCapability("billing.read");
  const t = await getTranslations("billing.latePayments");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} actions={<ButtonLink href="/payments">{t("allPayments")}</ButtonLink>} />
      <LatePaymentList />
    </div>
  );
}
