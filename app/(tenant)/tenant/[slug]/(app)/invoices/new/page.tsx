// A manual invoice (installation, equipment, anything outside the subscription): draft or issued.
// ?customerId=… starts with that customer chosen (the customer page links here).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { InvoiceForm } from "@/components/billing/InvoiceForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.invoiceForm");
  return { title: t("newTitle") };
}

export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<{ customerId?: string | string[] }> }) {
  await requirePageCapability("billing.manage");
  const [{ customerId }, t] = await Promise.all([searchParams, getTranslations("billing.invoiceForm")]);
  const id = z.uuid().safeParse(customerId);
  const customer = id.success ? await (await serverApi()).customers.get({ id: id.data }).catch(() => null) : null;
  return (
    <div className="mx-auto min-w-0 max-w-3xl">
      <Link href="/invoices" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        ← {t("allInvoices")}
      </Link>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <InvoiceForm mode="new" customer={customer && { id: customer.id, code: customer.code, name: customer.name, address: customer.address }} />
    </div>
  );
}
