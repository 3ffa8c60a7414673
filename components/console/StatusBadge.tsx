"use client";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { TTenantStatus } from "@/server/modules/platform/platform.schema";

const TONES: Record<TTenantStatus, BadgeTone> = { active: "success", suspended: "warning", archived: "neutral" };

export function TenantStatusBadge({ status }: { status: TTenantStatus }) {
  const t = useTranslations("console.status");
  return (
    <Badge tone={TONES[status]} className="whitespace-nowrap">
      <span data-testid="tenant-status">{t(status)}</span>
    </Badge>
  );
}
