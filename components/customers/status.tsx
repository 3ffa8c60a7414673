// Customer status as a badge: the same words and colours on every customer screen.
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { STATUS_LABELS, type TCustomerStatus } from "@/server/modules/customers/customers.schema";

const TONES: Record<TCustomerStatus, BadgeTone> = { prospect: "brand", active: "success", isolated: "warning", terminated: "neutral" };

export function StatusBadge({ status }: { status: TCustomerStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** Statuses staff may choose by hand (isolation is automatic, done by billing). */
export const MANUAL_STATUSES = ["prospect", "active", "terminated"] as const satisfies readonly TCustomerStatus[];
