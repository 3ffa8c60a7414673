import { Badge } from "@/components/ui/Badge";
import type { TTenantStatus } from "@/server/modules/platform/platform.schema";

const LABELS: Record<TTenantStatus, { label: string; tone: "success" | "warning" | "neutral" }> = {
  active: { label: "Active", tone: "success" },
  suspended: { label: "Suspended", tone: "warning" },
  archived: { label: "Archived", tone: "neutral" },
};

export function TenantStatusBadge({ status }: { status: TTenantStatus }) {
  const { label, tone } = LABELS[status];
  return (
    <Badge tone={tone} className="whitespace-nowrap">
      <span data-testid="tenant-status">{label}</span>
    </Badge>
  );
}
