"use client";
// Broadcast: the owner or an admin picks customers (status, package, ODP, area), sees
// how many will get the message (and how many cannot: no number, opted out), writes it, confirms
// with that count, and follows its progress — queued and paced like every other message.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { StatCard } from "@/components/ui/StatCard";
import { Textarea } from "@/components/ui/Textarea";
import { useDebouncedValue } from "@/components/ui/hooks";
import { newIdempotencyKey } from "@/components/ui/idempotency";
import { useFormat } from "@/components/ui/use-format";
import { CUSTOMER_AUDIENCE_STATUSES, ZBroadcastInput, type TBroadcastRow } from "@/server/modules/notifications/notifications.schema";

type AudienceStatus = (typeof CUSTOMER_AUDIENCE_STATUSES)[number];

export function BroadcastPanel() {
  const t = useTranslations("notifications.broadcast");
  const customerStatus = useTranslations("customers.status");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const packages = useQuery(trpc.packages.list.queryOptions());
  // ODPs come from the FTTH plant; an ISP without the maps feature has none and sees no ODP choice.
  const plant = useQuery({ ...trpc.ftth.utilisation.queryOptions(), retry: false });
  const odps = plant.data?.odps ?? [];
  const form = useZodForm(ZBroadcastInput, {
    defaultValues: { filter: { statuses: ["active", "isolated"], packageId: null, area: null, odpId: null }, message: "", idempotencyKey: newIdempotencyKey("broadcast") },
  });
  const [open, setOpen] = useState(false);
  const filter = form.watch("filter");
  const settledFilter = useDebouncedValue(JSON.stringify(filter), 300);
  const parsedFilter = JSON.parse(settledFilter) as typeof filter;
  const audience = useQuery(trpc.notifications.audience.queryOptions({ statuses: parsedFilter.statuses?.length ? parsedFilter.statuses : ["active"], packageId: parsedFilter.packageId || null, area: parsedFilter.area || null, odpId: parsedFilter.odpId || null }));
  const send = useMutation(
    trpc.notifications.broadcast.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        form.reset({ ...form.getValues(), message: "", idempotencyKey: newIdempotencyKey("broadcast") });
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.broadcasts.queryKey() });
      },
      onError: (error) => {
        setOpen(false);
        setServerErrors(form, error);
      },
    }),
  );
  const statuses = (filter?.statuses ?? []) as AudienceStatus[];
  const toggle = (s: AudienceStatus, on: boolean) =>
    form.setValue("filter.statuses", on ? [...new Set([...statuses, s])] : statuses.filter((x) => x !== s), { shouldDirty: true, shouldValidate: true });
  const { errors } = form.formState;
  const reachable = audience.data?.reachable ?? 0;

  return (
    <div className="space-y-4">
      <Card title={t("title")}>
        <form onSubmit={form.handleSubmit(() => setOpen(true))} className="space-y-4" noValidate data-testid="broadcast-form">
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("statuses")}</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {CUSTOMER_AUDIENCE_STATUSES.map((s) => (
                <Checkbox key={s} label={customerStatus(s)} checked={statuses.includes(s)} onChange={(e) => toggle(s, e.target.checked)} data-testid={`broadcast-status-${s}`} />
              ))}
            </div>
            {errors.filter?.statuses?.message && <p className="mt-1 text-sm text-red-700">{errors.filter.statuses.message}</p>}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("package")}>
              <Select {...form.register("filter.packageId", { setValueAs: (v: string) => (v ? v : null) })} data-testid="broadcast-package">
                <option value="">{t("allPackages")}</option>
                {(packages.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            {odps.length > 0 && (
              <Field label={t("odp")}>
                <Select {...form.register("filter.odpId", { setValueAs: (v: string) => (v ? v : null) })} data-testid="broadcast-odp">
                  <option value="">{t("allOdps")}</option>
                  {odps.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.area ? t("odpOption", { code: o.code, name: o.name, area: o.area }) : t("odpOptionNoArea", { code: o.code, name: o.name })}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label={t("area")} hint={t("areaHint")} error={errors.filter?.area?.message}>
              <Input autoComplete="off" {...form.register("filter.area", { setValueAs: (v: string) => (v?.trim() ? v : null) })} data-testid="broadcast-area" />
            </Field>
          </div>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-live="polite">
            <StatCard label={t("matching")} value={format.count(audience.data?.customers ?? 0)} />
            <StatCard label={t("reachable")} value={format.count(reachable)} valueTestId="broadcast-reachable" />
            <StatCard label={t("noNumber")} value={format.count(audience.data?.noNumber ?? 0)} />
            <StatCard label={t("optedOut")} value={format.count(audience.data?.optedOut ?? 0)} />
          </div>
          <ErrorAlert error={audience.error} />
          <Field label={t("message")} hint={t("messageHint")} error={errors.message?.message} required>
            <Textarea rows={5} maxLength={1000} {...form.register("message")} data-testid="broadcast-message" />
          </Field>
          <FormError form={form} error={send.error} />
          <ConfirmDialog
            open={open}
            // Opens only when the form is valid (statuses chosen, a message written).
            onOpenChange={(next) => (next ? void form.trigger().then(setOpen) : setOpen(false))}
            tone="primary"
            trigger={
              <Button variant="primary" disabled={reachable === 0} className="w-full sm:w-auto" data-testid="broadcast-send">
                {t("send", { count: reachable })}
              </Button>
            }
            title={t("confirmTitle")}
            description={t("confirmDescription", { count: reachable })}
            confirmLabel={t("confirm", { count: reachable })}
            onConfirm={() => send.mutateAsync(ZBroadcastInput.parse(form.getValues()))}
            testId="broadcast-confirm"
          />
          {send.isSuccess && <Alert tone="success">{t("queued")}</Alert>}
        </form>
      </Card>
      <BroadcastHistory />
    </div>
  );
}

function BroadcastHistory() {
  const t = useTranslations("notifications.broadcast");
  const format = useFormat();
  const trpc = useTRPC();
  const list = useQuery({
    ...trpc.notifications.broadcasts.queryOptions(),
    // While a broadcast is still going out, its progress is fetched again every 3 s.
    refetchInterval: (q) => ((q.state.data ?? []).some((b) => b.progress.queued + b.progress.sending > 0) ? 3000 : false),
  });
  const col = dataTableColumns<TBroadcastRow>();
  const columns = col.columns([
    col.accessor("createdAt", { header: t("history.when"), meta: { card: "subtitle", className: "whitespace-nowrap" }, cell: (c) => format.dateTime(c.getValue()) }),
    col.accessor("message", { header: t("history.message"), meta: { card: "title", className: "md:max-w-sm md:truncate" } }),
    col.accessor("recipients", { header: t("history.recipients"), meta: { align: "end" }, cell: (c) => format.count(c.getValue()) }),
    col.accessor((b) => b.progress.sent + b.progress.delivered + b.progress.read, {
      id: "progress",
      header: t("history.progress"),
      meta: { card: "badge" },
      cell: (c) => {
        const p = c.row.original.progress;
        return (
          <span className="tabular-nums" data-testid="broadcast-progress">
            {t("history.progressValue", { done: c.getValue(), total: c.row.original.recipients - p.skipped, waiting: p.queued + p.sending })}
          </span>
        );
      },
    }),
    col.accessor((b) => b.progress.failed + b.progress.unknown, { id: "failed", header: t("history.failed"), meta: { align: "end" }, cell: (c) => <span data-testid="broadcast-failed">{format.count(c.getValue())}</span> }),
    col.accessor("optedOut", { header: t("history.optedOut"), meta: { align: "end" }, cell: (c) => <span data-testid="broadcast-opted-out">{format.count(c.getValue())}</span> }),
    col.accessor("noNumber", { header: t("history.noNumber"), meta: { align: "end" }, cell: (c) => format.count(c.getValue()) }),
  ]);
  return (
    <Card title={t("history.title")}>
      <ErrorAlert error={list.error} />
      <DataTable
        data={list.data ?? []}
        columns={columns}
        getRowId={(b) => b.id}
        caption={t("history.title")}
        loading={list.isPending}
        rowHref={(b) => `/whatsapp?broadcast=${b.id}`}
        testId="broadcasts-table"
        empty={<EmptyState title={t("history.empty")} />}
      />
    </Card>
  );
}
