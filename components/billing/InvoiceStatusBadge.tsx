// An invoice's status as a badge: the same words and colours on every billing screen.
import { useTranslations } from "next-intl";
import { INVOICE_STATUS_TONES } from "@/components/billing/billing-ui";
import { Badge } from "@/components/ui/Badge";
import type { TInvoiceStatus } from "@/server/modules/billing/billing.schema";

export function InvoiceStatusBadge({ status }: { status: TInvoiceStatus }) {
  const t = useTranslations("billing.invoiceStatus");
  return (
    <Badge tone={INVOICE_STATUS_TONES[status]} className="whitespace-nowrap">
      <span data-testid="invoice-status" data-status={status}>
        {t(status)}
      </span>
    </Badge>
  );
}
