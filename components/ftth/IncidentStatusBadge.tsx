import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { TIncidentStatus } from "@/server/modules/ftth/ftth.schema";

const TONE: Record<TIncidentStatus, BadgeTone> = { suspected: "warning", open: "danger", resolved: "success", dismissed: "neutral" };

export function IncidentStatusBadge({ status }: { status: TIncidentStatus }) {
  const t = useTranslations("ftth");
  return <Badge tone={TONE[status]}>{t(`outages.statuses.${status}`)}</Badge>;
}
