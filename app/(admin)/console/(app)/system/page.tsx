// Platform health for operators: database, Redis, the worker's heartbeat and the build
// (platform.system.status: platform facts, not tenant data).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Fact } from "@/components/ui/Fact";
import { PageHeader } from "@/components/ui/PageHeader";
import { getFormat } from "@/components/ui/get-format";
import type { TCheckResult } from "@/server/modules/system/system.schema";
import { serverApi } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.system");
  return { title: t("title") };
}

export default async function SystemPage() {
  const health = await (await serverApi()).platform.system.status();
  const build = health.build;
  const now = new Date(health.checkedAt);
  const [format, t] = await Promise.all([getFormat(), getTranslations("console.system")]);
  const check = (result: TCheckResult) => (result === "ok" ? <Badge tone="success">{t("ok")}</Badge> : <Badge tone="danger">{t("fail")}</Badge>);
  const when = (iso: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return (
      <time dateTime={iso}>
        {format.relative(date, now)}
        <span className="ml-1 font-normal text-slate-500">({format.dateTime(date)})</span>
      </time>
    );
  };

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("status")} action={health.status === "ok" ? <Badge tone="success">{t("allPassing")}</Badge> : <Badge tone="danger">{t("degraded")}</Badge>}>
        <dl className="grid gap-3 sm:grid-cols-2">
          <Fact label={t("database")}>{check(health.checks.db)}</Fact>
          <Fact label={t("redis")}>{check(health.checks.redis)}</Fact>
          <Fact label={t("worker")}>{health.worker.lastBeatAt ? when(health.worker.lastBeatAt) : <span className="font-normal text-slate-500">{t("noHeartbeat")}</span>}</Fact>
          <Fact label={t("version")}>{build.version}</Fact>
          <Fact label={t("commit")}>
            <code className="break-all font-mono text-xs">{build.commit === "unknown" ? t("unknown") : build.commit.slice(0, 12)}</code>
          </Fact>
          <Fact label={t("buildTime")}>{build.buildTime ? when(build.buildTime) : <span className="text-slate-500">{t("unknown")}</span>}</Fact>
        </dl>
        <p className="mt-3 text-xs text-slate-500">{t("checked", { when: format.dateTime(now) })}</p>
      </Card>
    </div>
  );
}
