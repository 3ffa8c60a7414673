"use client";
// The customer's data usage from RADIUS accounting: this month's download and upload, and each
// day of the last 30 that had traffic (days in the tenant's calendar).
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Fact } from "@/components/ui/Fact";
import { useFormat } from "@/components/ui/use-format";
import type { TCustomerNetwork } from "@/server/modules/routers/network.schema";

type UsageDay = TCustomerNetwork["usage"]["days"][number];

export function CustomerUsage({ usage }: { usage: TCustomerNetwork["usage"] }) {
  const t = useTranslations("network");
  const format = useFormat();
  const columns = useMemo(() => {
    const col = dataTableColumns<UsageDay>();
    return col.columns([
      col.accessor("day", { header: t("usage.day"), meta: { card: "title" }, cell: (c) => format.calendarDate(c.getValue()) }),
      col.accessor("downloadBytes", { header: t("usage.download"), meta: { align: "end", className: "whitespace-nowrap tabular-nums" }, cell: (c) => format.bytes(c.getValue()) }),
      col.accessor("uploadBytes", { header: t("usage.upload"), meta: { align: "end", className: "whitespace-nowrap tabular-nums" }, cell: (c) => format.bytes(c.getValue()) }),
    ]);
  }, [t, format]);
  return (
    <section className="space-y-3 border-t border-slate-200 pt-4" data-testid="customer-usage">
      <h3 className="text-sm font-semibold text-slate-900">{t("usage.title")}</h3>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <Fact label={t("usage.monthDownload", { month: format.month(usage.month.slice(0, 7)) })}>{format.bytes(usage.monthDownloadBytes)}</Fact>
        <Fact label={t("usage.monthUpload", { month: format.month(usage.month.slice(0, 7)) })}>{format.bytes(usage.monthUploadBytes)}</Fact>
      </dl>
      <DataTable
        data={usage.days}
        columns={columns}
        getRowId={(r) => r.day}
        caption={t("usage.title")}
        empty={<EmptyState title={t("usage.none")}>{t("usage.noneHint")}</EmptyState>}
        rowTestId="usage-day"
      />
    </section>
  );
}
