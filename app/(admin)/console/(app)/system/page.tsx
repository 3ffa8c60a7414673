// Platform health for operators: database, Redis, the worker's heartbeat and the build
// (platform.system.status: platform facts, not tenant data).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { getFormat } from "@/components/ui/get-format";
import { useFormat } from "@/components/ui/use-format";
import type { TCheckResult } from "@/server/modules/system/system.schema";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "System" };

function CheckBadge({ result }: { result: TCheckResult }) {
  return result === "ok" ? <Badge tone="success">ok</Badge> : <Badge tone="danger">fail</Badge>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-100 py-2.5 last:border-0">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="min-w-0 break-all text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function When({ iso, now }: { iso: string; now: Date }) {
  const format = useFormat();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <>{iso}</>;
  return (
    <time dateTime={iso} title={format.dateTime(date)}>
      {format.relative(date, now)}
      <span className="ml-1 font-normal text-slate-500">({format.dateTime(date)})</span>
    </time>
  );
}

export default async function SystemPage() {
  const health = await (await serverApi()).platform.system.status();
  const build = health.build;
  const now = new Date(health.checkedAt);
  const format = await getFormat();

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title="System" description="Health of the platform's services and the running build." />
      <Card
        title="System status"
        action={health.status === "ok" ? <Badge tone="success">All checks passing</Badge> : <Badge tone="danger">Degraded</Badge>}
      >
        <dl>
          <Row label="Database (PostgreSQL)">
            <CheckBadge result={health.checks.db} />
          </Row>
          <Row label="Redis">
            <CheckBadge result={health.checks.redis} />
          </Row>
          <Row label="Worker last heartbeat">
            {health.worker.lastBeatAt ? <When iso={health.worker.lastBeatAt} now={now} /> : <span className="font-normal text-slate-500">no heartbeat yet</span>}
          </Row>
          <Row label="Version">{build.version}</Row>
          <Row label="Commit">
            <code className="font-mono text-xs">{build.commit === "unknown" ? "unknown" : build.commit.slice(0, 12)}</code>
          </Row>
          <Row label="Build time">{build.buildTime ? <When iso={build.buildTime} now={now} /> : <span className="text-slate-500">unknown</span>}</Row>
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          Checked {format.dateTime(now)}. Reload the page to check again.
        </p>
      </Card>
    </div>
  );
}
