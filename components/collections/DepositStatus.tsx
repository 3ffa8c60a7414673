"use client";
// A hand-over's state: waiting for finance's count, received as declared, or received with a variance.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import type { TDepositRow } from "@/server/modules/collections/collections.schema";

export function DepositStatus({ deposit }: { deposit: TDepositRow }) {
  const t = useTranslations("collections.depositStatus");
  if (deposit.status === "declared") return <Badge tone="warning">{t("declared")}</Badge>;
  if (deposit.varianceIdr) return <Badge tone="danger">{t("variance")}</Badge>;
  return <Badge tone="success">{t("confirmed")}</Badge>;
}
