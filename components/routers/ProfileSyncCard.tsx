"use client";
// The packages as this router's profiles: "Check" plans without changing anything (what would
// be added or changed, what is left alone because someone else made a profile of that name),
// "Apply" sends only those differences.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import type { TProfileSyncResult } from "@/server/modules/routers/routers.schema";

export function ProfileSyncCard({ routerId }: { routerId: string }) {
  const t = useTranslations("routers");
  const trpc = useTRPC();
  const sync = useMutation(trpc.routers.syncProfiles.mutationOptions());
  const result = sync.data;
  return (
    <Card title={t("profiles.title")}>
      <p className="text-sm text-slate-600">{t("profiles.description")}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <Button onClick={() => sync.mutate({ routerId, dryRun: true })} loading={sync.isPending && sync.variables?.dryRun} data-testid="profiles-check">
          {t("profiles.check")}
        </Button>
        <Button variant="primary" onClick={() => sync.mutate({ routerId, dryRun: false })} loading={sync.isPending && !sync.variables?.dryRun} data-testid="profiles-apply">
          {t("profiles.apply")}
        </Button>
      </div>
      <ErrorAlert error={sync.error} className="mt-3" />
      {result && <SyncOutcome result={result} />}
    </Card>
  );
}

function SyncOutcome({ result }: { result: TProfileSyncResult }) {
  const t = useTranslations("routers");
  const plans = [result.pppoe, result.hotspot];
  const add = plans.flatMap((p) => p.add);
  const set = plans.flatMap((p) => p.set);
  const conflicts = plans.flatMap((p) => p.conflicts);
  const unchanged = plans.reduce((n, p) => n + p.unchanged, 0);
  return (
    <div className="mt-3 space-y-2" data-testid="profiles-result">
      <Alert tone={add.length + set.length === 0 ? "success" : result.dryRun ? "info" : "success"} title={result.dryRun ? t("profiles.planned", { add: add.length, set: set.length, unchanged }) : t("profiles.applied", { add: add.length, set: set.length, unchanged })}>
        <ul className="list-disc pl-5">
          {add.map((p) => (
            <li key={`a-${p.packageId}`}>{t("profiles.addLine", { name: p.name, rateLimit: p.rateLimit })}</li>
          ))}
          {set.map((p) => (
            <li key={`s-${p.packageId}`}>{t("profiles.setLine", { name: p.name, rateLimit: p.rateLimit, from: p.from ?? "—" })}</li>
          ))}
        </ul>
      </Alert>
      {conflicts.length > 0 && (
        <Alert tone="warning" title={t("profiles.conflicts", { count: conflicts.length })}>
          {conflicts.map((c) => c.name).join(", ")}
        </Alert>
      )}
    </div>
  );
}
