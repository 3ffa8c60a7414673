"use client";
// A router's health as a badge: up (answered the last poll), down (two polls failed in a row),
// unknown (not polled yet).
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { TRouterStatus } from "@/server/modules/routers/routers.schema";

const TONES: Record<TRouterStatus, BadgeTone> = { up: "success", down: "danger", unknown: "neutral" };

export function RouterStatusBadge({ status }: { status: TRouterStatus }) {
  const t = useTranslations("routers");
  return (
    <span data-testid="router-status" data-status={status}>
      <Badge tone={TONES[status]}>{t(`status.${status}`)}</Badge>
    </span>
  );
}
