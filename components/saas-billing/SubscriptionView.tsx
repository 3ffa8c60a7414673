// The ISP owner's RRNET subscription (server component): standing, plan and add-ons with what
// a month costs, how to pay, and RRNET's invoices with their lines and the payments received.
import { Card } from "@/components/ui/Card";
import { cx } from "@/components/ui/cx";
import type { TSaasSubscription } from "@/server/modules/saas-billing/saas-billing.schema";
import { SaasInvoiceHeader } from "./SaasInvoiceHeader";
import { SaasStandingBadge } from "./SaasBadges";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

const METHOD_LABEL: Record<string, string> = { bank_transfer: "bank transfer", cash: "cash", collector: "collector", gateway: "online" };

function StandingCard({ data }: { data: TSaasSubscription }) {
  const format = useFormat();
  const tone = data.standing === "restricted" ? "border-red-200 bg-red-50" : data.standing === "warned" ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white";
  return (
    <section className={cx("rounded-xl border p-4 shadow-sm sm:p-5", tone)} data-testid="subscription-standing">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">Account standing</h2>
        <SaasStandingBadge standing={data.standing} />
      </div>
      <p className="mt-2 text-sm text-slate-700">
        {data.standing === "good" && "Your RRNET subscription is paid up."}
        {data.standing === "warned" &&
          `${formatRupiah(data.overdueIdr)} is past its due date. Pay it${data.restrictsOn ? ` before ${format.calendarDate(data.restrictsOn)}` : " soon"}: ${data.restrictAfterDays} days after the due date the account becomes read-only.`}
        {data.standing === "restricted" &&
          `An RRNET invoice is more than ${data.restrictAfterDays} days overdue, so the account is read-only: your staff can look everything up but not change anything. Customers' own payments still work. Everything comes back as soon as RRNET records your payment.`}
      </p>
      <dl className="mt-3 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">Outstanding</dt>
        <dd className="tabular-nums font-semibold text-slate-900" data-testid="subscription-outstanding">
          {formatRupiah(data.outstandingIdr)}
        </dd>
        {data.overdueIdr > 0 && (
          <>
            <dt className="text-slate-500">Past due</dt>
            <dd className="tabular-nums font-semibold text-red-700" data-testid="subscription-overdue">
              {formatRupiah(data.overdueIdr)}
            </dd>
          </>
        )}
      </dl>
      <p className="mt-3 text-sm text-slate-700">
        {data.paymentInstructions ? (
          <>
            <span className="font-medium">How to pay:</span> <span className="whitespace-pre-line">{data.paymentInstructions}</span> Quote the invoice number.
          </>
        ) : (
          "Pay RRNET by bank transfer or in cash, quoting the invoice number; RRNET records the payment and your account is updated at once."
        )}
      </p>
    </section>
  );
}

function PlanCard({ data }: { data: TSaasSubscription }) {
  return (
    <Card title="Plan and add-ons">
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          <tr>
            <td className="py-2 pr-2 text-slate-900">
              <span className="font-medium">{data.plan.name}</span> plan
            </td>
            <td className="whitespace-nowrap py-2 text-right tabular-nums text-slate-900">{formatRupiah(data.plan.priceIdr)}</td>
          </tr>
          {data.addOns.map((a) => (
            <tr key={a.code}>
              <td className="py-2 pr-2 text-slate-700">
                {a.name}
                {a.quantity > 1 && <span className="text-slate-500"> × {a.quantity}</span>}
              </td>
              <td className="whitespace-nowrap py-2 text-right tabular-nums text-slate-700">{formatRupiah(a.amountIdr)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200">
          <tr>
            <td className="pt-2 pr-2 font-semibold text-slate-900">Per month</td>
            <td className="whitespace-nowrap pt-2 text-right font-semibold tabular-nums text-slate-900" data-testid="subscription-monthly">
              {formatRupiah(data.monthlyIdr)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-3 text-xs text-slate-500">Invoiced on the 1st of each month. To change the plan or add-ons, contact RRNET.</p>
    </Card>
  );
}

function InvoiceItem({ invoice }: { invoice: TSaasSubscription["invoices"][number] }) {
  return (
    <li className="py-3" data-testid="subscription-invoice" data-number={invoice.number}>
      <SaasInvoiceHeader invoice={invoice} />
      <details className="mt-1 text-xs text-slate-600">
        <summary className="cursor-pointer select-none text-brand-700">Details</summary>
        <ul className="mt-1 space-y-0.5">
          {invoice.lines.map((line, i) => (
            <li key={i} className="flex justify-between gap-2">
              <span className="min-w-0">
                {line.description}
                {line.quantity > 1 && ` × ${line.quantity} at ${formatRupiah(line.unitPriceIdr)}`}
              </span>
              <span className="tabular-nums">{formatRupiah(line.amountIdr)}</span>
            </li>
          ))}
          {invoice.payments.map((p) => (
            <li key={p.id} className="flex justify-between gap-2 text-emerald-800">
              <span className="min-w-0">
                Paid by {METHOD_LABEL[p.method] ?? p.method}
                {p.reference ? ` (${p.reference})` : ""}
              </span>
              <span className="tabular-nums">−{formatRupiah(p.amountIdr)}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function SubscriptionView({ data }: { data: TSaasSubscription }) {
  return (
    <div className="space-y-4">
      <StandingCard data={data} />
      <PlanCard data={data} />
      <Card title="RRNET invoices">
        {data.invoices.length === 0 ? (
          <p className="text-sm text-slate-500">No invoices yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.invoices.map((invoice) => (
              <InvoiceItem key={invoice.id} invoice={invoice} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
