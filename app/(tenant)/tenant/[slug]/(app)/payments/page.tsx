// Payments received: cash, transfers, collectors' hand-overs and online payments, with receipts.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PaymentList } from "@/components/billing/PaymentList";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { monthIn } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.payments");
  return { title: t("title") };
}

export default async function PaymentsPage() {
  await requirePageCapability("billing.read");
  const [tenant, t, late] = await Promise.all([serverTenant(), getTranslations("billing.payments"), getTranslations("billing.latePayments")]);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("title")} description={t("description")} actions={<ButtonLink href="/payments/late">{late("paymentsLink")}</ButtonLink>} />
      <PaymentList currentMonth={monthIn(tenant.timezone)} />
    </div>
  );
}
