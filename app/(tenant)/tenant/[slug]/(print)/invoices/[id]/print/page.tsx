// One invoice on paper: the ISP's letterhead, the customer, lines, totals, PAID/VOID stamp.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { invoiceDocument } from "@/components/billing/document";
import { PrintableDocument } from "@/components/billing/PrintableDocument";
import { PrintToolbar } from "@/components/billing/PrintToolbar";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { appErrorOf } from "@/server/trpc/request-caller";
import { serverApi, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.print");
  return { title: t("printInvoice") };
}

export default async function PrintInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("billing.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const api = await serverApi();
  const invoice = await api.billing.invoices.get({ id }).catch((error: unknown) => {
    if (appErrorOf(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [settings, tenant, locale, t] = await Promise.all([api.billing.settings(), serverTenant(), getLocale(), getTranslations("billing.print")]);
  const doc = invoiceDocument(invoice, { name: tenant.name, timezone: tenant.timezone, logoDataUrl: settings.logoDataUrl, footer: settings.invoiceFooter }, locale);
  return (
    <>
      <PrintToolbar backHref={`/invoices/${id}`} backLabel={t("backToInvoice")} pdfHref={invoice.status === "draft" ? undefined : `/api/invoices/${id}/pdf`} />
      <PrintableDocument doc={doc} />
    </>
  );
}
