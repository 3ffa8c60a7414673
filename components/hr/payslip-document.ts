// What a printed payslip says, as formatted text in the reader's language, in the same document
// model as invoices and receipts (server/pdf/document-model.ts), so the PDF renderer is shared.
// Pure: words from the `payroll` catalogue, figures from the format module.
import { payslipItemLabel } from "@/components/hr/payslip-item-label";
import { createFormat } from "@/components/ui/format";
import type { Locale } from "@/i18n/locales";
import { serverTranslator } from "@/i18n/translator";
import type { TPayslipView } from "@/server/modules/payroll/payroll.schema";
import type { BillingDocument } from "@/server/pdf/document-model";

type Issuer = { name: string; timezone: string; logoDataUrl: string | null };

export function payslipDocument(p: TPayslipView, issuer: Issuer, locale: Locale): BillingDocument {
  const root = serverTranslator(locale) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const t = (key: string, values?: Record<string, string | number>) => root(`payroll.${key}`, values);
  const d = (key: string, values?: Record<string, string | number>) => t(`document.${key}`, values);
  const format = createFormat(locale, issuer.timezone);
  const money = format.money;
  const totalDeductions = p.deductions.reduce((s, i) => s + i.amountIdr, 0);
  const rows = [
    [d("earningsHeading"), ""],
    ...p.earnings.map((i) => [payslipItemLabel(t, i), money(i.amountIdr)]),
    [d("deductionsHeading"), ""],
    ...p.deductions.map((i) => [payslipItemLabel(t, i), money(-i.amountIdr)]),
  ];
  const method = p.pph21.method === "ter" ? d("methodTer", { category: p.pph21.category ?? "", rate: format.rateBp(p.pph21.rateBp ?? 0) }) : d("methodAnnual");
  const employer = p.employer.map((i) => `${payslipItemLabel(t, i)} ${money(i.amountIdr)}`).join(", ");
  const a = p.attendance;
  return {
    kind: "payslip",
    title: d("title"),
    number: d("number", { period: p.period, employeeNo: p.employeeNo }),
    fileName: `slip-${p.period}-${p.employeeNo.replace(/[^A-Za-z0-9-]+/g, "-")}.pdf`,
    stamp: p.runStatus === "locked" ? null : { text: d("stampDraft"), tone: "draft" },
    issuer: { name: issuer.name, logoDataUrl: issuer.logoDataUrl },
    party: { heading: d("employee"), name: p.name, lines: [d("attendanceLine", { employeeNo: p.employeeNo }), `${p.position} · ${p.department}`] },
    facts: [
      [d("period"), format.month(p.period)],
      [d("ptkp"), p.ptkpStatus],
      [d("pph21Method"), method],
    ],
    table: { columns: [d("item"), d("amount")], rows },
    totals: [
      { label: d("gross"), value: money(p.grossIdr) },
      { label: d("totalDeductions"), value: money(-totalDeductions) },
      { label: d("takeHome"), value: money(p.takeHomeIdr), strong: true },
    ],
    payments: [],
    paymentsHeading: "",
    notes: d("employerNote", { items: employer || "—", present: a.presentDays, scheduled: a.scheduledDays, absent: a.absentDays, unpaid: a.unpaidLeaveDays, paid: a.paidLeaveDays }),
    footer: null,
  };
}
