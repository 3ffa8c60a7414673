"use client";
// A day's review state and flags as badges (outside the fence, no position, no selfie).
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import type { TAttendanceDay } from "@/server/modules/hr/hr.schema";

export function AttendanceFlags({ day }: { day: Pick<TAttendanceDay, "flags" | "review"> }) {
  const t = useTranslations("hr");
  const tone = day.review === "flagged" ? "warning" : day.review === "clear" ? "success" : "neutral";
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={tone}>{t(`review.${day.review}`)}</Badge>
      {day.flags.map((f) => (
        <Badge key={f} tone="warning">
          {t(`flags.${f}`)}
        </Badge>
      ))}
    </span>
  );
}
