"use client";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import type { TRunStatus } from "@/server/modules/payroll/payroll.schema";

const TONE = { draft: "warning", reviewed: "brand", locked: "success" } as const;

export function RunStatusBadge({ status }: { status: TRunStatus }) {
  const t = useTranslations("payroll");
  return <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>;
}
