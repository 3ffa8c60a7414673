"use client";
// Figures of a router as people read them: uptime in days/hours/minutes, memory in MB.
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/ui/use-format";

export function useRouterFigures() {
  const t = useTranslations("routers");
  const format = useFormat();
  return {
    uptime(seconds: number | null): string {
      if (seconds === null) return t("figures.none");
      const days = Math.floor(seconds / 86_400);
      const hours = Math.floor((seconds % 86_400) / 3600);
      const minutes = Math.floor((seconds % 3600) / 60);
      // The two largest units people read: "3 hari 4 jam", "2 jam 5 menit", "1 menit".
      if (days > 0) return t("figures.uptimeDays", { days, hours });
      if (hours > 0) return t("figures.uptimeHours", { hours, minutes });
      return t("figures.uptimeMinutes", { minutes });
    },
    memory(free: number | null, total: number | null): string {
      if (free === null || total === null) return t("figures.none");
      const mb = (n: number) => format.count(Math.round(n / (1024 * 1024)));
      return t("figures.memory", { used: mb(total - free), total: mb(total) });
    },
    cpu(percent: number | null): string {
      return percent === null ? t("figures.none") : t("figures.cpu", { percent });
    },
  };
}
