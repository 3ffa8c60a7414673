// A work order's status and kind as badges (labels from workorders.status / workorders.kind).
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { WorkOrderKind, WorkOrderStatus } from "@/server/modules/workorders/work-order-rules";

const TONE: Record<WorkOrderStatus, BadgeTone> = { open: "warning", assigned: "brand", on_the_way: "brand", in_progress: "brand", done: "success", cancelled: "neutral" };

export function WorkOrderStatusBadge({ status, overdue = false }: { status: WorkOrderStatus; overdue?: boolean }) {
  const t = useTranslations("workorders");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>
      {overdue && <Badge tone="danger">{t("list.overdueBadge")}</Badge>}
    </span>
  );
}

export function WorkOrderKindLabel({ kind }: { kind: WorkOrderKind }) {
  const t = useTranslations("workorders");
  return <>{t(`kind.${kind}`)}</>;
}
