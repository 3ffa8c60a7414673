import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { TSaasInvoiceStatus, TSaasStanding } from "@/server/modules/saas-billing/saas-billing.schema";

const INVOICE: Record<TSaasInvoiceStatus, { label: string; tone: BadgeTone }> = {
  issued: { label: "Issued", tone: "brand" },
  overdue: { label: "Overdue", tone: "danger" },
  paid: { label: "Paid", tone: "success" },
  void: { label: "Void", tone: "neutral" },
};

const STANDING: Record<TSaasStanding, { label: string; tone: BadgeTone }> = {
  good: { label: "Good standing", tone: "success" },
  warned: { label: "Warned: overdue", tone: "warning" },
  restricted: { label: "Read-only", tone: "danger" },
};

export function SaasInvoiceStatusBadge({ status, partlyPaid = false }: { status: TSaasInvoiceStatus; partlyPaid?: boolean }) {
  const { label, tone } = INVOICE[status];
  return (
    <Badge tone={tone} className="whitespace-nowrap">
      <span data-testid="saas-invoice-status">{label}</span>
      {partlyPaid && <span className="font-normal">· part paid</span>}
    </Badge>
  );
}

export function SaasStandingBadge({ standing }: { standing: TSaasStanding }) {
  const { label, tone } = STANDING[standing];
  return (
    <Badge tone={tone} className="whitespace-nowrap">
      <span data-testid="saas-standing">{label}</span>
    </Badge>
  );
}
