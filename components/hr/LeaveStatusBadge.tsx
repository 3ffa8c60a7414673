"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import type { TLeaveStatus } from "@/server/modules/hr/hr.schema";

const TONE = { pending: "warning", approved: "success", rejected: "danger", cancelled: "neutral" } as const;

export function LeaveStatusBadge({ status }: { status: TLeaveStatus }) {
  const t = useTranslations("hr");
  return <Badge tone={TONE[status]}>{t(`leaveStatus.${status}`)}</Badge>;
}
