"use client";
// The collector's round on a phone: their own customers only (collections.round), who owes what,
// filters, call / WhatsApp / map links, and collecting cash. Each opening of the collect form has
// one idempotency key, so a double tap or a retry on poor signal records one collection; the
// phone's GPS fix and the time of the tap travel with it.
import { useEffect, useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { whatsappLink } from "@/components/customers/CustomerDetail";
import { CustomerNameCell } from "@/components/customers/CustomerNameCell";
import { PhotoUpload } from "@/components/files/PhotoUpload";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button, buttonClass } from "@/components/ui/Button";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { FormError, optionalRupiah, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { newIdempotencyKey } from "@/components/ui/idempotency";
import { Input } from "@/components/ui/Input";
import { currentPosition } from "@/components/ui/photo";
import { useFormat } from "@/components/ui/use-format";
import { ROUND_FILTERS, ZCollectFields, type TCollectResult, type TRoundFilter, type TRoundRow } from "@/server/modules/collections/collections.schema";
import { MyCashCard } from "./MyCashCard";

const FILTERS = ROUND_FILTERS.filter((f) => f !== "all");

export function CollectorRound() {
  const t = useTranslations("collections.round");
  const format = useFormat();
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Exclude<TRoundFilter, "all"> | "">("owing");
  const [collecting, setCollecting] = useState<TRoundRow | null>(null);
  const round = useQuery(trpc.collections.round.queryOptions({ filter: filter || "all" }));
  const col = dataTableColumns<TRoundRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("name", {
          header: t("customer"),
          meta: { card: "title" },
          cell: (c) => <CustomerNameCell name={c.getValue()} code={c.row.original.customerCode} />,
        }),
        col.accessor("status", {
          header: t("state"),
          meta: { card: "badge" },
          cell: (c) =>
            c.getValue() === "isolated" ? <Badge tone="danger">{t("isolated")}</Badge> : c.row.original.overdueIdr > 0 ? <Badge tone="warning">{t("overdue")}</Badge> : c.row.original.promisedOn ? <Badge tone="brand">{t("promised")}</Badge> : null,
        }),
        col.accessor("address", { header: t("address"), meta: { card: "subtitle" }, cell: (c) => [c.row.original.area, c.getValue()].filter(Boolean).join(" · ") || "—" }),
        col.accessor("owedIdr", {
          header: t("owed"),
          meta: { align: "end" },
          cell: (c) => (
            <span data-testid="round-owed">
              {format.money(c.getValue())}
              {c.row.original.oldestDueDate && <span className="block text-xs text-slate-500">{t("owedSince", { state: c.row.original.overdueIdr > 0 ? "overdue" : "due", date: format.calendarDate(c.row.original.oldestDueDate) })}</span>}
            </span>
          ),
        }),
        col.accessor("promisedOn", { header: t("promise"), cell: (c) => (c.getValue() ? t("promisedOn", { date: format.calendarDate(c.getValue()) }) : "—") }),
        col.display({
          id: "actions",
          header: t("actions"),
          cell: (c) => <RowActions row={c.row.original} onCollect={() => setCollecting(c.row.original)} />,
        }),
      ]),
    [col, t, format],
  );
  return (
    <div className="space-y-4">
      <MyCashCard />
      <ErrorAlert error={round.error} title={t("couldNotLoad")} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterSelect
          label={t("filter")}
          value={filter}
          onChange={setFilter}
          values={FILTERS}
          labels={{ owing: t("filters.owing"), overdue: t("filters.overdue"), isolated: t("filters.isolated"), promised: t("filters.promised") }}
          allLabel={t("filters.all")}
          testId="round-filter"
          className="w-full sm:w-64"
        />
        {round.data && <p className="text-sm text-slate-600">{t("count", { count: round.data.rows.length, total: format.money(round.data.rows.reduce((s, r) => s + r.owedIdr, 0)) })}</p>}
      </div>
      <DataTable
        data={round.data?.rows ?? []}
        columns={columns}
        getRowId={(r) => r.customerId}
        caption={t("caption")}
        loading={round.isPending}
        empty={<EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>}
      />
      {collecting && <CollectDialog row={collecting} onClose={() => setCollecting(null)} />}
    </div>
  );
}

