// A manual invoice (installation, equipment, anything outside the subscription): draft or issued.
// ?customerId=… starts with that customer chosen (the customer page links here).
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { InvoiceForm } from "@/components/billing/InvoiceForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New invoice" };

export default async function NewInvoicePage({ searchParams }: { searchParams: Promise<{ customerId?: string | string[] }> }) {
  await requirePageCapability("billing.manage");
  const { customerId } = await searchParams;
  const id = z.uuid().safeParse(customerId);
  const customer = id.success ? await (await serverApi()).customers.get({ id: id.data }).catch(() => null) : null;
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/invoices" className="text-sm text-brand-700 hover:underline">
        ← All invoices
      </Link>
      <PageHeader title="New invoice" description="Numbers are given when the invoice is issued; a draft can still be changed or deleted." />
      <InvoiceForm mode="new" customer={customer && { id: customer.id, code: customer.code, name: customer.name, address: customer.address }} />
    </div>
  );
}
