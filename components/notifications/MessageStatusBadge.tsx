"use client";
// A WhatsApp message's status as a badge: delivered and read green, failed red, unknown amber.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { TMessageStatus } from "@/server/modules/notifications/notifications.schema";

const TONES: Record<TMessageStatus, BadgeTone> = { queued: "neutral", sending: "brand", sent: "brand", delivered: "success", read: "success", failed: "danger", unknown: "warning", skipped: "neutral" };

export function MessageStatusBadge({ status }: { status: TMessageStatus }) {
  const t = useTranslations("notifications.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
