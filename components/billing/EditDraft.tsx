"use client";
// Loads a draft into the invoice form; an invoice that is no longer a draft says so instead.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { InvoiceForm } from "./InvoiceForm";

export function EditDraft({ id }: { id: string }) {
  const t = useTranslations("billing.invoiceForm");
  const trpc = useTRPC();
  const invoice = useQuery(trpc.billing.invoices.get.queryOptions({ id }));
  return (
    <>
      <Link href={`/invoices/${id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        ← {t("backToInvoice")}
      </Link>
      <PageHeader title={t("editTitle")} />
      {invoice.isPending && <Skeleton className="h-64" />}
      <ErrorAlert error={invoice.error} title={t("loadFailed")} />
      {invoice.data && invoice.data.status !== "draft" && <Alert tone="warning">{t("notDraft", { number: invoice.data.number ?? "" })}</Alert>}
      {invoice.data && invoice.data.status === "draft" && <InvoiceForm mode="edit" invoice={invoice.data} />}
    </>
  );
}
