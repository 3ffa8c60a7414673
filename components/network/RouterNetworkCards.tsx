"use client";
// A router's subscriber side: who is online (with a kick for network.manage), the drift between
// RRNET and the router (check = dry run, fix one, fix all), and the onboarding script for
// routers.manage. Cards on phones (technicians), tables from md up.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import { useRouterFigures } from "@/components/routers/router-format";
import type { TDriftItem, TSession } from "@/server/modules/routers/network.schema";

export function RouterSessionsCard({ routerId, canKick }: { routerId: string; canKick: boolean }) {
  const t = useTranslations("network");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const figures = useRouterFigures();
  const sessions = useQuery({ ...trpc.network.sessions.queryOptions({ routerId }), refetchInterval: 15_000 });
  const kick = useMutation(trpc.network.kick.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.network.sessions.queryKey({ routerId }) }) }));
  const col = dataTableColumns<TSession>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("username", { header: t("sessions.username"), meta: { card: "title", className: "font-mono" } }),
        col.accessor("customerName", {
          header: t("sessions.customer"),
          meta: { card: "subtitle" },
          cell: (c) => (c.row.original.customerId ? <Link className="inline-flex min-h-11 min-w-11 items-center text-brand-700 hover:underline md:min-h-0 md:min-w-0" href={`/customers/${c.row.original.customerId}`}>{c.getValue()}</Link> : t("sessions.unknownCustomer")),
        }),
        col.accessor("kind", { header: t("sessions.kind"), meta: { card: "badge" }, cell: (c) => t(`kind.${c.getValue()}`) }),
        col.accessor("address", { header: t("sessions.address"), meta: { className: "font-mono" } }),
        col.accessor("callerId", { header: t("sessions.callerId"), meta: { className: "font-mono text-xs" } }),
        col.accessor("uptimeSeconds", { header: t("sessions.uptime"), cell: (c) => figures.uptime(c.getValue()) }),
        col.display({
          id: "kick",
          header: t("sessions.actions"),
          cell: (c) =>
            canKick ? (
              <ConfirmDialog
                trigger={<Button data-testid={`kick-${c.row.original.username}`}>{t("sessions.kick")}</Button>}
                title={t("sessions.kickTitle", { username: c.row.original.username })}
                description={t("sessions.kickDescription")}
                confirmLabel={t("sessions.kick")}
                onConfirm={() => kick.mutateAsync({ routerId, kind: c.row.original.kind, sessionId: c.row.original.id })}
              />
            ) : null,
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, canKick, routerId],
  );
  return (
    <Card title={t("sessions.title", { count: sessions.data?.sessions.length ?? 0 })}>
      <ErrorAlert error={sessions.error ?? kick.error} title={t("sessions.couldNotLoad")} className="mb-3" />
      <DataTable data={sessions.data?.sessions ?? []} columns={columns} getRowId={(s) => `${s.kind}-${s.id}`} caption={t("sessions.caption")} testId="router-sessions" empty={<EmptyState title={sessions.isPending ? t("sessions.loading") : t("sessions.empty")} />} />
    </Card>
  );
}

