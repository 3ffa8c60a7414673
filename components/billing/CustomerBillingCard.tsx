"use client";
// A customer's money on their page: balance (outstanding, overdue, credit), invoices, and
// "Record payment". Finance sees every invoice (billing.invoices.list); a collector, who may
// record payments but not read billing, sees the open ones (billing.invoices.openForCustomer).
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import type { TInvoiceRow } from "@/server/modules/billing/billing.schema";
import { InvoiceStatusBadge } from "./InvoiceStatusBadge";
import { RecordPaymentForm } from "./RecordPaymentForm";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

const RECENT = 12;

type CustomerBillingCardProps = {
  customerId: string;
  /** billing.read: every invoice, links to invoice pages. */
  canRead: boolean;
  /** billing.manage: a "New invoice" link. */
  canManage: boolean;
};

export function CustomerBillingCard({ customerId, canRead, canManage }: CustomerBillingCardProps) {
  const trpc = useTRPC();
  const [paying, setPaying] = useState(false);
  // Shares the customer page's cached answer: only for the "all invoices" search link.
  const customer = useQuery(trpc.customers.get.queryOptions({ id: customerId }));
  const balance = useQuery(trpc.billing.customerBalance.queryOptions({ customerId }));
  const all = useQuery({ ...trpc.billing.invoices.list.queryOptions({ customerId, limit: RECENT }), enabled: canRead });
  const open = useQuery({ ...trpc.billing.invoices.openForCustomer.queryOptions({ customerId }), enabled: !canRead });
  const invoices = canRead ? all : open;
  const b = balance.data;

  return (
    <Card
      title="Billing"
      action={
        <div className="flex flex-wrap gap-2">
          {canManage && <ButtonLink href={`/invoices/new?customerId=${customerId}`}>New invoice</ButtonLink>}
          {!paying && (
            <Button variant="primary" onClick={() => setPaying(true)} disabled={!b}>
              Record payment
            </Button>
          )}
        </div>
      }
    >
      <div className="space-y-4" data-testid="customer-billing">
        {balance.isPending && <Skeleton className="h-16" />}
        <ErrorAlert error={balance.error} title="Could not load the balance." />
        {b && (
          <dl className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-3">
            <Figure label="Outstanding" value={formatRupiah(b.outstandingIdr)} hint={`${b.openInvoices} open ${b.openInvoices === 1 ? "invoice" : "invoices"}`} testId="balance-outstanding" />
            <Figure label="Overdue" value={formatRupiah(b.overdueIdr)} alert={b.overdueIdr > 0} testId="balance-overdue" />
            <Figure label="Credit" value={formatRupiah(b.creditIdr)} hint="Applied to the next invoices" testId="balance-credit" />
          </dl>
        )}
        {paying && b && (
          <RecordPaymentForm
            customerId={customerId}
            defaultAmountIdr={b.outstandingIdr}
            defaultMethod={canRead ? "cash" : "collector"}
            linkInvoices={canRead}
            onCancel={() => setPaying(false)}
          />
        )}
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-700">{canRead ? "Invoices" : "Open invoices"}</h3>
          {invoices.isPending && <Skeleton className="h-20" />}
          <ErrorAlert error={invoices.error} title="Could not load the invoices." />
          {invoices.data && invoices.data.rows.length === 0 && <p className="text-sm text-slate-600">{canRead ? "No invoices yet." : "Nothing open: this customer owes nothing."}</p>}
          {invoices.data && invoices.data.rows.length > 0 && (
            <ul className="divide-y divide-slate-100" data-testid="customer-invoices">
              {invoices.data.rows.map((r) => (
                <InvoiceLine key={r.id} row={r} linked={canRead} />
              ))}
            </ul>
          )}
          {canRead && all.data?.nextCursor && customer.data && (
            <Link href={`/invoices?q=${encodeURIComponent(customer.data.code)}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
              All invoices of this customer →
            </Link>
          )}
        </div>
      </div>
    </Card>
  );
}

function Figure({ label, value, hint, alert, testId }: { label: string; value: string; hint?: string; alert?: boolean; testId: string }) {
  return (
    <div className={alert ? "rounded-lg border border-red-200 bg-red-50 px-3 py-2" : "rounded-lg border border-slate-200 px-3 py-2"}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={alert ? "text-lg font-semibold tabular-nums text-red-700" : "text-lg font-semibold tabular-nums text-slate-900"} data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

function InvoiceLine({ row: r, linked }: { row: TInvoiceRow; linked: boolean }) {
  const format = useFormat();
  const number = <span className="font-mono text-sm">{r.number ?? "Draft"}</span>;
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2" data-testid="customer-invoice" data-status={r.status}>
      <div className="min-w-0">
        {linked ? (
          <Link href={`/invoices/${r.id}`} className="text-brand-700 hover:underline">
            {number}
          </Link>
        ) : (
          number
        )}
        <div className="text-xs text-slate-500">
          {format.periodRange(r.periodStart, r.periodEnd) ?? "Manual invoice"}
          {r.dueDate && ` · due ${format.calendarDate(r.dueDate)}`}
        </div>
      </div>
      <div className="flex items-center gap-2">
        <span className="text-right text-sm tabular-nums">
          {formatRupiah(r.totalIdr)}
          {r.outstandingIdr > 0 && r.outstandingIdr < r.totalIdr && <span className="block text-xs text-slate-500">{formatRupiah(r.outstandingIdr)} open</span>}
        </span>
        <InvoiceStatusBadge status={r.status} />
      </div>
    </li>
  );
}
