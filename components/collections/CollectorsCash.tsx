"use client";
// Finance's side of collectors' cash: what each collector holds now, the hand-overs to count
// (confirming what was received; a difference needs a note and is kept as a variance), and the
// per-collector daily report (collected, deposited, variance, held, commission).
import { useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { todayIn } from "@/components/ui/format";
import { FormError, optionalRupiah, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { StatCard } from "@/components/ui/StatCard";
import { useFormat } from "@/components/ui/use-format";
import { ZConfirmDepositFields, type TCollectorRow, type TDailyReportRow, type TDepositRow } from "@/server/modules/collections/collections.schema";
import { DepositStatus } from "./DepositStatus";

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function CollectorsCash({ timeZone }: { timeZone: string }) {
  return (
    <div className="space-y-6">
      <Collectors />
      <Deposits />
      <DailyReport timeZone={timeZone} />
    </div>
  );
}

function Collectors() {
  const t = useTranslations("collections.cash");
  const format = useFormat();
  const trpc = useTRPC();
  const collectors = useQuery(trpc.collections.collectors.queryOptions());
  const total = useQuery(trpc.collections.heldTotal.queryOptions());
  const col = dataTableColumns<TCollectorRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", { header: t("collector"), meta: { card: "title" } }),
        col.accessor("customers", { header: t("customers"), meta: { align: "end" }, cell: (c) => format.count(c.getValue()) }),
        col.accessor("heldIdr", { header: t("held"), meta: { align: "end" }, cell: (c) => format.money(c.getValue()) }),
      ]),
    [col, t, format],
  );
  return (
    <Card title={t("collectorsTitle")}>
      <ErrorAlert error={collectors.error ?? total.error} title={t("couldNotLoad")} />
      <div className="mb-4 grid grid-cols-1 gap-3 min-[420px]:grid-cols-2">
        <StatCard label={t("heldTotal")} value={total.data ? format.money(total.data.heldIdr) : "…"} hint={t("heldTotalHint", { count: total.data?.collectors ?? 0 })} emphasis valueTestId="cash-held-total" />
      </div>
      <DataTable data={collectors.data ?? []} columns={columns} getRowId={(r) => r.id} caption={t("collectorsTitle")} loading={collectors.isPending} empty={<EmptyState title={t("noCollectors")}>{t("noCollectorsHint")}</EmptyState>} />
    </Card>
  );
}

function Deposits() {
  const t = useTranslations("collections.cash");
  const format = useFormat();
  const trpc = useTRPC();
  const deposits = useQuery(trpc.collections.deposits.queryOptions({}));
  const [confirming, setConfirming] = useState<TDepositRow | null>(null);
  const col = dataTableColumns<TDepositRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("collectorName", { header: t("collector"), meta: { card: "title" } }),
        col.accessor("status", { header: t("status"), meta: { card: "badge" }, cell: (c) => <DepositStatus deposit={c.row.original} /> }),
        col.accessor("declaredAt", { header: t("declaredAt"), meta: { card: "subtitle" }, cell: (c) => format.dateTime(c.getValue()) }),
        col.accessor("declaredIdr", { header: t("declared"), meta: { align: "end" }, cell: (c) => format.money(c.getValue()) }),
        col.accessor("receivedIdr", { header: t("received"), meta: { align: "end" }, cell: (c) => (c.getValue() === null ? "—" : format.money(c.getValue()!)) }),
        col.accessor("varianceIdr", {
          header: t("variance"),
          meta: { align: "end" },
          cell: (c) => (c.getValue() ? <span className="font-medium text-red-700">{format.money(c.getValue()!)}</span> : "—"),
        }),
        col.accessor("note", { header: t("note"), cell: (c) => [c.row.original.collectorNote, c.getValue()].filter(Boolean).join(" · ") || "—" }),
        col.display({
          id: "confirm",
          header: t("actions"),
          cell: (c) =>
            c.row.original.status === "declared" ? (
              <Button variant="primary" size="sm" onClick={() => setConfirming(c.row.original)} data-testid="deposit-confirm-open">
                {t("confirm")}
              </Button>
            ) : (
              c.row.original.confirmedByName && <span className="text-xs text-slate-500">{t("confirmedBy", { name: c.row.original.confirmedByName })}</span>
            ),
        }),
      ]),
    [col, t, format],
  );
  return (
    <Card title={t("depositsTitle")}>
      <ErrorAlert error={deposits.error} title={t("couldNotLoad")} />
      <DataTable data={deposits.data ?? []} columns={columns} getRowId={(r) => r.id} caption={t("depositsTitle")} loading={deposits.isPending} rowTestId="deposit-row" empty={<EmptyState title={t("noDeposits")}>{t("noDepositsHint")}</EmptyState>} />
      {confirming && <ConfirmDepositDialog deposit={confirming} onClose={() => setConfirming(null)} />}
    </Card>
  );
}

