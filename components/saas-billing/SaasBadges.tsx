// Badges of RRNET's billing of an ISP: an invoice's status and the ISP's standing.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { TSaasInvoiceStatus, TSaasStanding } from "@/server/modules/saas-billing/saas-billing.schema";

const INVOICE_TONE: Record<TSaasInvoiceStatus, BadgeTone> = { issued: "brand", overdue: "danger", paid: "success", void: "neutral" };
const STANDING_TONE: Record<TSaasStanding, BadgeTone> = { good: "success", warned: "warning", restricted: "danger" };

export function SaasInvoiceStatusBadge({ status, partlyPaid = false }: { status: TSaasInvoiceStatus; partlyPaid?: boolean }) {
  const t = useTranslations("subscription");
  return (
    <Badge tone={INVOICE_TONE[status]} className="whitespace-nowrap">
      <span data-testid="saas-invoice-status">{t(`invoiceStatus.${status}`)}</span>
      {partlyPaid && <span className="font-normal">{t("partlyPaid")}</span>}
    </Badge>
  );
}

export function SaasStandingBadge({ standing }: { standing: TSaasStanding }) {
  const t = useTranslations("subscription.standing");
  return (
    <Badge tone={STANDING_TONE[standing]} className="whitespace-nowrap">
      <span data-testid="saas-standing">{t(standing)}</span>
    </Badge>
  );
}
