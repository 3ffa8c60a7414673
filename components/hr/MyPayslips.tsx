"use client";
// The staff member's payslips of locked payroll runs, newest first; each opens on the page and as a PDF.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import { PayslipView } from "./PayslipView";

export function MyPayslips() {
  const t = useTranslations("payroll");
  const trpc = useTRPC();
  const format = useFormat();
  const slips = useQuery(trpc.payroll.me.payslips.queryOptions());
  const [openId, setOpenId] = useState<string | null>(null);
  if (slips.error) return <ErrorAlert error={slips.error} title={t("couldNotLoad")} />;
  if (slips.isPending) return <Card><p className="text-sm text-slate-600">{t("loading")}</p></Card>;
  if (slips.data.length === 0) return <EmptyState title={t("me.none")}>{t("me.noneHint")}</EmptyState>;
  return (
    <div className="space-y-3">
      {slips.data.map((s) => (
        <Card key={s.lineId} title={format.month(s.period)} action={<span className="font-semibold tabular-nums">{format.money(s.takeHomeIdr)}</span>}>
          {openId === s.lineId ? (
            <PayslipView slip={s} />
          ) : (
            <Button onClick={() => setOpenId(s.lineId)} className="min-h-11 w-full sm:w-auto" data-testid="open-payslip">
              {t("me.open")}
            </Button>
          )}
        </Card>
      ))}
    </div>
  );
}