function ConfirmDepositDialog({ deposit, onClose }: { deposit: TDepositRow; onClose: () => void }) {
  const t = useTranslations("collections.cash");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(ZConfirmDepositFields, { defaultValues: { receivedIdr: deposit.declaredIdr, note: null } });
  const confirm = useMutation(
    trpc.collections.confirmDeposit.mutationOptions({
      onSuccess: async () => {
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.collections.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.tenant.home.queryKey() })]);
        onClose();
      },
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const received = form.watch("receivedIdr");
  const variance = typeof received === "number" ? received - deposit.declaredIdr : 0;
  const { errors } = form.formState;
  return (
    <Dialog open onOpenChange={(open) => !open && !confirm.isPending && onClose()} title={t("confirmTitle", { name: deposit.collectorName })} description={t("confirmDescription", { amount: format.money(deposit.declaredIdr) })}>
      <form noValidate className="space-y-3" data-testid="deposit-confirm-form" onSubmit={form.handleSubmit((values) => !confirm.isPending && confirm.mutate({ depositId: deposit.id, ...values }))}>
        <Field label={t("receivedLabel")} hint={variance === 0 ? t("noVariance") : t("varianceHint", { amount: format.money(variance) })} error={errors.receivedIdr?.message} required>
          <Input inputMode="numeric" autoComplete="off" data-testid="deposit-received" {...form.register("receivedIdr", { setValueAs: optionalRupiah })} />
        </Field>
        <Field label={t("noteLabel")} hint={variance !== 0 ? t("noteRequired") : undefined} error={errors.note?.message} required={variance !== 0}>
          <Input maxLength={500} data-testid="deposit-note" {...form.register("note", { setValueAs: optionalText })} />
        </Field>
        <FormError form={form} error={confirm.error} title={t("notConfirmed")} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" loading={confirm.isPending} data-testid="deposit-confirm-submit">
            {t("confirmSubmit")}
          </Button>
          <Button onClick={onClose} disabled={confirm.isPending}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function DailyReport({ timeZone }: { timeZone: string }) {
  const t = useTranslations("collections.report");
  const format = useFormat();
  const trpc = useTRPC();
  const today = todayIn(timeZone);
  const [range, setRange] = useState({ from: addDays(today, -6), to: today });
  const report = useQuery(trpc.collections.report.queryOptions(range));
  const col = dataTableColumns<TDailyReportRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("collectorName", { header: t("collector"), meta: { card: "title" } }),
        col.accessor("date", { header: t("date"), meta: { card: "subtitle" }, cell: (c) => format.calendarDate(c.getValue()) }),
        col.accessor("collectedIdr", { header: t("collected"), meta: { align: "end" }, cell: (c) => `${format.money(c.getValue())} (${format.count(c.row.original.collections)})` }),
        col.accessor("depositedIdr", { header: t("deposited"), meta: { align: "end" }, cell: (c) => format.money(c.getValue()) }),
        col.accessor("varianceIdr", { header: t("variance"), meta: { align: "end" }, cell: (c) => (c.getValue() ? format.money(c.getValue()) : "—") }),
        col.accessor("heldIdr", { header: t("held"), meta: { align: "end" }, cell: (c) => format.money(c.getValue()) }),
        col.accessor("commissionIdr", { header: t("commission"), meta: { align: "end" }, cell: (c) => format.money(c.getValue()) }),
      ]),
    [col, t, format],
  );
  return (
    <Card title={t("title")}>
      <div className="mb-4 grid grid-cols-2 gap-3 sm:max-w-md">
        <Field label={t("from")}>
          <Input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange((r) => ({ ...r, from: e.target.value }))} />
        </Field>
        <Field label={t("to")}>
          <Input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} />
        </Field>
      </div>
      <ErrorAlert error={report.error} title={t("couldNotLoad")} />
      <DataTable data={report.data ?? []} columns={columns} getRowId={(r) => `${r.collectorId}-${r.date}`} caption={t("title")} loading={report.isPending} empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>} />
    </Card>
  );
}
