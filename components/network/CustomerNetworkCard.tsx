"use client";
// The customer's network: each PPPoE/hotspot account (username, password for network.manage,
// router, profile, whether the router took what RRNET wants and why not), who is online now and
// since when, and the technician's actions: isolate / restore, kick the session, apply again,
// a new password, the router it lives on. Built for a phone first (technicians in the field).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Fact } from "@/components/ui/Fact";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { useRouterFigures } from "@/components/routers/router-format";
import { CustomerUsage } from "./CustomerUsage";
import { ISOLATION_PROBLEMS, type TCustomerNetwork, type TNetworkAccount, type TSession } from "@/server/modules/routers/network.schema";

export function CustomerNetworkCard({ customerId, canManage }: { customerId: string; canManage: boolean }) {
  const t = useTranslations("network");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.network.customer.queryKey({ customerId });
  // Converge jobs run in the worker: look again shortly after an action.
  const network = useQuery({ ...trpc.network.customer.queryOptions({ customerId }), refetchInterval: (q) => (q.state.data?.accounts.some((a) => a.status === "pending") ? 3_000 : 30_000) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const later = () => void setTimeout(() => void refresh(), 2_500);
  const isolate = useMutation(trpc.network.isolate.mutationOptions({ onSuccess: async () => (await refresh(), later()) }));
  const restore = useMutation(trpc.network.restore.mutationOptions({ onSuccess: async () => (await refresh(), later()) }));
  const retry = useMutation(trpc.network.retry.mutationOptions({ onSuccess: later }));
  const n = network.data;
  return (
    <Card title={t("customer.title")} action={n && <AccessBadge network={n} />}>
      {network.isPending && <Skeleton className="h-24" />}
      <ErrorAlert error={network.error ?? isolate.error ?? restore.error ?? retry.error} title={t("customer.couldNotLoad")} />
      {n && n.accounts.length === 0 && <EmptyState title={t("customer.none")}>{t("customer.noneHint")}</EmptyState>}
      {n && n.routerError && <Alert tone="warning" title={t("customer.routerError", { code: n.routerError })} className="mb-3" />}
      {n && (
        <div className="space-y-4">
          {n.accounts.map((a) => (
            <AccountBlock key={a.id} customerId={customerId} account={a} sessions={n.sessions?.filter((s) => s.username === a.username) ?? null} canManage={canManage} onChanged={refresh} />
          ))}
          {n.accounts.length > 0 && <CustomerUsage usage={n.usage} />}
          {canManage && n.accounts.length > 0 && (
            <div className="flex flex-col gap-2 sm:flex-row">
              {n.customerStatus === "isolated" ? (
                <ConfirmDialog
                  trigger={<Button variant="primary" data-testid="network-restore">{t("customer.restore")}</Button>}
                  title={t("customer.restoreTitle")}
                  description={t("customer.restoreDescription")}
                  confirmLabel={t("customer.restore")}
                  onConfirm={() => restore.mutateAsync({ customerId })}
                />
              ) : n.customerStatus === "active" ? (
                <ConfirmDialog
                  trigger={<Button variant="danger" data-testid="network-isolate">{t("customer.isolate")}</Button>}
                  title={t("customer.isolateTitle")}
                  description={t("customer.isolateDescription")}
                  confirmLabel={t("customer.isolate")}
                  onConfirm={() => isolate.mutateAsync({ customerId })}
                />
              ) : null}
              <Button onClick={() => retry.mutate({ customerId })} loading={retry.isPending} data-testid="network-retry">
                {t("customer.retry")}
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function AccessBadge({ network }: { network: TCustomerNetwork }) {
  const t = useTranslations("network");
  const wanted = network.accounts.find((a) => a.wantedAccess !== "removed")?.wantedAccess ?? null;
  if (!wanted) return null;
  return <Badge tone={wanted === "allowed" ? "success" : wanted === "isolated" ? "warning" : "danger"}>{t(`access.${wanted}`)}</Badge>;
}

function AccountBlock({ customerId, account: a, sessions, canManage, onChanged }: { customerId: string; account: TNetworkAccount; sessions: TSession[] | null; canManage: boolean; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("network");
  const format = useFormat();
  const figures = useRouterFigures();
  const trpc = useTRPC();
  const [reveal, setReveal] = useState(false);
  const routers = useQuery({ ...trpc.routers.list.queryOptions(), enabled: canManage && !a.routerId });
  const [routerId, setRouterId] = useState("");
  const place = useMutation(trpc.network.placeAccount.mutationOptions({ onSuccess: onChanged }));
  const password = useMutation(trpc.network.changePassword.mutationOptions({ onSuccess: onChanged }));
  const kick = useMutation(trpc.network.kick.mutationOptions({ onSuccess: onChanged }));
  const session = sessions?.[0];
  const statusTone = a.status === "applied" ? "success" : a.status === "failed" ? "danger" : "neutral";
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid={`network-account-${a.username}`}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="font-mono font-semibold">{a.username}</span>
        <Badge>{t(`kind.${a.kind}`)}</Badge>
        <Badge tone={statusTone}>{t(`status.${a.status}`)}</Badge>
        {sessions === null ? null : session ? <Badge tone="success">{t("customer.online")}</Badge> : <Badge>{t("customer.offline")}</Badge>}
      </div>
      {a.isolationProblem && (
        <Alert tone="danger" title={t("customer.notApplied")} className="mb-2">
          {(ISOLATION_PROBLEMS as readonly string[]).includes(a.isolationProblem) ? t(`problem.${a.isolationProblem as (typeof ISOLATION_PROBLEMS)[number]}`) : a.isolationProblem}
        </Alert>
      )}
      {!a.isolationProblem && a.status === "failed" && a.lastError && <Alert tone="warning" title={t("customer.failed", { error: a.lastError })} className="mb-2" />}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {a.password !== null && (
          <Fact label={t("customer.password")}>
            <span className="font-mono" data-testid="network-password">{reveal ? a.password : "••••••••"}</span>{" "}
            <button type="button" className="min-h-11 min-w-11 px-1 text-brand-700 hover:underline md:min-h-0 md:min-w-0" onClick={() => setReveal((v) => !v)}>
              {reveal ? t("customer.hide") : t("customer.show")}
            </button>
          </Fact>
        )}
        <Fact label={t("customer.router")}>{a.routerName ?? t("customer.noRouter")}</Fact>
        <Fact label={t("customer.package")}>{a.packageName ?? t("drift.none")}</Fact>
        <Fact label={t("customer.profile")}>
          <span className="font-mono">{a.wantedProfile ?? t("drift.none")}</span>
          {a.appliedProfile && a.appliedProfile !== a.wantedProfile && <span className="text-slate-500"> {t("customer.onRouter", { profile: a.appliedProfile })}</span>}
        </Fact>
        <Fact label={t("customer.wanted")}>{a.wantedAccess ? t(`access.${a.wantedAccess}`) : t("drift.none")}</Fact>
        <Fact label={t("customer.appliedAt")}>{a.appliedAt ? format.dateTime(a.appliedAt) : t("customer.never")}</Fact>
        {session && (
          <Fact label={t("customer.session")}>
            <span className="font-mono">{session.address ?? ""}</span> {t("customer.since", { uptime: figures.uptime(session.uptimeSeconds) })}
          </Fact>
        )}
        {!session && <Fact label={t("customer.lastSeen")}>{a.lastSeenAt ? format.dateTime(a.lastSeenAt) : t("customer.never")}</Fact>}
      </dl>
      {canManage && (
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {!a.routerId && (
            <div className="flex flex-col gap-2 sm:flex-row">
              <Select aria-label={t("customer.chooseRouter")} value={routerId} onChange={(e) => setRouterId(e.target.value)}>
                <option value="">{t("customer.chooseRouter")}</option>
                {(routers.data ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
              <Button disabled={!routerId} loading={place.isPending} onClick={() => place.mutate({ customerId, accountId: a.id, routerId })}>
                {t("customer.place")}
              </Button>
            </div>
          )}
          {session && (
            <ConfirmDialog
              trigger={<Button data-testid={`network-kick-${a.username}`}>{t("sessions.kick")}</Button>}
              title={t("sessions.kickTitle", { username: a.username })}
              description={t("sessions.kickDescription")}
              confirmLabel={t("sessions.kick")}
              onConfirm={() => kick.mutateAsync({ routerId: session.routerId, kind: session.kind, sessionId: session.id })}
            />
          )}
          <ConfirmDialog
            trigger={<Button>{t("customer.newPassword")}</Button>}
            title={t("customer.newPasswordTitle", { username: a.username })}
            description={t("customer.newPasswordDescription")}
            confirmLabel={t("customer.newPassword")}
            onConfirm={() => password.mutateAsync({ customerId, accountId: a.id, password: null }).then(() => setReveal(true))}
          />
        </div>
      )}
      <ErrorAlert error={place.error ?? password.error ?? kick.error} className="mt-2" />
    </div>
  );
}