function RowActions({ row, onCollect }: { row: TRoundRow; onCollect: () => void }) {
  const t = useTranslations("collections.round");
  const link = buttonClass("secondary", "sm");
  const map = row.latitude !== null && row.longitude !== null ? `https://www.google.com/maps/search/?api=1&query=${row.latitude},${row.longitude}` : row.address ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(row.address)}` : null;
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="primary" size="sm" onClick={onCollect} data-testid={`collect-${row.customerCode}`}>
        {t("collect")}
      </Button>
      {row.phone && (
        <a href={`tel:${row.phone}`} className={link}>
          {t("call")}
        </a>
      )}
      {row.phone && (
        <a href={whatsappLink(row.phone)} target="_blank" rel="noopener noreferrer" className={link}>
          {t("whatsapp")}
        </a>
      )}
      {map && (
        <a href={map} target="_blank" rel="noopener noreferrer" className={link}>
          {t("map")}
        </a>
      )}
    </div>
  );
}

type Fix = { latitude: number; longitude: number; accuracyM: number };

type PositionState = { fix: Fix | null; state: "locating" | "found" | "unavailable" };

/** The phone's position, asked once when the form opens; collecting never waits for it. */
function usePosition(): PositionState {
  const [result, setResult] = useState<PositionState>({ fix: null, state: "locating" });
  useEffect(() => {
    let open = true;
    void currentPosition().then((p) => {
      if (open) setResult(p ? { fix: { latitude: p.lat, longitude: p.lng, accuracyM: Math.min(100_000, p.accuracyM) }, state: "found" } : { fix: null, state: "unavailable" });
    });
    return () => {
      open = false;
    };
  }, []);
  return result;
}

function CollectDialog({ row, onClose }: { row: TRoundRow; onClose: () => void }) {
  const t = useTranslations("collections.collect");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One key and one time for this opening: a retry replays the same collection.
  const [idempotencyKey] = useState(() => newIdempotencyKey("collect"));
  const [openedAt] = useState(() => new Date().toISOString());
  const position = usePosition();
  const [photoFileId, setPhotoFileId] = useState<string | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const form = useZodForm(ZCollectFields, { defaultValues: { amountIdr: row.owedIdr > 0 ? row.owedIdr : undefined, note: null } });
  const collect = useMutation(
    trpc.collections.collect.mutationOptions({
      retry: 3,
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.collections.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tenant.home.queryKey() }),
        ]),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const amount = form.watch("amountIdr");
  const { errors } = form.formState;
  return (
    <Dialog open onOpenChange={(open) => !open && !collect.isPending && onClose()} title={t("title", { name: row.name })} description={t("owes", { amount: format.money(row.owedIdr) })}>
      {collect.data ? (
        <Collected result={collect.data} onClose={onClose} />
      ) : (
        <form
          noValidate
          className="space-y-3"
          data-testid="collect-form"
          onSubmit={form.handleSubmit((values) => {
            if (collect.isPending || photoBusy) return;
            collect.mutate({ customerId: row.customerId, ...values, ...(position.fix ?? {}), photoFileId, collectedAt: openedAt, idempotencyKey });
          })}
        >
          <Field label={t("amount")} hint={typeof amount === "number" && amount > 0 ? (amount < row.owedIdr ? t("partial", { rest: format.money(row.owedIdr - amount) }) : format.money(amount)) : t("wholeRupiah")} error={errors.amountIdr?.message} required>
            <Input inputMode="numeric" autoComplete="off" data-testid="collect-amount" {...form.register("amountIdr", { setValueAs: optionalRupiah })} />
          </Field>
          <Field label={t("note")} error={errors.note?.message}>
            <Input maxLength={500} {...form.register("note", { setValueAs: optionalText })} />
          </Field>
          <Field label={t("photo")} hint={photoBusy ? t("photoBusy") : t("photoHint")}>
            <PhotoUpload purpose="collection_photo" onChange={setPhotoFileId} onBusyChange={setPhotoBusy} testId="collect-photo" />
          </Field>
          <p className="text-xs text-slate-600" data-testid="collect-gps">
            {position.state === "found" && position.fix ? t("gpsFound", { accuracy: position.fix.accuracyM }) : position.state === "locating" ? t("gpsLocating") : t("gpsUnavailable")}
          </p>
          <FormError form={form} error={collect.error} title={t("notRecorded")} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" loading={collect.isPending} disabled={photoBusy} className="w-full sm:w-auto" data-testid="collect-submit">
              {collect.isPending ? t("submitting") : t("submit")}
            </Button>
            <Button onClick={onClose} disabled={collect.isPending} className="w-full sm:w-auto">
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function Collected({ result, onClose }: { result: TCollectResult; onClose: () => void }) {
  const t = useTranslations("collections.collect");
  const format = useFormat();
  const p = result.payment;
  return (
    <div role="status" className="space-y-3 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="collect-result">
      <p className="font-medium">{t(result.replayed ? "replayed" : "recorded", { amount: format.money(p.amountIdr), receipt: p.receiptNumber })}</p>
      {result.creditIdr > 0 && <p>{t("credit", { amount: format.money(result.creditIdr) })}</p>}
      <p>{t("heldNow", { amount: format.money(result.heldIdr) })}</p>
      <div className="flex flex-wrap gap-2">
        <a href={`/payments/${p.id}/receipt`} target="_blank" rel="noopener" className={buttonClass("secondary")}>
          {t("printReceipt")}
        </a>
        <Button onClick={onClose} variant="primary">
          {t("done")}
        </Button>
      </div>
    </div>
  );
}