export function RouterDriftCard({ routerId, canFix }: { routerId: string; canFix: boolean }) {
  const t = useTranslations("network");
  const trpc = useTRPC();
  const format = useFormat();
  const [checked, setChecked] = useState(false);
  const drift = useQuery({ ...trpc.network.drift.queryOptions({ routerId }), enabled: checked, refetchOnWindowFocus: false });
  const queryClient = useQueryClient();
  const fix = useMutation(
    trpc.network.fixDrift.mutationOptions({
      onSuccess: async (report) => {
        queryClient.setQueryData(trpc.network.drift.queryKey({ routerId }), { ...report, items: report.items.filter((i) => !report.fixed.includes(i.key)) });
        await queryClient.invalidateQueries({ queryKey: trpc.routers.get.queryKey({ id: routerId }) });
      },
    }),
  );
  const report = drift.data;
  const col = dataTableColumns<TDriftItem>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("username", { header: t("drift.username"), meta: { card: "title", className: "font-mono" } }),
        col.accessor("kinds", { header: t("drift.kinds"), meta: { card: "badge" }, cell: (c) => c.getValue().map((k) => t(`drift.kind.${k}`)).join(", ") }),
        col.accessor("expectedProfile", { header: t("drift.expected"), cell: (c) => c.getValue() ?? t("drift.none") }),
        col.accessor("actualProfile", { header: t("drift.actual"), cell: (c) => c.getValue() ?? t("drift.none") }),
        col.display({
          id: "fix",
          header: t("drift.actions"),
          cell: (c) =>
            canFix ? (
              <Button onClick={() => fix.mutate({ routerId, fix: [c.row.original.key] })} loading={fix.isPending && Array.isArray(fix.variables?.fix) && fix.variables.fix[0] === c.row.original.key} data-testid={`drift-fix-${c.row.original.username}`}>
                {t("drift.fixOne")}
              </Button>
            ) : null,
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, canFix, routerId, fix.isPending],
  );
  return (
    <Card title={t("drift.title")}>
      <p className="text-sm text-slate-600">{t("drift.description")}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <Button onClick={() => (checked ? void drift.refetch() : setChecked(true))} loading={drift.isFetching} data-testid="drift-check">
          {t("drift.check")}
        </Button>
        {canFix && report && report.items.length > 0 && (
          <ConfirmDialog
            trigger={<Button variant="primary" data-testid="drift-fix-all">{t("drift.fixAll", { count: report.items.length })}</Button>}
            title={t("drift.fixAllTitle", { count: report.items.length })}
            description={t("drift.fixAllDescription")}
            confirmLabel={t("drift.fixAll", { count: report.items.length })}
            onConfirm={() => fix.mutateAsync({ routerId, fix: "all" })}
          />
        )}
      </div>
      <ErrorAlert error={drift.error ?? fix.error} className="mt-3" />
      {report && (
        <div className="mt-3 space-y-3" data-testid="drift-report">
          <Alert tone={report.items.length === 0 ? "success" : "warning"} title={report.items.length === 0 ? t("drift.clean", { managed: report.managed }) : t("drift.found", { count: report.items.length, managed: report.managed })}>
            {t("drift.checkedAt", { at: format.dateTime(report.checkedAt), commands: report.commands })}
          </Alert>
          {report.items.length > 0 && <DataTable data={report.items} columns={columns} getRowId={(i) => i.key} caption={t("drift.title")} testId="drift-items" />}
          {report.unmanaged.length > 0 && (
            <Alert tone="info" title={t("drift.unmanaged", { count: report.unmanaged.length })}>
              <span className="font-mono text-xs">{report.unmanaged.slice(0, 30).map((u) => u.username).join(", ")}</span>
            </Alert>
          )}
        </div>
      )}
    </Card>
  );
}

export function OnboardingScriptCard({ routerId }: { routerId: string }) {
  const t = useTranslations("network");
  const trpc = useTRPC();
  const [shown, setShown] = useState(false);
  const script = useQuery({ ...trpc.network.onboardingScript.queryOptions({ routerId }), enabled: shown });
  const download = () => {
    if (!script.data) return;
    const url = URL.createObjectURL(new Blob([script.data.script], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = script.data.filename;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card title={t("onboarding.title")}>
      <p className="text-sm text-slate-600">{t("onboarding.description")}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <Button onClick={() => setShown(true)} loading={script.isFetching} data-testid="onboarding-show">
          {t("onboarding.show")}
        </Button>
        {script.data && <Button onClick={download}>{t("onboarding.download", { filename: script.data.filename })}</Button>}
      </div>
      <ErrorAlert error={script.error} className="mt-3" />
      {script.data && (
        <pre className="mt-3 max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" data-testid="onboarding-script">
          {script.data.script}
        </pre>
      )}
    </Card>
  );
}

export function DriftCountBadge({ count }: { count: number | null }) {
  const t = useTranslations("network");
  if (count === null) return null;
  return <Badge tone={count === 0 ? "success" : "warning"}>{count === 0 ? t("drift.badgeClean") : t("drift.badge", { count })}</Badge>;
}
