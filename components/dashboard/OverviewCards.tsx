"use client";
// Dashboard figures about the tenant's user accounts, from tenant.overview.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import { ROLES } from "@/server/modules/tenant/tenant.schema";

function OverviewSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <Skeleton className="h-24" />
        <Skeleton className="h-24" />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {ROLES.map((role) => (
          <Skeleton key={role} className="h-16" />
        ))}
      </div>
    </div>
  );
}

export function OverviewCards() {
  const t = useTranslations("dashboard.users");
  const common = useTranslations("common");
  const format = useFormat();
  const trpc = useTRPC();
  const { data, error, isPending, isFetching, refetch } = useQuery(trpc.tenant.overview.queryOptions());

  const refresh = (
    <Button onClick={() => void refetch()} loading={isFetching}>
      {isFetching ? common("refreshing") : common("refresh")}
    </Button>
  );

  return (
    <Card title={t("title")} action={refresh}>
      {isPending && <OverviewSkeleton label={t("loading")} />}
      <ErrorAlert error={error} title={t("couldNotLoad")} />
      {data && (
        <div className={error ? "mt-4 space-y-4" : "space-y-4"}>
          <div className="grid grid-cols-2 gap-3">
            <StatCard label={t("total")} value={format.count(data.users.total)} emphasis valueTestId="overview-users-total" />
            <StatCard label={t("active")} value={format.count(data.users.active)} hint={t("inactive", { count: data.users.total - data.users.active })} />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-600">{t("byRole")}</h3>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
              {ROLES.map((role) => (
                <li key={role} className="rounded-lg border border-slate-200 px-3 py-2">
                  <div className="text-xs text-slate-500">{common(`roles.${role}`)}</div>
                  <div className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`overview-role-${role}`}>
                    {format.count(data.users.byRole[role] ?? 0)}
                  </div>
                </li>
              ))}
            </ul>
          </div>
          <p className="text-xs text-slate-500">{t("updated", { time: format.timeWithSeconds(data.generatedAt) })}</p>
        </div>
      )}
    </Card>
  );
}
