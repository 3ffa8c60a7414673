// What a collector holds now (collected less the hand-overs finance has counted), saying what of
// it is handed over and still waiting to be counted: the one figure for the collector's home
// and their round, from the custody ledger's heldIdr / pendingDepositIdr.
import { useTranslations } from "next-intl";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";

type HeldCashFigureProps = { heldIdr: number | undefined; pendingDepositIdr: number | undefined; emphasis?: boolean; testId?: string };

export function HeldCashFigure({ heldIdr, pendingDepositIdr, emphasis = false, testId }: HeldCashFigureProps) {
  const t = useTranslations("collections.myCash");
  const format = useFormat();
  return (
    <StatCard
      label={t("held")}
      value={heldIdr === undefined ? "…" : format.money(heldIdr)}
      hint={pendingDepositIdr ? t("heldPendingHint", { amount: format.money(pendingDepositIdr) }) : t("heldHint")}
      emphasis={emphasis}
      valueTestId={testId}
    />
  );
}
