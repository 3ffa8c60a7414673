// Editing a draft invoice's lines and notes (issued invoices are voided and made again instead).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { EditDraft } from "@/components/billing/EditDraft";
import { requirePageCapability } from "@/server/trpc/page-guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.invoiceForm");
  return { title: t("editTitle") };
}

export default async function EditInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageCapability("billing.manage");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <EditDraft id={id} />
    </div>
  );
}
