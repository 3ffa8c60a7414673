"use client";
// Dashboard figures about the tenant's user accounts, from tenant.overview.
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { CodeBadge } from "@/components/ui/CodeBadge";
import { Skeleton } from "@/components/ui/Skeleton";
import { StatCard } from "@/components/ui/StatCard";
import { formatTime, zoneLabel } from "@/components/ui/time";
import { useTRPC } from "@/components/trpc/provider";
import { ROLE_LABELS } from "@/components/staff/roles";
import { ROLES } from "@/server/modules/tenant/tenant.schema";


const number = new Intl.NumberFormat("id-ID");

function OverviewSkeleton() {
  return (
    <div role="status" aria-label="Loading user accounts" className="space-y-4">
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
  const trpc = useTRPC();
  const query = useQuery(trpc.tenant.overview.queryOptions());
  const { data, error, isPending, isFetching, refetch } = query;

  const refresh = (
    <Button onClick={() => void refetch()} disabled={isFetching} aria-busy={isFetching}>
      {isFetching ? "Refreshing…" : "Refresh"}
    </Button>
  );

  return (
    <Card title="User accounts" action={refresh}>
      {isPending && <OverviewSkeleton />}
      {error && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-medium">Could not load the overview.</p>
          <p className="mt-1">{error.message}</p>
          {error.data?.code && (
            <p className="mt-2">
              <CodeBadge code={error.data.code} />
            </p>
          )}
        </div>
      )}
      {data && (
        <div className={error ? "mt-4 space-y-4" : "space-y-4"}>
          <div className="grid grid-cols-2 gap-3">
            <StatCard
              label="Total"
              value={number.format(data.users.total)}
              emphasis
              valueTestId="overview-users-total"
            />
            <StatCard
              label="Active"
              value={number.format(data.users.active)}
              hint={`${number.format(data.users.total - data.users.active)} inactive`}
            />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-600">By role</h3>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
              {ROLES.map((role) => (
                <li key={role} className="rounded-lg border border-slate-200 px-3 py-2">
                  <div className="text-xs text-slate-500">{ROLE_LABELS[role]}</div>
                  <div className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`overview-role-${role}`}>
                    {number.format(data.users.byRole[role] ?? 0)}
                  </div>
                </li>
              ))}
            </ul>
          </div>
          <p className="text-xs text-slate-500">
            Updated {formatTime(new Date(data.generatedAt), data.tenant.timezone)} {zoneLabel(data.tenant.timezone)}
          </p>
        </div>
      )}
    </Card>
  );
}
