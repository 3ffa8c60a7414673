"use client";
// On a customer's page: an outage that reaches them right now, so whoever answers their call knows.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/Alert";
import { useFormat } from "@/components/ui/use-format";
import { formatIncidentNumber } from "@/server/modules/ftth/ftth.schema";

export function CustomerOutageBanner({ customerId }: { customerId: string }) {
  const t = useTranslations("ftth");
  const trpc = useTRPC();
  const format = useFormat();
  // A plan without FTTH maps answers FEATURE_NOT_IN_PLAN: then there is simply nothing to show.
  const incidents = useQuery({ ...trpc.ftth.customerIncidents.queryOptions({ customerId }), retry: false });
  if (!incidents.data || incidents.data.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="customer-outage">
      {incidents.data.map((i) => (
        <Alert key={i.id} tone={i.status === "open" ? "danger" : "warning"} title={t("customerBanner.title", { number: formatIncidentNumber(i.number) })}>
          <p>{t("customerBanner.body", { cause: i.causeNode.code, since: format.dateTime(i.startedAt) })}</p>
          <Link href={`/outages/${i.id}`} className="font-medium underline">
            {t("customerBanner.open")}
          </Link>
        </Alert>
      ))}
    </div>
  );
}
