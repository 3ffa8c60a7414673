// Customer status as a badge: the same words and colours on every customer screen.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { TCustomerStatus } from "@/server/modules/customers/customers.schema";

const TONES: Record<TCustomerStatus, BadgeTone> = { prospect: "brand", active: "success", isolated: "warning", terminated: "neutral" };

export function StatusBadge({ status }: { status: TCustomerStatus }) {
  const t = useTranslations("customers.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
