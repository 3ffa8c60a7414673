"use client";
// Loads a draft into the invoice form; an invoice that is no longer a draft says so instead.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { InvoiceForm } from "./InvoiceForm";

export function EditDraft({ id }: { id: string }) {
  const trpc = useTRPC();
  const invoice = useQuery(trpc.billing.invoices.get.queryOptions({ id }));
  return (
    <>
      <Link href={`/invoices/${id}`} className="text-sm text-brand-700 hover:underline">
        ← Back to the invoice
      </Link>
      <PageHeader title="Edit draft invoice" />
      {invoice.isPending && <Skeleton className="h-64" />}
      <ErrorAlert error={invoice.error} title="Could not load the invoice." />
      {invoice.data && invoice.data.status !== "draft" && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This invoice is issued ({invoice.data.number}) and can no longer be edited. Void it and make a new one if it is wrong.
        </p>
      )}
      {invoice.data && invoice.data.status === "draft" && <InvoiceForm mode="edit" invoice={invoice.data} />}
    </>
  );
}
