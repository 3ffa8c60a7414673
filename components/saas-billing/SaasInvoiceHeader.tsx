// The head of one RRNET invoice in a list: number, status, period and dates, total and what is
// left to pay. Shared by the console's tenant page and the ISP owner's subscription page.
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";
import { SaasInvoiceStatusBadge } from "./SaasBadges";

type InvoiceHead = {
  number: string;
  status: "issued" | "paid" | "overdue" | "void";
  period: string;
  issueDate: string;
  dueDate: string;
  totalIdr: number;
  paidIdr: number;
  outstandingIdr: number;
};

export function SaasInvoiceHeader({ invoice }: { invoice: InvoiceHead }) {
  const t = useTranslations("subscription.invoices");
  const format = useFormat();
  const open = invoice.status === "issued" || invoice.status === "overdue";
  return (
    <div className="flex flex-wrap items-start justify-between gap-2">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-sm text-slate-900">{invoice.number}</span>
          <SaasInvoiceStatusBadge status={invoice.status} partlyPaid={invoice.paidIdr > 0 && invoice.status !== "paid"} />
        </div>
        <div className="mt-0.5 text-xs text-slate-500">
          {t("dates", { month: format.month(invoice.period), issued: format.calendarDate(invoice.issueDate), due: format.calendarDate(invoice.dueDate) })}
        </div>
      </div>
      <div className="text-right text-sm">
        <div className="tabular-nums font-medium text-slate-900">{format.money(invoice.totalIdr)}</div>
        {open && invoice.paidIdr > 0 && <div className="text-xs text-slate-600">{t("leftToPay", { amount: format.money(invoice.outstandingIdr) })}</div>}
      </div>
    </div>
  );
}
