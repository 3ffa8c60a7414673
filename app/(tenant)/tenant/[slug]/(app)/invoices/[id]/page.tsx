// One invoice: lines, totals, payments, and the actions its status allows.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { InvoiceDetail } from "@/components/billing/InvoiceDetail";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverMe } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("billing.read");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const me = await serverMe();
  return (
    <div className="mx-auto max-w-4xl space-y-3">
      <Link href="/invoices" className="text-sm text-brand-700 hover:underline">
        ← All invoices
      </Link>
      <InvoiceDetail id={id} canManage={me!.capabilities.includes("billing.manage")} canRecord={me!.capabilities.includes("payments.record")} />
    </div>
  );
}
