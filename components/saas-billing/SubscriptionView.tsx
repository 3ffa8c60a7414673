// The ISP owner's RRNET subscription (server component): standing, plan and add-ons with what
// a month costs, how to pay, and RRNET's invoices with their lines and the payments received.
// The standing text follows the figures: "nothing to pay" only when nothing is outstanding.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/Card";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import type { TSaasSubscription } from "@/server/modules/saas-billing/saas-billing.schema";
import { SaasStandingBadge } from "./SaasBadges";
import { SaasInvoiceHeader } from "./SaasInvoiceHeader";

/** The earliest due date among invoices still owing something. */
function nextDueDate(data: TSaasSubscription): string | null {
  const open = data.invoices.filter((i) => (i.status === "issued" || i.status === "overdue") && i.outstandingIdr > 0).map((i) => i.dueDate);
  return open.length > 0 ? open.sort()[0]! : null;
}

function StandingText({ data }: { data: TSaasSubscription }) {
  const t = useTranslations("subscription.standingCard");
  const format = useFormat();
  const days = data.restrictAfterDays;
  if (data.standing === "restricted") return <>{t("restricted", { days })}</>;
  if (data.overdueIdr > 0) {
    const amount = format.money(data.overdueIdr);
    return <>{data.restrictsOn ? t("warned", { amount, restrictsOn: format.calendarDate(data.restrictsOn), days }) : t("warnedSoon", { amount, days })}</>;
  }
  const due = nextDueDate(data);
  if (data.outstandingIdr > 0 && due) return <>{t("dueSoon", { amount: format.money(data.outstandingIdr), dueDate: format.calendarDate(due) })}</>;
  return <>{t("paidUp")}</>;
}

function StandingCard({ data }: { data: TSaasSubscription }) {
  const t = useTranslations("subscription.standingCard");
  const format = useFormat();
  const tone = data.standing === "restricted" ? "border-red-200 bg-red-50" : data.standing === "warned" ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white";
  return (
    <section className={cx("rounded-xl border p-4 shadow-sm sm:p-5", tone)} data-testid="subscription-standing">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <SaasStandingBadge standing={data.standing} />
      </div>
      <p className="mt-2 text-sm text-slate-700" data-testid="subscription-standing-text">
        <StandingText data={data} />
      </p>
      <dl className="mt-3 grid grid-cols-[8rem_minmax(0,1fr)] gap-x-2 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("outstanding")}</dt>
        <dd className="tabular-nums font-semibold text-slate-900" data-testid="subscription-outstanding">
          {format.money(data.outstandingIdr)}
        </dd>
        {data.overdueIdr > 0 && (
          <>
            <dt className="text-slate-500">{t("pastDue")}</dt>
            <dd className="tabular-nums font-semibold text-red-700" data-testid="subscription-overdue">
              {format.money(data.overdueIdr)}
            </dd>
          </>
        )}
      </dl>
      <p className="mt-3 text-sm text-slate-700">
        {data.paymentInstructions ? (
          <>
            <span className="font-medium">{t("howToPay")}</span> <span className="whitespace-pre-line">{data.paymentInstructions}</span> {t("quoteNumber")}
          </>
        ) : (
          t("defaultHowToPay")
        )}
      </p>
    </section>
  );
}

function PlanCard({ data }: { data: TSaasSubscription }) {
  const t = useTranslations("subscription.plan");
  const format = useFormat();
  return (
    <Card title={t("title")}>
      <table className="w-full text-sm">
        <tbody className="divide-y divide-slate-100">
          <tr>
            <td className="py-2 pr-2 font-medium text-slate-900">{t("planName", { name: data.plan.name })}</td>
            <td className="whitespace-nowrap py-2 text-right tabular-nums text-slate-900">{format.money(data.plan.priceIdr)}</td>
          </tr>
          {data.addOns.map((a) => (
            <tr key={a.code}>
              <td className="py-2 pr-2 text-slate-700">
                {a.name}
                {a.quantity > 1 && <span className="text-slate-500"> {t("quantity", { count: a.quantity })}</span>}
              </td>
              <td className="whitespace-nowrap py-2 text-right tabular-nums text-slate-700">{format.money(a.amountIdr)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200">
          <tr>
            <td className="pt-2 pr-2 font-semibold text-slate-900">{t("perMonth")}</td>
            <td className="whitespace-nowrap pt-2 text-right font-semibold tabular-nums text-slate-900" data-testid="subscription-monthly">
              {format.money(data.monthlyIdr)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="mt-3 text-xs text-slate-500">{t("note")}</p>
    </Card>
  );
}

function InvoiceItem({ invoice }: { invoice: TSaasSubscription["invoices"][number] }) {
  const t = useTranslations("subscription.invoices");
  const methods = useTranslations("billing.paymentMethod");
  const format = useFormat();
  return (
    <li className="py-3" data-testid="subscription-invoice" data-number={invoice.number}>
      <SaasInvoiceHeader invoice={invoice} />
      <details className="mt-1 text-xs text-slate-600">
        <summary className="flex min-h-11 cursor-pointer select-none items-center text-brand-700">{t("details")}</summary>
        <ul className="mt-1 space-y-0.5">
          {invoice.lines.map((line, i) => (
            <li key={i} className="flex justify-between gap-2">
              <span className="min-w-0">
                {line.quantity > 1 ? t("line", { description: line.description, quantity: line.quantity, price: format.money(line.unitPriceIdr) }) : line.description}
              </span>
              <span className="tabular-nums">{format.money(line.amountIdr)}</span>
            </li>
          ))}
          {invoice.payments.map((p) => (
            <li key={p.id} className="flex justify-between gap-2 text-emerald-800">
              <span className="min-w-0">
                {p.reference ? t("paidByWithReference", { method: methods(p.method), reference: p.reference }) : t("paidBy", { method: methods(p.method) })}
              </span>
              <span className="tabular-nums">−{format.money(p.amountIdr)}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function SubscriptionView({ data }: { data: TSaasSubscription }) {
  const t = useTranslations("subscription.invoices");
  return (
    <div className="space-y-4">
      <StandingCard data={data} />
      <PlanCard data={data} />
      <Card title={t("title")}>
        {data.invoices.length === 0 ? (
          <EmptyState title={t("empty")} />
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
