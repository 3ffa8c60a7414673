"use client";
// One outage: what caused it, since when, whom it reaches, its timeline, and the next step —
// confirm or dismiss a suspected one, resolve an open one, assign someone, add a note.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Fact } from "@/components/ui/Fact";
import { Field } from "@/components/ui/Field";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { useFormat } from "@/components/ui/use-format";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { formatIncidentNumber, type TIncidentDetail } from "@/server/modules/ftth/ftth.schema";
import { IncidentStatusBadge } from "./IncidentStatusBadge";

type Row = TIncidentDetail["customers"][number];

export function IncidentDetail({ id, canField }: { id: string; canField: boolean }) {
  const t = useTranslations("ftth");
  const trpc = useTRPC();
  const format = useFormat();
  const client = useQueryClient();
  const detail = useQuery({ ...trpc.ftth.incident.queryOptions({ id }), refetchInterval: 30_000 });
  const update = useMutation(trpc.ftth.updateIncident.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.ftth.pathKey() }) }));
  const [note, setNote] = useState("");
  const [assignee, setAssignee] = useState<string | null>(null);

  const col = dataTableColumns<Row>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", { header: t("panel.customer"), meta: { card: "title" } }),
        col.accessor((r) => formatCustomerNumber(r.number), { id: "number", header: t("outages.number"), meta: { card: "subtitle", className: "font-mono text-xs" } }),
        col.accessor("odpCode", { header: t("incident.odp"), meta: { card: "detail" } }),
        col.accessor("notified", { header: t("incident.notified"), meta: { card: "detail" }, cell: (c) => (c.getValue() ? t("incident.notifiedYes") : t("incident.notifiedNo")) }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t],
  );

  if (detail.isPending) return <Skeleton className="h-64 w-full" />;
  if (detail.error) return <ErrorAlert error={detail.error} title={t("incident.couldNotLoad")} />;
  const { incident, timeline, customers, assignable } = detail.data;
  const number = formatIncidentNumber(incident.number);
  const cause = `${t(`types.${incident.causeNode.type}`)} ${incident.causeNode.code}`;
  const act = (action: "confirm" | "dismiss" | "resolve") => update.mutateAsync({ id, action });

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("incident.title", { number })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <IncidentStatusBadge status={incident.status} />
            <span data-testid="incident-affected">{t("outages.affectedValue", { customers: incident.affectedCustomers, nodes: incident.affectedNodes })}</span>
          </span>
        }
        actions={
          <>
            <ButtonLink href={`/map?node=${incident.causeNode.id}`}>{t("incident.showOnMap")}</ButtonLink>
            {canField && incident.status === "open" && (
              <ConfirmDialog
                trigger={<Button variant="primary">{t("incident.resolve")}</Button>}
                title={t("incident.resolveTitle", { number })}
                description={t("incident.resolveBody", { cause, customers: incident.affectedCustomers })}
                confirmLabel={t("incident.resolve")}
                tone="primary"
                onConfirm={() => act("resolve")}
              />
            )}
            {canField && incident.status === "suspected" && (
              <>
                <ConfirmDialog
                  trigger={<Button variant="danger">{t("incident.confirm")}</Button>}
                  title={t("incident.confirmTitle", { number })}
                  description={t("incident.confirmBody", { cause, customers: incident.affectedCustomers })}
                  confirmLabel={t("incident.confirm")}
                  onConfirm={() => act("confirm")}
                />
                <ConfirmDialog
                  trigger={<Button>{t("incident.dismiss")}</Button>}
                  title={t("incident.dismissTitle", { number })}
                  description={t("incident.dismissBody")}
                  confirmLabel={t("incident.dismiss")}
                  tone="primary"
                  onConfirm={() => act("dismiss")}
                />
              </>
            )}
          </>
        }
      />
      <ErrorAlert error={update.error} />
      {incident.status === "suspected" && <Alert tone="warning">{t("incident.suspectedAlert", { cause })}</Alert>}

      <Card>
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("incident.facts")}</h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
          <Fact label={t("outages.cause")}>
            <Link href={`/map?node=${incident.causeNode.id}`} className="font-medium text-brand-700 underline" data-testid="incident-cause">
              {cause}
            </Link>
          </Fact>
          <Fact label={t("outages.started")}>{format.dateTime(incident.startedAt)}</Fact>
          {incident.resolvedAt && <Fact label={t("incident.resolvedAt")}>{format.dateTime(incident.resolvedAt)}</Fact>}
          <Fact label={t("incident.source")}>{t(`outages.sources.${incident.source}`)}</Fact>
          <Fact label={t("outages.assignee")}>{incident.assignee?.name ?? t("outages.nobody")}</Fact>
          {incident.notes && <Fact label={t("incident.notes")}>{incident.notes}</Fact>}
        </dl>
        {canField && (incident.status === "open" || incident.status === "suspected") && (
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <div className="flex items-end gap-2">
              <Field label={t("incident.assignLabel")} className="flex-1">
                <Select value={assignee ?? incident.assignee?.id ?? ""} onChange={(e) => setAssignee(e.target.value)}>
                  <option value="">{t("outages.nobody")}</option>
                  {assignable.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button loading={update.isPending} onClick={() => update.mutate({ id, action: "assign", assigneeId: (assignee ?? incident.assignee?.id) || null })}>
                {t("incident.assign")}
              </Button>
            </div>
            <div className="flex items-end gap-2">
              <Field label={t("incident.noteLabel")} className="flex-1">
                <Textarea rows={1} value={note} onChange={(e) => setNote(e.target.value)} />
              </Field>
              <Button loading={update.isPending} disabled={note.trim() === ""} onClick={() => update.mutate({ id, action: "note", note }, { onSuccess: () => setNote("") })}>
                {t("incident.addNote")}
              </Button>
            </div>
          </div>
        )}
      </Card>

      <Card>
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("incident.timeline")}</h2>
        <ol className="space-y-2 text-sm" data-testid="incident-timeline">
          {timeline.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-3">
              <p className="font-medium text-slate-900">{t.has(`incident.kinds.${e.kind}` as "incident.kinds.note") ? t(`incident.kinds.${e.kind}` as "incident.kinds.note") : e.kind}</p>
              <p className="text-xs text-slate-500">
                {format.dateTime(e.at)} · {e.actorLabel}
              </p>
              {e.note && <p className="whitespace-pre-line text-slate-700">{e.note}</p>}
            </li>
          ))}
        </ol>
      </Card>

      <Card>
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t("incident.customers")}</h2>
        <DataTable
          data={customers}
          columns={columns}
          getRowId={(r) => r.id}
          caption={t("incident.customersCaption")}
          rowHref={(r) => `/customers/${r.id}`}
          testId="incident-customers"
          rowTestId="incident-customer"
          empty={<EmptyState title={t("incident.noCustomers")} />}
        />
      </Card>
    </div>
  );
}
