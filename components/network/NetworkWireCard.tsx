"use client";
// Home page, for roles that see the network: how many routers answer (a router the health polls
// marked down is named, with a link to it), how many isolated customers the routers confirmed
// isolated (read back after applying), and the accounts whose isolation did not take.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import { ISOLATION_PROBLEMS } from "@/server/modules/routers/network.schema";

const isProblem = (p: string | null): p is (typeof ISOLATION_PROBLEMS)[number] => p !== null && (ISOLATION_PROBLEMS as readonly string[]).includes(p);

export function NetworkWireCard() {
  const t = useTranslations("network");
  const trpc = useTRPC();
  const format = useFormat();
  const overview = useQuery({ ...trpc.network.overview.queryOptions(), refetchInterval: 60_000 });
  const routers = useQuery({ ...trpc.routers.list.queryOptions(), refetchInterval: 60_000 });
  const o = overview.data;
  const down = (routers.data ?? []).filter((r) => r.status === "down");
  return (
    <Card title={t("overview.title")}>
      <ErrorAlert error={overview.error ?? routers.error} />
      {o && routers.data && (
        <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-3">
          <StatCard
            label={t("overview.routersDown")}
            value={`${format.count(down.length)} / ${format.count(routers.data.length)}`}
            hint={down.length > 0 ? t("overview.routersDownHint") : t("overview.routersAllUp")}
            emphasis={down.length > 0}
            valueTestId="home-routers-down"
          />
          <StatCard label={t("overview.isolatedOnWire")} value={`${format.count(o.isolatedOnWire)} / ${format.count(o.isolated)}`} hint={t("overview.isolatedOnWireHint", { applied: o.isolatedOnWire, isolated: o.isolated })} valueTestId="home-isolated-on-wire" />
          <StatCard label={t("overview.problems")} value={format.count(o.problems)} hint={t("overview.problemsHint")} valueTestId="home-isolation-problems" />
        </div>
      )}
      {down.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm" data-testid="home-routers-down-list">
          {down.map((r) => (
            <li key={r.id}>
              <Link href={`/routers/${r.id}`} className="inline-flex min-h-11 items-center font-medium text-red-700 hover:underline md:min-h-0">
                {r.name}
              </Link>{" "}
              <span className="text-slate-600">{r.lastSeenAt ? t("overview.routerLastSeen", { at: format.dateTime(r.lastSeenAt) }) : t("overview.routerNeverSeen")}</span>
            </li>
          ))}
        </ul>
      )}
      {o && o.problemAccounts.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm">
          {o.problemAccounts.slice(0, 10).map((a) => (
            <li key={a.id}>
              <Link href={`/customers/${a.customerId}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline md:min-h-0">
                <span className="font-mono">{a.username}</span>
              </Link>{" "}
              <span className="text-slate-600">{isProblem(a.isolationProblem) ? t(`problemShort.${a.isolationProblem}`) : (a.lastError ?? "")}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
