"use client";
// A customer's subscriptions: package, speeds, price after discount, status, dates and the
// first-period charge, on the kit's DataTable, with forms (react-hook-form on the module's Z…
// schemas) to add one, change package or discount, pause/resume and end. The first-period charge
// is computed as the invoice generator will (proration.ts); the server checks every rule again.
import { useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert, type ShownError } from "@/components/ui/Alert";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Dialog, DialogClose } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, optionalRupiah, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { formatSpeed, type TServicePackage } from "@/server/modules/packages/packages.schema";
import { firstPeriod, isProratedFirstPeriod } from "@/server/modules/subscriptions/proration";
import { ZAddSubscriptionForm, ZChangeSubscriptionForm, ZEndSubscriptionForm, type TSubscription, type TSubscriptionStatus } from "@/server/modules/subscriptions/subscriptions.schema";
import { isCalendarDate } from "@/server/time/calendar-date";
import { todayIn } from "@/components/ui/format";

export type CustomerSubscriptionsProps = {
  customerId: string;
  /** The tenant's IANA zone: "today" for new start and end dates is taken there. */
  timezone: string;
  /** customers.manage: show the add/change/pause/end forms. */
  canManage: boolean;
};

const STATUS_TONES: Record<TSubscriptionStatus, BadgeTone> = { active: "success", paused: "warning", ended: "neutral" };
/** A rupiah field that may be left at 0. */
const rupiahOrZero = (value: unknown) => optionalRupiah(value) ?? 0;

function FirstPeriodNote(props: { startDate: string; billingDay: number; priceIdr: number; discountIdr: unknown; prorate: boolean; today: string }) {
  const t = useTranslations("customers.subscriptions");
  const format = useFormat();
  const { startDate, billingDay, priceIdr, prorate } = props;
  const discountIdr = typeof props.discountIdr === "number" ? props.discountIdr : null;
  if (!isCalendarDate(startDate) || discountIdr === null || discountIdr > priceIdr) return null;
  const period = firstPeriod({ startDate, billingDay, priceIdr, discountIdr, prorate });
  const prorated = prorate && period.daysUsed < period.daysInPeriod;
  // Billing runs bill the period containing their day: a period already over is not billed
  // (a subscriber moved from another system was billed there).
  return (
    <p className="text-sm text-slate-700" data-testid="first-period-charge">
      {period.to < props.today
        ? t("startsBeforeCurrent")
        : prorated
          ? t("firstPeriodProrated", { from: format.calendarDate(period.from), to: format.calendarDate(period.to), amount: format.money(period.chargeIdr), used: period.daysUsed, days: period.daysInPeriod })
          : t("firstPeriodFull", { from: format.calendarDate(period.from), to: format.calendarDate(period.to), amount: format.money(period.chargeIdr) })}
    </p>
  );
}

