"use client";
// One node in the map's detail panel: status, ports used and free, loss from the OLT, what hangs
// above and below it, customers on its ports; field actions (mark down/up, move, navigate) and
// building actions (draw the cable route of its link up, add a node below it).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Fact } from "@/components/ui/Fact";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { formatIncidentNumber, type TNodeStatus } from "@/server/modules/ftth/ftth.schema";
import type { EditMode, Selection } from "./map-types";
import { NodeDialog } from "./NodeDialog";

export const STATUS_TONE: Record<TNodeStatus, "success" | "danger" | "warning"> = { up: "success", down: "danger", maintenance: "warning" };

/** Opens the phone's map app (Google Maps' universal link works on Android and iOS). */
export const navigateHref = (lat: number, lng: number) => `https://www.google.com/maps/dir/?api=1&destination=${lat},${lng}`;

type Props = {
  id: string;
  canManage: boolean;
  canField: boolean;
  mode: EditMode;
  setMode: (mode: EditMode) => void;
  onClose: () => void;
  onSelect: (s: Selection) => void;
};

export function NodePanel({ id, canManage, canField, mode, setMode, onClose, onSelect }: Props) {
  const t = useTranslations("ftth");
  const tr = useTranslations("routers");
  const [editing, setEditing] = useState(false);
  const trpc = useTRPC();
  const format = useFormat();
  const client = useQueryClient();
  const detail = useQuery(trpc.ftth.node.queryOptions({ id }));
  const refresh = () => client.invalidateQueries({ queryKey: trpc.ftth.pathKey() });
  const setStatus = useMutation(trpc.ftth.setNodeStatus.mutationOptions({ onSuccess: refresh }));
  const move = useMutation(trpc.ftth.moveNode.mutationOptions({ onSuccess: () => (setMode(null), refresh()) }));
  const route = useMutation(trpc.ftth.updateLink.mutationOptions({ onSuccess: () => (setMode(null), refresh()) }));

  if (detail.isPending) return <Skeleton className="h-40 w-full" />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  const { node, parent, children, drops, lossFromOltDb, openIncidents, router } = detail.data;
  const free = Math.max(0, node.ports - node.usedPorts);
  const causing = openIncidents.find((i) => i.cause && i.status === "open");

  return (
    <div className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`types.${node.type}`)}</p>
          <h2 className="truncate text-lg font-semibold text-slate-900" data-testid="ftth-panel-code">{node.code}</h2>
          <p className="text-sm text-slate-600">{node.name}</p>
        </div>
        <div className="flex items-center gap-2">
          <Badge tone={STATUS_TONE[node.status]}>
            <span data-testid="ftth-panel-status">{t(`statuses.${node.status}`)}</span>
          </Badge>
          <Button variant="ghost" size="sm" onClick={onClose}>
            {t("panel.close")}
          </Button>
        </div>
      </div>

      {openIncidents.map((i) => (
        <Alert key={i.id} tone="danger" title={t("panel.incident", { number: formatIncidentNumber(i.number) })}>
          <Link href={`/outages/${i.id}`} className="font-medium underline" data-testid="ftth-panel-incident">
            {t("panel.openIncident")}
          </Link>
        </Alert>
      ))}
      {setStatus.data?.incident && (
        <Alert tone="warning">{t("panel.downResult", { code: node.code, customers: setStatus.data.incident.affectedCustomers })}</Alert>
      )}
      <ErrorAlert error={setStatus.error ?? move.error ?? route.error} />

      <dl className="grid grid-cols-2 gap-3 text-sm">
        <Fact label={t("panel.ports")}>
          {t("panel.portsValue", { used: node.usedPorts, ports: node.ports })} · {t("panel.free", { free })}
        </Fact>
        {node.splitterRatio && <Fact label={t("panel.splitter")}>{node.splitterRatio}</Fact>}
        {node.area && <Fact label={t("panel.area")}>{node.area}</Fact>}
        {node.installedOn && <Fact label={t("panel.installed")}>{format.calendarDate(node.installedOn)}</Fact>}
        <Fact label={t("panel.loss")}>{lossFromOltDb === null ? t("panel.lossUnknown") : t("panel.lossValue", { loss: lossFromOltDb })}</Fact>
        {parent && (
          <Fact label={t("panel.parent")}>
            <button type="button" className="min-h-11 text-left font-medium text-brand-700 underline" onClick={() => onSelect({ kind: "node", id: parent.id })}>
              {parent.code}
            </button>
          </Fact>
        )}
        {router && (
          <Fact label={t("panel.router")}>
            <Link href={`/routers/${router.id}`} className="inline-flex min-h-11 items-center gap-2 font-medium text-brand-700 underline" data-testid="ftth-panel-router">
              {router.name}
            </Link>{" "}
            <Badge tone={router.status === "down" ? "danger" : router.status === "up" ? "success" : "neutral"}>{tr(`status.${router.status}`)}</Badge>
          </Fact>
        )}
      </dl>
      {node.notes && <p className="whitespace-pre-line text-sm text-slate-700">{node.notes}</p>}

      <div className="flex flex-wrap gap-2">
        <ButtonLink href={navigateHref(node.latitude, node.longitude)} target="_blank" rel="noopener noreferrer" size="sm">
          {t("panel.navigate")}
        </ButtonLink>
        {canField && node.status !== "down" && (
          <ConfirmDialog
            trigger={
              <Button variant="danger" size="sm" data-testid="ftth-mark-down">
                {t("panel.markDown")}
              </Button>
            }
            title={t("panel.downTitle", { code: node.code })}
            description={t("panel.downBody", { code: node.code })}
            confirmLabel={t("panel.downConfirm")}
            onConfirm={() => setStatus.mutateAsync({ id: node.id, status: "down" })}
            testId="ftth-mark-down-confirm"
          />
        )}
        {canField && node.status !== "up" && (
          <ConfirmDialog
            trigger={
              <Button variant="primary" size="sm" data-testid="ftth-mark-up">
                {t("panel.markUp")}
              </Button>
            }
            title={t("panel.upTitle", { code: node.code })}
            description={t("panel.upBody", { code: node.code })}
            confirmLabel={t("panel.upConfirm")}
            tone="primary"
            onConfirm={() => setStatus.mutateAsync({ id: node.id, status: "up" })}
          />
        )}
        {canField && node.status === "up" && !causing && (
          <Button size="sm" onClick={() => setStatus.mutate({ id: node.id, status: "maintenance" })} loading={setStatus.isPending}>
            {t("panel.markMaintenance")}
          </Button>
        )}
        {canField && mode?.kind !== "move" && (
          <Button size="sm" onClick={() => setMode({ kind: "move", nodeId: node.id, at: [node.latitude, node.longitude] })}>
            {t("panel.move")}
          </Button>
        )}
        {canManage && parent && mode?.kind !== "route" && (
          <Button size="sm" onClick={() => setMode({ kind: "route", linkId: parent.link.id, points: [] })}>
            {t("panel.drawRoute")}
          </Button>
        )}
        {canManage && (
          <Button size="sm" onClick={() => setEditing(true)} data-testid="ftth-node-edit">
            {t("panel.edit")}
          </Button>
        )}
        {canManage && node.type !== "odp" && mode === null && (
          <Button size="sm" onClick={() => setMode({ kind: "add", at: null })}>
            {t("panel.addBelow")}
          </Button>
        )}
      </div>

      {editing && <NodeDialog kind="edit" node={node} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}

      {mode?.kind === "move" && mode.nodeId === node.id && (
        <div className="space-y-2 rounded-md bg-brand-50 p-3 text-sm">
          <p>{t("panel.moveHint")}</p>
          <div className="flex gap-2">
            <Button variant="primary" size="sm" loading={move.isPending} onClick={() => move.mutate({ id: node.id, latitude: mode.at[0], longitude: mode.at[1] })}>
              {t("panel.saveMove")}
            </Button>
            <Button size="sm" onClick={() => setMode(null)}>
              {t("map.cancel")}
            </Button>
          </div>
        </div>
      )}
      {mode?.kind === "route" && parent && (
        <div className="space-y-2 rounded-md bg-brand-50 p-3 text-sm">
          <p>{t("panel.drawHint", { parent: parent.code, code: node.code })}</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" size="sm" loading={route.isPending} onClick={() => route.mutate({ id: mode.linkId, route: mode.points })}>
              {t("panel.saveRoute", { count: mode.points.length })}
            </Button>
            {parent.link.route && (
              <Button size="sm" onClick={() => route.mutate({ id: mode.linkId, route: null })}>
                {t("panel.clearRoute")}
              </Button>
            )}
            <Button size="sm" onClick={() => setMode(null)}>
              {t("map.cancel")}
            </Button>
          </div>
        </div>
      )}

      {children.length > 0 && (
        <section>
          <h3 className="text-sm font-semibold text-slate-900">{t("panel.children")}</h3>
          <ul className="mt-1 divide-y divide-slate-100">
            {children.map((c) => (
              <li key={c.id}>
                <button type="button" className="flex min-h-11 w-full items-center justify-between gap-2 text-left text-sm" onClick={() => onSelect({ kind: "node", id: c.id })}>
                  <span>
                    <span className="font-medium text-slate-900">{c.code}</span> <span className="text-slate-500">{c.link.parentPort ? t("panel.port", { port: c.link.parentPort }) : null}</span>
                  </span>
                  <Badge tone={STATUS_TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {node.type === "odp" && (
        <section>
          <h3 className="text-sm font-semibold text-slate-900">{t("panel.drops")}</h3>
          {drops.length === 0 ? (
            <p className="text-sm text-slate-500">{t("panel.noDrops")}</p>
          ) : (
            <ul className="mt-1 divide-y divide-slate-100">
              {drops.map((d) => (
                <li key={d.customerId}>
                  <button type="button" className="flex min-h-11 w-full items-center justify-between gap-2 text-left text-sm" onClick={() => onSelect({ kind: "customer", id: d.customerId })}>
                    <span className="font-medium text-slate-900">{d.customerName}</span>
                    <span className="text-slate-500">{t("panel.port", { port: d.port })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
