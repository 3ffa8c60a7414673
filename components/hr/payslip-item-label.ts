// How a payslip item is named, on screen and in the PDF: its kind from the `payroll` catalogue,
// HR's own label after it, or its number of working days inside it (leave payout, proration).
import type { TPayslipItem } from "@/server/modules/payroll/payroll.schema";

export type PayrollTranslate = (key: string, values?: Record<string, string | number>) => string;

export function payslipItemLabel(t: PayrollTranslate, item: TPayslipItem): string {
  const kind = item.days === undefined ? t(`items.${item.key}`) : t(`items.${item.key}`, { days: item.days });
  return item.label ? `${kind}: ${item.label}` : kind;
}