export function CustomerSubscriptions({ customerId, timezone, canManage }: CustomerSubscriptionsProps) {
  const t = useTranslations("customers.subscriptions");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.subscriptions.listForCustomer.queryOptions({ customerId }));
  const packages = useQuery({ ...trpc.packages.list.queryOptions(), enabled: canManage });
  const [adding, setAdding] = useState(false);
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.subscriptions.listForCustomer.queryKey({ customerId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.packages.list.queryKey() }),
    ]);
  const activePackages = useMemo(() => (packages.data ?? []).filter((p) => p.active), [packages.data]);
  const billingDay = list.data?.billingDay;
  const today = todayIn(timezone);

  const columns = useMemo(() => {
    const col = dataTableColumns<TSubscription>();
    return col.columns([
      col.accessor("packageName", {
        header: t("columns.package"),
        meta: { card: "title" },
        cell: (c) => (
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{c.getValue()}</span>
            {!c.row.original.packageActive && <Badge>{t("packageInactive")}</Badge>}
          </span>
        ),
      }),
      col.accessor("status", { header: t("columns.status"), meta: { card: "badge" }, cell: (c) => <Badge tone={STATUS_TONES[c.getValue()]}>{t(`status.${c.getValue()}`)}</Badge> }),
      col.display({
        id: "price",
        header: t("columns.price"),
        meta: { card: "subtitle" },
        cell: ({ row: { original: sub } }) => (
          <>
            {formatSpeed(sub.speedDownKbps, sub.speedUpKbps)} · {t("perMonth", { amount: format.money(sub.packagePriceIdr - sub.discountIdr) })}
            {sub.discountIdr > 0 && <span className="block text-xs text-slate-500">{t("discounted", { price: format.money(sub.packagePriceIdr), discount: format.money(sub.discountIdr) })}</span>}
          </>
        ),
      }),
      col.accessor("startDate", {
        header: t("columns.dates"),
        cell: ({ row: { original: sub } }) => (
          <>
            {sub.endDate ? t("fromTo", { from: format.calendarDate(sub.startDate), to: format.calendarDate(sub.endDate) }) : t("from", { from: format.calendarDate(sub.startDate) })}
            {sub.installationFeeIdr > 0 && <span className="block text-xs text-slate-500">{t("installation", { amount: format.money(sub.installationFeeIdr) })}</span>}
          </>
        ),
      }),
      col.accessor("firstPeriodChargeIdr", {
        header: t("columns.firstPeriod"),
        cell: ({ row: { original: sub } }) => (
          <span data-testid="first-period-label">
            {isProratedFirstPeriod(sub)
              ? t("firstPeriodDays", { amount: format.money(sub.firstPeriodChargeIdr), used: sub.firstPeriodDaysUsed, days: sub.firstPeriodDays })
              : t("firstPeriodWhole", { amount: format.money(sub.firstPeriodChargeIdr) })}
          </span>
        ),
      }),
      ...(canManage
        ? [
            col.display({
              id: "actions",
              header: t("columns.actions"),
              meta: { card: "subtitle" },
              cell: ({ row: { original: sub } }) => <SubscriptionActions sub={sub} packages={activePackages} today={today} onChanged={invalidate} />,
            }),
          ]
        : []),
    ]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- invalidate only closes over stable query helpers
  }, [t, format, canManage, activePackages, today]);

  return (
    <Card
      title={t("title")}
      action={
        canManage && !adding && list.data ? (
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t("add")}
          </Button>
        ) : undefined
      }
    >
      <div className="space-y-3">
        {list.isPending && <Skeleton className="h-20" />}
        <ErrorAlert error={list.error} title={t("loadFailed")} />
        <ErrorAlert error={packages.error} title={t("packagesFailed")} />
        {canManage && adding && billingDay !== undefined && (
          <AddSubscriptionForm
            customerId={customerId}
            billingDay={billingDay}
            packages={activePackages}
            today={today}
            onDone={async () => {
              setAdding(false);
              await invalidate();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
        {list.data && (list.data.subscriptions.length > 0 || !adding) && (
          <DataTable
            data={list.data.subscriptions}
            columns={columns}
            getRowId={(sub) => sub.id}
            caption={t("title")}
            rowTestId="subscription-row"
            rowAttributes={(sub) => ({ "data-status": sub.status })}
            testId="subscription-list"
            empty={<EmptyState title={t("none")} />}
          />
        )}
      </div>
    </Card>
  );
}

function AddSubscriptionForm(props: { customerId: string; billingDay: number; packages: TServicePackage[]; today: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const t = useTranslations("customers.subscriptions");
  const format = useFormat();
  const trpc = useTRPC();
  const form = useZodForm(ZAddSubscriptionForm, {
    defaultValues: { packageId: props.packages[0]?.id ?? "", startDate: props.today, prorateFirstPeriod: true, discountIdr: 0, installationFeeIdr: 0 },
  });
  const create = useMutation(trpc.subscriptions.create.mutationOptions({ onSuccess: () => props.onDone(), onError: (error) => setServerErrors(form, error) }));
  const { errors } = form.formState;
  const [packageId, startDate, prorate, discountIdr, fee] = form.watch(["packageId", "startDate", "prorateFirstPeriod", "discountIdr", "installationFeeIdr"]);
  const pkg = props.packages.find((p) => p.id === packageId);

  if (props.packages.length === 0) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-3 text-sm text-slate-600">
        <span>{t("noPackages")}</span>
        <Button onClick={props.onCancel}>{t("close")}</Button>
      </div>
    );
  }

  return (
    <form
      onSubmit={form.handleSubmit((values) => {
        create.reset();
        const chosen = props.packages.find((p) => p.id === values.packageId);
        if (chosen && values.discountIdr > chosen.priceIdr) return form.setError("discountIdr", { message: t("validation.discountTooLarge") });
        create.mutate({ customerId: props.customerId, ...values });
      })}
      className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2"
      noValidate
    >
      <Field label={t("package")} error={errors.packageId?.message} className="sm:col-span-2">
        <Select {...form.register("packageId")}>
          {props.packages.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.name} · ${format.money(p.priceIdr)} · ${formatSpeed(p.speedDownKbps, p.speedUpKbps)}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("startDate")} error={errors.startDate?.message}>
        <Input type="date" {...form.register("startDate")} />
      </Field>
      <div className="flex items-end">
        <Checkbox label={t("prorate")} {...form.register("prorateFirstPeriod")} />
      </div>
      <Field label={t("discount")} error={errors.discountIdr?.message}>
        <Input inputMode="numeric" autoComplete="off" {...form.register("discountIdr", { setValueAs: rupiahOrZero })} />
      </Field>
      <Field label={t("installationFee")} error={errors.installationFeeIdr?.message}>
        <Input inputMode="numeric" autoComplete="off" {...form.register("installationFeeIdr", { setValueAs: rupiahOrZero })} />
      </Field>
      <div className="space-y-1 sm:col-span-2">
        {pkg && <FirstPeriodNote startDate={startDate} billingDay={props.billingDay} priceIdr={pkg.priceIdr} discountIdr={discountIdr} prorate={prorate} today={props.today} />}
        {typeof fee === "number" && fee > 0 && <p className="text-sm text-slate-700">{t("feeOnFirstInvoice", { amount: format.money(fee) })}</p>}
        <p className="text-xs text-slate-500">{t("billingDayNote", { day: props.billingDay })}</p>
      </div>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" loading={create.isPending}>
          {create.isPending ? t("adding") : t("add")}
        </Button>
        <Button onClick={props.onCancel} disabled={create.isPending}>
          {t("cancel")}
        </Button>
      </div>
      <div className="sm:col-span-2 empty:hidden">
        <FormError form={form} error={create.error} />
      </div>
    </form>
  );
}

/** Change (package, discount), pause/resume and end, for one open subscription. */
function SubscriptionActions({ sub, packages, today, onChanged }: { sub: TSubscription; packages: TServicePackage[]; today: string; onChanged: () => Promise<unknown> }) {
  const t = useTranslations("customers.subscriptions");
  const trpc = useTRPC();
  const [dialog, setDialog] = useState<"change" | "end" | null>(null);
  const update = useMutation(
    trpc.subscriptions.update.mutationOptions({
      onSuccess: async () => {
        setDialog(null);
        await onChanged();
      },
    }),
  );
  if (sub.status === "ended") return null;
  const open = (which: "change" | "end") => {
    update.reset();
    setDialog(which);
  };
  return (
    <div className="relative z-10 mt-1 flex flex-wrap gap-2 md:mt-0">
      <Button size="sm" disabled={update.isPending} onClick={() => open("change")}>
        {t("change")}
      </Button>
      <Button size="sm" loading={update.isPending && dialog === null} disabled={update.isPending} onClick={() => update.mutate({ id: sub.id, status: sub.status === "active" ? "paused" : "active" })}>
        {sub.status === "active" ? t("pause") : t("resume")}
      </Button>
      <Button size="sm" disabled={update.isPending} onClick={() => open("end")}>
        {t("end")}
      </Button>
      {dialog === null && <ErrorAlert error={update.error} className="w-full" />}
      <Dialog open={dialog === "change"} onOpenChange={(o) => !o && setDialog(null)} title={t("changeTitle", { name: sub.packageName })}>
        {dialog === "change" && <ChangeForm sub={sub} packages={packages} busy={update.isPending} error={update.error} onSubmit={(input) => update.mutateAsync({ id: sub.id, ...input })} />}
      </Dialog>
      <Dialog open={dialog === "end"} onOpenChange={(o) => !o && setDialog(null)} title={t("endTitle", { name: sub.packageName })} description={t("endDescription")}>
        {dialog === "end" && <EndForm sub={sub} today={today} busy={update.isPending} error={update.error} onSubmit={(endDate) => update.mutateAsync({ id: sub.id, status: "ended", endDate })} />}
      </Dialog>
    </div>
  );
}

function ChangeForm(props: { sub: TSubscription; packages: TServicePackage[]; busy: boolean; error: ShownError; onSubmit: (input: { packageId: string; discountIdr: number }) => Promise<unknown> }) {
  const t = useTranslations("customers.subscriptions");
  const format = useFormat();
  const { sub } = props;
  const form = useZodForm(ZChangeSubscriptionForm, { defaultValues: { packageId: sub.packageId, discountIdr: sub.discountIdr } });
  const { errors } = form.formState;
  // The current package stays selectable even when it is no longer offered.
  const choices = props.packages.some((p) => p.id === sub.packageId)
    ? props.packages
    : [{ id: sub.packageId, name: sub.packageName, priceIdr: sub.packagePriceIdr, speedDownKbps: sub.speedDownKbps, speedUpKbps: sub.speedUpKbps }, ...props.packages];
  const [packageId, discountIdr] = form.watch(["packageId", "discountIdr"]);
  const pkg = choices.find((p) => p.id === packageId);

  return (
    <form
      onSubmit={form.handleSubmit(async (values) => {
        const chosen = choices.find((p) => p.id === values.packageId);
        if (chosen && values.discountIdr > chosen.priceIdr) return form.setError("discountIdr", { message: t("validation.discountTooLarge") });
        await props.onSubmit(values).catch((error: unknown) => setServerErrors(form, error));
      })}
      className="grid gap-3"
      noValidate
    >
      <Field label={t("package")} error={errors.packageId?.message}>
        <Select {...form.register("packageId")}>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.name} · ${format.money(p.priceIdr)}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("discount")} error={errors.discountIdr?.message}>
        <Input inputMode="numeric" autoComplete="off" {...form.register("discountIdr", { setValueAs: rupiahOrZero })} />
      </Field>
      {pkg && typeof discountIdr === "number" && discountIdr <= pkg.priceIdr && (
        <p className="text-sm text-slate-700" data-testid="next-period-charge">
          {t("nextPeriod", { amount: format.money(pkg.priceIdr - discountIdr) })}
        </p>
      )}
      <FormError form={form} error={props.error} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button disabled={props.busy}>{t("cancel")}</Button>
        </DialogClose>
        <Button type="submit" variant="primary" loading={props.busy}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

function EndForm(props: { sub: TSubscription; today: string; busy: boolean; error: ShownError; onSubmit: (endDate: string) => Promise<unknown> }) {
  const t = useTranslations("customers.subscriptions");
  const format = useFormat();
  const form = useZodForm(ZEndSubscriptionForm, { defaultValues: { endDate: props.today < props.sub.startDate ? props.sub.startDate : props.today } });
  const { errors } = form.formState;
  return (
    <form
      onSubmit={form.handleSubmit(async ({ endDate }) => {
        if (endDate < props.sub.startDate) return form.setError("endDate", { message: t("endBeforeStart", { start: format.calendarDate(props.sub.startDate) }) });
        await props.onSubmit(endDate).catch((error: unknown) => setServerErrors(form, error));
      })}
      className="grid gap-3"
      noValidate
    >
      <Field label={t("lastDay")} error={errors.endDate?.message}>
        <Input type="date" min={props.sub.startDate} {...form.register("endDate")} />
      </Field>
      <FormError form={form} error={props.error} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button disabled={props.busy}>{t("cancel")}</Button>
        </DialogClose>
        <Button type="submit" variant="danger" loading={props.busy}>
          {t("endSubmit")}
        </Button>
      </div>
    </form>
  );
}
