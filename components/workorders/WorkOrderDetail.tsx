"use client";
// One work order: what to do and where (customer, address, directions), when, who goes, its
// status with the next steps the actor may take, its photos and its activity log. Managers
// assign, reassign and cancel; whoever works the order (tasks.field) has the field panel on top.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { whatsappLink } from "@/components/customers/CustomerDetail";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Dialog } from "@/components/ui/Dialog";
import { Fact } from "@/components/ui/Fact";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { useFormat } from "@/components/ui/use-format";
import { formatCustomerNumber } from "@/server/modules/customers/customers.schema";
import { formatWorkOrderNumber, type WorkOrderStatus } from "@/server/modules/workorders/work-order-rules";
import { ZCancelInput, type TWorkOrderDetail } from "@/server/modules/workorders/workorders.schema";
import { FieldPanel } from "./FieldPanel";
import { directionsUrl, geoUri } from "./site-links";
import { WorkOrderStatusBadge } from "./WorkOrderBadges";

type Props = { id: string; canManage: boolean; canField: boolean };

export function WorkOrderDetail({ id, canManage, canField }: Props) {
  const t = useTranslations("workorders.detail");
  const tw = useTranslations("workorders");
  const trpc = useTRPC();
  const format = useFormat();
  const order = useQuery({ ...trpc.workOrders.get.queryOptions({ id }), refetchInterval: 60_000 });
  if (order.isPending) return <Skeleton className="h-64 w-full" />;
  if (order.error) return <ErrorAlert error={order.error} title={t("couldNotLoad")} />;
  const o = order.data;
  const number = formatWorkOrderNumber(o.number);
  return (
    <div className="space-y-4">
      <Link href="/work-orders" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        ← {t("allOrders")}
      </Link>
      <PageHeader
        title={`${number} · ${o.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2" data-testid="workorder-status">
            <WorkOrderStatusBadge status={o.status} overdue={o.overdue} />
            <span>{tw(`kind.${o.kind}`)}</span>
          </span>
        }
        actions={canManage && <ManageActions order={o} />}
      />
      {canField && <FieldPanel order={o} />}
      <SiteCard order={o} />
      <Card title={t("when")}>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
          <Fact label={t("scheduled")}>{o.scheduledAt ? format.dateTime(o.scheduledAt) : tw("list.noSchedule")}</Fact>
          <Fact label={t("due")}>{format.dateTime(o.dueAt)}</Fact>
          <Fact label={t("assignees")}>
            <span data-testid="workorder-assignees-value">{o.assignees.map((a) => a.name).join(", ") || tw("list.unassigned")}</span>
          </Fact>
          <Fact label={t("source")}>{t(`sources.${o.source}`)}</Fact>
          <Fact label={t("created")}>{format.dateTime(o.createdAt)}</Fact>
          {o.completedAt && <Fact label={t("completed")}>{format.dateTime(o.completedAt)}</Fact>}
          {o.checkIn && (
            <Fact label={t("checkedIn")}>
              {o.checkIn.distanceM === null ? format.dateTime(o.checkIn.at) : t("checkedInAt", { when: format.dateTime(o.checkIn.at), distance: format.count(o.checkIn.distanceM) })}
            </Fact>
          )}
          {o.incidentId && (
            <Fact label={t("incident")}>
              <Link href={`/outages/${o.incidentId}`} className="text-brand-700 underline">
                {t("openIncident")}
              </Link>
            </Fact>
          )}
          {o.cancelReason && <Fact label={t("cancelReason")}>{o.cancelReason}</Fact>}
        </dl>
        {o.description && <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{o.description}</p>}
      </Card>
      <Photos order={o} />
      <Timeline order={o} />
    </div>
  );
}

function SiteCard({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.detail");
  const link = buttonClass("secondary", "sm");
  const directions = directionsUrl(o);
  const geo = geoUri(o);
  return (
    <Card title={t("site")}>
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
        <Fact label={t("customer")}>
          {o.customer ? (
            <Link href={`/customers/${o.customer.id}`} className="font-medium text-brand-700 underline" data-testid="workorder-customer">
              {o.customer.name} <span className="font-mono text-xs">{formatCustomerNumber(o.customer.number)}</span>
            </Link>
          ) : (
            t("noCustomer")
          )}
        </Fact>
        <Fact label={t("address")}>{o.address ?? "—"}</Fact>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        {directions && (
          <a href={directions} target="_blank" rel="noopener noreferrer" className={link} data-testid="workorder-directions">
            {t("directions")}
          </a>
        )}
        {geo && (
          <a href={geo} className={link}>
            {t("openInMaps")}
          </a>
        )}
        {o.customer?.phone && (
          <a href={`tel:${o.customer.phone}`} className={link}>
            {t("call")}
          </a>
        )}
        {o.customer?.phone && (
          <a href={whatsappLink(o.customer.phone)} target="_blank" rel="noopener noreferrer" className={link}>
            {t("whatsapp")}
          </a>
        )}
      </div>
    </Card>
  );
}

function ManageActions({ order: o }: { order: TWorkOrderDetail }) {
  const closed = o.status === "done" || o.status === "cancelled";
  if (closed) return null;
  return (
    <>
      <AssignDialog order={o} />
      {o.allowed.includes("cancelled") && <CancelDialog order={o} />}
    </>
  );
}

function AssignDialog({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.detail");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(o.assignees.map((a) => a.id)));
  const staff = useQuery({ ...trpc.workOrders.assignable.queryOptions(), enabled: open });
  const assign = useMutation(
    trpc.workOrders.assign.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.workOrders.pathKey() });
        setOpen(false);
      },
    }),
  );
  const toggle = (id: string, on: boolean) => setChosen((prev) => (on ? new Set([...prev, id]) : new Set([...prev].filter((x) => x !== id))));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setChosen(new Set(o.assignees.map((a) => a.id)));
        setOpen(next);
      }}
      trigger={
        <Button variant="primary" data-testid="workorder-assign">
          {o.assignees.length ? t("reassign") : t("assign")}
        </Button>
      }
      title={t("assignTitle", { number: formatWorkOrderNumber(o.number) })}
      description={t("assignBody")}
    >
      <div className="space-y-3">
        <ErrorAlert error={staff.error} />
        {staff.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <div className="grid gap-x-4 sm:grid-cols-2">
            {(staff.data ?? []).map((p) => (
              <Checkbox key={p.id} label={p.name} checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
            ))}
          </div>
        )}
        <ErrorAlert error={assign.error} title={t("notSaved")} />
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" disabled={chosen.size === 0} loading={assign.isPending} onClick={() => assign.mutate({ id: o.id, assigneeIds: [...chosen] })} className="w-full sm:w-auto" data-testid="workorder-assign-submit">
            {t("assignSubmit")}
          </Button>
          <Button onClick={() => setOpen(false)} disabled={assign.isPending} className="w-full sm:w-auto">
            {t("close")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function CancelDialog({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.detail");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useZodForm(ZCancelInput, { defaultValues: { id: o.id, reason: "" } });
  const cancel = useMutation(
    trpc.workOrders.cancel.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.workOrders.pathKey() });
        setOpen(false);
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen} trigger={<Button variant="danger">{t("cancel")}</Button>} title={t("cancelTitle", { number: formatWorkOrderNumber(o.number) })} description={t("cancelBody")}>
      <form noValidate className="space-y-3" onSubmit={form.handleSubmit((values) => !cancel.isPending && cancel.mutate(values))}>
        <Field label={t("cancelReason")} error={form.formState.errors.reason?.message} required>
          <Textarea rows={3} maxLength={500} {...form.register("reason")} />
        </Field>
        <FormError form={form} error={cancel.error} title={t("notSaved")} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" loading={cancel.isPending} className="w-full sm:w-auto">
            {t("cancelSubmit")}
          </Button>
          <Button onClick={() => setOpen(false)} disabled={cancel.isPending} className="w-full sm:w-auto">
            {t("close")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function Photos({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.detail");
  const format = useFormat();
  if (o.photos.length === 0) return null;
  return (
    <Card title={t("photos", { count: o.photos.length })}>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="workorder-photos">
        {o.photos.map((p) => (
          <li key={p.id} className="min-w-0">
            <a href={p.url} target="_blank" rel="noopener" className="block">
              {/* eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/files, already resized */}
              <img src={p.url} alt={p.caption ?? t("photoAlt", { when: format.dateTime(p.createdAt) })} className="aspect-square w-full rounded-lg border border-slate-200 object-cover" loading="lazy" />
            </a>
            <p className="mt-1 truncate text-xs text-slate-600">{p.caption ?? format.dateTime(p.createdAt)}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Timeline({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.detail");
  const tw = useTranslations("workorders");
  const format = useFormat();
  const line = (e: TWorkOrderDetail["events"][number]) => {
    switch (e.kind) {
      case "status":
      case "created":
      case "assigned":
      case "finished":
      case "cancelled":
        return e.toStatus ? t(`events.${e.kind}`, { status: tw(`status.${e.toStatus as WorkOrderStatus}`) }) : t(`events.${e.kind}`, { status: "" });
      case "check_in":
        return e.note ? t("events.checkInDistance", { distance: e.note }) : t("events.checkIn");
      case "note":
        return t("events.note");
      case "photo":
        return t("events.photo");
      case "checklist":
        return t("events.checklist");
      default:
        return e.kind;
    }
  };
  return (
    <Card title={t("timeline")}>
      <ol className="space-y-3 text-sm" data-testid="workorder-timeline">
        {[...o.events].reverse().map((e) => (
          <li key={e.id} className="border-l-2 border-slate-200 pl-3">
            <p className="font-medium text-slate-900">{line(e)}</p>
            {e.note && e.kind !== "check_in" && e.kind !== "checklist" && <p className="whitespace-pre-line text-slate-700">{e.note}</p>}
            <p className="text-xs text-slate-500">
              {e.actorLabel} · {format.dateTime(e.at)}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
