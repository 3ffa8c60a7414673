"use client";
// One router: its health (status, identity, RouterOS version, board, uptime, CPU, memory, last
// seen, the last error) with its recent history, the commands RRNET sent it, and for managers a
// connection test, the edit form and removal.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import type { TCommandLogEntry, TConnectionTestResult, THealthSample, TRouter } from "@/server/modules/routers/routers.schema";
import { ConnectionTestResult } from "./ConnectionTestResult";
import { ProfileSyncCard } from "./ProfileSyncCard";
import { DriftCountBadge, OnboardingScriptCard, RouterDriftCard, RouterSessionsCard } from "@/components/network/RouterNetworkCards";
import { RouterForm } from "./RouterForm";
import { RouterStatusBadge } from "./RouterStatusBadge";
import { useRouterFigures } from "./router-format";
import { Fact } from "@/components/ui/Fact";

export function RouterDetail({ id, canManage, canProvision }: { id: string; canManage: boolean; canProvision: boolean }) {
  const t = useTranslations("routers");
  const trpc = useTRPC();
  const detail = useQuery({ ...trpc.routers.get.queryOptions({ id }), refetchInterval: 30_000 });
  const d = detail.data;
  return (
    <div className="space-y-4">
      <Link href="/routers" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline md:min-h-0">
        ← {t("detail.back")}
      </Link>
      {detail.isPending && <Skeleton className="h-40" />}
      <ErrorAlert error={detail.error} title={t("detail.couldNotLoad")} />
      {d && <RouterFacts router={d.router} canManage={canManage} />}
      {d && <RouterSessionsCard routerId={d.router.id} canKick={canProvision} />}
      {d && <RouterDriftCard routerId={d.router.id} canFix={canProvision} />}
      {d && canProvision && <ProfileSyncCard routerId={d.router.id} />}
      {d && canManage && <OnboardingScriptCard routerId={d.router.id} />}
      {d && <HealthHistory samples={d.health} />}
      {d && <CommandLog entries={d.commands} />}
    </div>
  );
}

function RouterFacts({ router: r, canManage }: { router: TRouter; canManage: boolean }) {
  const t = useTranslations("routers");
  const format = useFormat();
  const figures = useRouterFigures();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigation = useRouter();
  const [tested, setTested] = useState<TConnectionTestResult | null>(null);
  const [editing, setEditing] = useState(false);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.routers.get.queryKey({ id: r.id }) }), queryClient.invalidateQueries({ queryKey: trpc.routers.list.pathKey() })]);
  const test = useMutation(trpc.routers.testConnection.mutationOptions({ onSuccess: async (result) => (setTested(result), await refresh()) }));
  const remove = useMutation(trpc.routers.remove.mutationOptions({ onSuccess: async () => (await refresh(), navigation.push("/routers")) }));
  const none = t("figures.none");
  return (
    <Card
      title={
        <span>
          {r.name} <span className="font-mono text-sm font-normal text-slate-500">{`${r.host}:${r.port}`}</span>
        </span>
      }
      action={
        <span className="flex items-center gap-2">
          <DriftCountBadge count={r.driftCount} />
          <RouterStatusBadge status={r.status} />
        </span>
      }
    >
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        <Fact label={t("fields.identity")}>{r.identity ?? none}</Fact>
        <Fact label={t("fields.version")}>{r.version ?? none}</Fact>
        <Fact label={t("fields.board")}>{r.boardName ?? none}</Fact>
        <Fact label={t("fields.uptime")}>{figures.uptime(r.uptimeSeconds)}</Fact>
        <Fact label={t("fields.cpu")}>{figures.cpu(r.cpuLoadPercent)}</Fact>
        <Fact label={t("fields.memory")}>{figures.memory(r.freeMemoryBytes, r.totalMemoryBytes)}</Fact>
        <Fact label={t("fields.lastSeen")}>{r.lastSeenAt ? format.dateTime(r.lastSeenAt) : t("figures.never")}</Fact>
        <Fact label={t("fields.lastPolled")}>{r.lastPolledAt ? format.dateTime(r.lastPolledAt) : t("figures.never")}</Fact>
        <Fact label={t("fields.transport")}>{t(`transport.${r.transport}`)}</Fact>
        <Fact label={t("fields.username")}>{r.username}</Fact>
        <Fact label={t("fields.mode")}>{t(`mode.${r.mode}`)}</Fact>
        <Fact label={t("fields.location")}>{r.location ?? none}</Fact>
      </dl>
      {r.lastError && r.status !== "up" && <p className="mt-3 text-sm text-red-700" data-testid="router-last-error">{t("detail.lastError", { error: r.lastError })}</p>}
      {r.notes && <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{r.notes}</p>}
      {tested && (
        <div className="mt-3">
          <ConnectionTestResult result={tested} />
        </div>
      )}
      <ErrorAlert error={test.error ?? remove.error} className="mt-3" />
      {canManage && (
        <div className="mt-4 flex flex-col gap-2 sm:flex-row">
          <Button onClick={() => test.mutate({ id: r.id })} loading={test.isPending} data-testid="router-test-connection">
            {test.isPending ? t("test.running") : t("test.run")}
          </Button>
          <Dialog open={editing} onOpenChange={setEditing} trigger={<Button>{t("detail.edit")}</Button>} title={t("detail.editTitle", { name: r.name })}>
            <RouterForm router={r} onSaved={async () => {
                setEditing(false);
                await refresh();
              }} />
          </Dialog>
          <ButtonLink href={`/routers/${r.id}/import`} data-testid="router-import-link">
            {t("detail.import")}
          </ButtonLink>
          <ConfirmDialog
            trigger={<Button variant="danger">{t("detail.remove")}</Button>}
            title={t("detail.removeTitle", { name: r.name })}
            description={t("detail.removeDescription")}
            confirmLabel={t("detail.removeConfirm")}
            onConfirm={() => remove.mutateAsync({ id: r.id })}
          />
        </div>
      )}
    </Card>
  );
}

