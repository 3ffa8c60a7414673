// An invoice's status as a badge: the same words and colours on every billing screen.
import { Badge } from "@/components/ui/Badge";
import { INVOICE_STATUS_LABELS, type TInvoiceStatus } from "@/server/modules/billing/billing.schema";
import { INVOICE_STATUS_TONES } from "./format";

export function InvoiceStatusBadge({ status }: { status: TInvoiceStatus }) {
  return (
    <Badge tone={INVOICE_STATUS_TONES[status]} className="whitespace-nowrap">
      <span data-testid="invoice-status">{INVOICE_STATUS_LABELS[status]}</span>
    </Badge>
  );
}
