// Dashboard home of a tenant.
import type { Metadata } from "next";
import { OverviewCards } from "@/components/dashboard/OverviewCards";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatLongDate, hourIn } from "@/components/ui/time";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

function greeting(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function DashboardPage() {
  await requirePageCapability("dashboard.view");
  const tenant = await serverTenant();
  const now = new Date();
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Dashboard"
        description={
          <>
            {greeting(hourIn(now, tenant.timezone))}. Today is{" "}
            <time dateTime={now.toISOString()}>{formatLongDate(now, tenant.timezone)}</time>.
          </>
        }
      />
      <OverviewCards />
    </div>
  );
}
