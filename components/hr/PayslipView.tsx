"use client";
// One payslip on screen: earnings, deductions, take-home, what the employer pays on top, and
// the PDF. Shared by "My payslips" and the payroll run page.
import { useTranslations } from "next-intl";
import { payslipItemLabel, type PayrollTranslate } from "@/components/hr/payslip-item-label";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { useFormat } from "@/components/ui/use-format";
import type { TPayslipItem, TPayslipView } from "@/server/modules/payroll/payroll.schema";

function Items({ items, sign }: { items: TPayslipItem[]; sign: 1 | -1 }) {
  const t = useTranslations("payroll");
  const format = useFormat();
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {items.map((i, n) => (
        <div key={`${i.key}-${n}`} className="flex justify-between gap-3 py-1.5">
          <dt className="text-slate-700">{payslipItemLabel(t as unknown as PayrollTranslate, i)}</dt>
          <dd className="tabular-nums">{format.money(sign * i.amountIdr)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PayslipView({ slip }: { slip: TPayslipView }) {
  const t = useTranslations("payroll");
  const format = useFormat();
  return (
    <div className="space-y-3" data-testid="payslip">
      <div className="grid gap-4 sm:grid-cols-2">
        <section>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("document.earningsHeading")}</h3>
          <Items items={slip.earnings} sign={1} />
        </section>
        <section>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("document.deductionsHeading")}</h3>
          <Items items={slip.deductions} sign={-1} />
        </section>
      </div>
      <div className="flex items-center justify-between rounded-lg bg-slate-50 px-3 py-2">
        <span className="font-medium">{t("document.takeHome")}</span>
        <span className="text-lg font-semibold tabular-nums" data-testid="payslip-take-home">
          {format.money(slip.takeHomeIdr)}
        </span>
      </div>
      <details className="text-sm text-slate-600">
        <summary className="min-h-11 cursor-pointer py-2">{t("employerTitle", { amount: format.money(slip.employer.reduce((s, i) => s + i.amountIdr, 0)) })}</summary>
        <Items items={slip.employer} sign={1} />
      </details>
      <ButtonLink href={`/api/payslips/${slip.lineId}/pdf`} target="_blank" className="min-h-11 w-full sm:w-auto" data-testid="payslip-pdf">
        {t("pdf")}
      </ButtonLink>
    </div>
  );
}
