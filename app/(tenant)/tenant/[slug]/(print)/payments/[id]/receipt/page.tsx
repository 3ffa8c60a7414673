// A payment's receipt on paper. Collectors print receipts too (payments.read); the ISP's
// logo and footer need billing.read, so theirs show the ISP's name only.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { receiptDocument } from "@/components/billing/document";
import { PrintableDocument } from "@/components/billing/PrintableDocument";
import { PrintToolbar } from "@/components/billing/PrintToolbar";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { appErrorOf } from "@/server/trpc/request-caller";
import { serverApi, serverMe, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.print");
  return { title: t("receiptTitle") };
}

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("payments.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const api = await serverApi();
  const payment = await api.billing.payments.get({ id }).catch((error: unknown) => {
    if (appErrorOf(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [me, tenant, locale, t] = await Promise.all([serverMe(), serverTenant(), getLocale(), getTranslations("billing.print")]);
  const settings = me!.capabilities.includes("billing.read") ? await api.billing.settings() : null;
  const doc = receiptDocument(payment, { name: tenant.name, timezone: tenant.timezone, logoDataUrl: settings?.logoDataUrl ?? null, footer: settings?.invoiceFooter ?? null }, locale);
  return (
    <>
      <PrintToolbar backHref={me!.capabilities.includes("billing.read") ? "/payments" : `/customers/${payment.customerId}`} backLabel={me!.capabilities.includes("billing.read") ? t("allPayments") : t("backToCustomer")} pdfHref={`/api/payments/${id}/pdf`} />
      <PrintableDocument doc={doc} />
    </>
  );
}
