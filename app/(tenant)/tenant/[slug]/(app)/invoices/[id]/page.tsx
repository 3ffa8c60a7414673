// One invoice: lines, totals, payments, and the actions its status allows.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { InvoiceDetail } from "@/components/billing/InvoiceDetail";
import { InvoiceWhatsAppCard } from "@/components/notifications/InvoiceWhatsAppCard";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.invoice");
  return { title: t("title") };
}

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("billing.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const [me, t] = await Promise.all([serverMe(), getTranslations("billing.invoice")]);
  return (
    <div className="mx-auto max-w-4xl space-y-3">
      <Link href="/invoices" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        ← {t("allInvoices")}
      </Link>
      <InvoiceDetail id={id} canManage={me!.capabilities.includes("billing.manage")} canRecord={me!.capabilities.includes("payments.record")} />
      {me!.capabilities.includes("notifications.send") && <InvoiceWhatsAppCard invoiceId={id} canSeeLog={me!.capabilities.includes("notifications.read")} />}
    </div>
  );
}