function HealthHistory({ samples }: { samples: THealthSample[] }) {
  const t = useTranslations("routers");
  const format = useFormat();
  const figures = useRouterFigures();
  const col = dataTableColumns<THealthSample>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("at", { header: t("health.at"), meta: { card: "title" }, cell: (c) => format.dateTime(c.getValue()) }),
        col.accessor("ok", { header: t("health.result"), meta: { card: "badge" }, cell: (c) => (c.getValue() ? t("health.answered") : t("health.noAnswer")) }),
        col.accessor("cpuLoadPercent", { header: t("fields.cpu"), cell: (c) => figures.cpu(c.getValue()) }),
        col.accessor((s) => figures.memory(s.freeMemoryBytes, s.totalMemoryBytes), { id: "memory", header: t("fields.memory") }),
        col.accessor("error", { header: t("health.error"), cell: (c) => c.getValue() }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format],
  );
  return (
    <Card title={t("health.title")}>
      <DataTable data={samples} columns={columns} getRowId={(s) => s.at} caption={t("health.title")} testId="router-health" empty={<EmptyState title={t("health.empty")} />} />
    </Card>
  );
}

function CommandLog({ entries }: { entries: TCommandLogEntry[] }) {
  const t = useTranslations("routers");
  const format = useFormat();
  const col = dataTableColumns<TCommandLogEntry>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("at", { header: t("commands.at"), meta: { card: "subtitle" }, cell: (c) => format.dateTime(c.getValue()) }),
        col.accessor((e) => `${e.menu}/${e.action}`, { id: "command", header: t("commands.command"), meta: { card: "title", className: "font-mono text-xs" } }),
        col.accessor((e) => Object.entries(e.params).map(([k, v]) => `${k}=${v}`).join(" "), { id: "params", header: t("commands.params"), meta: { className: "font-mono text-xs md:max-w-xs md:truncate" } }),
        col.accessor("actorLabel", { header: t("commands.by") }),
        col.accessor("ok", { header: t("commands.result"), meta: { card: "badge" }, cell: (c) => (c.getValue() ? t("commands.ok") : t("commands.failed", { error: c.row.original.error ?? "" })) }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, format],
  );
  return (
    <Card title={t("commands.title")}>
      <DataTable data={entries} columns={columns} getRowId={(e) => e.id} caption={t("commands.title")} testId="router-commands" empty={<EmptyState title={t("commands.empty")} />} />
    </Card>
  );
}
