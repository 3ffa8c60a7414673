"use client";
// A customer's subscriptions: package, speeds, price after discount, status, dates and the
// first-period charge, with forms to add one, change package or discount, pause/resume and end.
// The first-period charge is computed as the invoice generator will (proration.ts); the server
// checks every rule again.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { formatSpeed, type TServicePackage } from "@/server/modules/packages/packages.schema";
import { firstPeriod, isProratedFirstPeriod } from "@/server/modules/subscriptions/proration";
import { isCalendarDate } from "@/server/time/calendar-date";
import type { TSubscription, TSubscriptionStatus } from "@/server/modules/subscriptions/subscriptions.schema";
import { formatRupiah as formatIdr, parseRupiah, todayIn } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

export type CustomerSubscriptionsProps = {
  customerId: string;
  /** The tenant's IANA zone: "today" for new start and end dates is taken there. */
  timezone: string;
  /** customers.manage: show the add/change/pause/end forms. */
  canManage: boolean;
};

const STATUS: Record<TSubscriptionStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  paused: { label: "Paused", tone: "warning" },
  ended: { label: "Ended", tone: "neutral" },
};

function FirstPeriodNote(props: { startDate: string; billingDay: number; priceIdr: number; discountIdr: number | null; prorate: boolean; today: string }) {
  const format = useFormat();
  const { startDate, billingDay, priceIdr, discountIdr, prorate } = props;
  if (!isCalendarDate(startDate) || discountIdr === null || discountIdr > priceIdr) return null;
  const period = firstPeriod({ startDate, billingDay, priceIdr, discountIdr, prorate });
  const prorated = prorate && period.daysUsed < period.daysInPeriod;
  // Billing runs bill the period containing their day: a period already over is not billed
  // (a subscriber moved from another system was billed there).
  if (period.to < props.today) {
    return (
      <p className="text-sm text-slate-700" data-testid="first-period-charge">
        Starts before the current billing period: invoices begin with the current period. Earlier days are not billed automatically (make a manual invoice if they should be).
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-700" data-testid="first-period-charge">
      First period {format.calendarDate(period.from)} – {format.calendarDate(period.to)}: <strong>{formatIdr(period.chargeIdr)}</strong>
      {prorated ? ` (${period.daysUsed} of ${period.daysInPeriod} days)` : ""}
    </p>
  );
}

export function CustomerSubscriptions({ customerId, timezone, canManage }: CustomerSubscriptionsProps) {
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
  const activePackages = (packages.data ?? []).filter((p) => p.active);
  const billingDay = list.data?.billingDay;

  return (
    <Card
      title="Subscriptions"
      action={
        canManage && !adding && list.data ? (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add subscription
          </Button>
        ) : undefined
      }
    >
      <div className="space-y-3">
        {list.isPending && <Skeleton className="h-20" />}
        <ErrorAlert error={list.error} title="Could not load the subscriptions." />
        <ErrorAlert error={packages.error} title="Could not load the packages." />
        {canManage && adding && billingDay !== undefined && (
          <AddSubscriptionForm
            customerId={customerId}
            billingDay={billingDay}
            packages={activePackages}
            today={todayIn(timezone)}
            onDone={async () => {
              setAdding(false);
              await invalidate();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
        {list.data && list.data.subscriptions.length === 0 && !adding && <p className="text-sm text-slate-600">No subscriptions yet.</p>}
        {list.data && list.data.subscriptions.length > 0 && (
          <ul className="divide-y divide-slate-100" data-testid="subscription-list">
            {list.data.subscriptions.map((sub) => (
              <SubscriptionRow key={sub.id} sub={sub} canManage={canManage} packages={activePackages} today={todayIn(timezone)} onChanged={invalidate} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function AddSubscriptionForm(props: { customerId: string; billingDay: number; packages: TServicePackage[]; today: string; onDone: () => Promise<void>; onCancel: () => void }) {
  const trpc = useTRPC();
  const [packageId, setPackageId] = useState(props.packages[0]?.id ?? "");
  const [startDate, setStartDate] = useState(props.today);
  const [prorate, setProrate] = useState(true);
  const [discount, setDiscount] = useState("0");
  const [fee, setFee] = useState("0");
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation(trpc.subscriptions.create.mutationOptions({ onSuccess: () => props.onDone() }));
  const pkg = props.packages.find((p) => p.id === packageId);
  const discountIdr = parseRupiah(discount);
  const installationFeeIdr = parseRupiah(fee);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    if (!pkg) return setLocalError("Choose a package.");
    if (!isCalendarDate(startDate)) return setLocalError("Enter a real start date.");
    if (discountIdr === null || installationFeeIdr === null) return setLocalError("Enter the discount and installation fee in whole rupiah.");
    if (discountIdr > pkg.priceIdr) return setLocalError("The discount cannot be more than the package price.");
    setLocalError(null);
    create.mutate({ customerId: props.customerId, packageId: pkg.id, startDate, prorateFirstPeriod: prorate, discountIdr, installationFeeIdr });
  };

  if (props.packages.length === 0) {
    return (
      <div className="rounded-lg border border-slate-200 p-3 text-sm text-slate-600">
        No active packages to subscribe to. Add one on the Packages page first.{" "}
        <Button onClick={props.onCancel}>Close</Button>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2" noValidate>
      <label className={`${LABEL_CLASS} sm:col-span-2`}>
        Package
        <select className={INPUT_CLASS} name="packageId" value={packageId} onChange={(e) => setPackageId(e.target.value)}>
          {props.packages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {formatIdr(p.priceIdr)} · {formatSpeed(p.speedDownKbps, p.speedUpKbps)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL_CLASS}>
        Start date
        <input className={INPUT_CLASS} type="date" name="startDate" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
      </label>
      <label className="flex items-end gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="prorateFirstPeriod" checked={prorate} onChange={(e) => setProrate(e.target.checked)} />
        Charge the first period by days used
      </label>
      <label className={LABEL_CLASS}>
        Monthly discount (Rp)
        <input className={INPUT_CLASS} name="discountIdr" inputMode="numeric" autoComplete="off" value={discount} onChange={(e) => setDiscount(e.target.value)} />
      </label>
      <label className={LABEL_CLASS}>
        Installation fee (Rp)
        <input className={INPUT_CLASS} name="installationFeeIdr" inputMode="numeric" autoComplete="off" value={fee} onChange={(e) => setFee(e.target.value)} />
      </label>
      <div className="space-y-1 sm:col-span-2">
        {pkg && <FirstPeriodNote startDate={startDate} billingDay={props.billingDay} priceIdr={pkg.priceIdr} discountIdr={discountIdr} prorate={prorate} today={props.today} />}
        {installationFeeIdr !== null && installationFeeIdr > 0 && <p className="text-sm text-slate-700">Installation fee on the first invoice: {formatIdr(installationFeeIdr)}</p>}
        <p className="text-xs text-slate-500">Billing day: {props.billingDay} of each month. Amounts before PPN.</p>
      </div>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add subscription"}
        </Button>
        <Button onClick={props.onCancel} disabled={create.isPending}>
          Cancel
        </Button>
      </div>
      <div className="sm:col-span-2">
        {localError && <ErrorAlert error={{ message: localError }} />}
        <ErrorAlert error={create.error} />
      </div>
    </form>
  );
}

type Mode = "view" | "change" | "end";

function SubscriptionRow(props: { sub: TSubscription; canManage: boolean; packages: TServicePackage[]; today: string; onChanged: () => Promise<unknown> }) {
  const format = useFormat();
  const { sub } = props;
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>("view");
  const update = useMutation(
    trpc.subscriptions.update.mutationOptions({
      onSuccess: async () => {
        setMode("view");
        await props.onChanged();
      },
    }),
  );
  const monthly = sub.packagePriceIdr - sub.discountIdr;
  const open = sub.status !== "ended";

  return (
    <li className="py-3" data-testid="subscription-row" data-status={sub.status}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="truncate text-sm font-medium text-slate-900">{sub.packageName}</span>
            <Badge tone={STATUS[sub.status].tone}>{STATUS[sub.status].label}</Badge>
            {!sub.packageActive && <Badge>Package inactive</Badge>}
          </div>
          <div className="text-sm text-slate-600">
            {formatSpeed(sub.speedDownKbps, sub.speedUpKbps)} · {formatIdr(monthly)} / month
            {sub.discountIdr > 0 && ` (${formatIdr(sub.packagePriceIdr)} − ${formatIdr(sub.discountIdr)} discount)`}
          </div>
          <div className="text-xs text-slate-500">
            From {format.calendarDate(sub.startDate)}
            {sub.endDate && ` to ${format.calendarDate(sub.endDate)}`}
            {sub.installationFeeIdr > 0 && ` · installation ${formatIdr(sub.installationFeeIdr)}`}
          </div>
          <div className="text-xs text-slate-500" data-testid="first-period-label">
            First period: {formatIdr(sub.firstPeriodChargeIdr)}
            {isProratedFirstPeriod(sub) ? ` (${sub.firstPeriodDaysUsed} of ${sub.firstPeriodDays} days)` : " (full period)"}
          </div>
        </div>
      </div>
      {props.canManage && open && mode === "view" && (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button disabled={update.isPending} onClick={() => {
              update.reset();
              setMode("change");
            }}>
            Change
          </Button>
          <Button disabled={update.isPending} onClick={() => update.mutate({ id: sub.id, status: sub.status === "active" ? "paused" : "active" })}>
            {sub.status === "active" ? "Pause" : "Resume"}
          </Button>
          <Button disabled={update.isPending} onClick={() => {
              update.reset();
              setMode("end");
            }}>
            End
          </Button>
        </div>
      )}
      {mode === "change" && <ChangeForm sub={sub} packages={props.packages} busy={update.isPending} onSubmit={(input) => update.mutate({ id: sub.id, ...input })} onCancel={() => setMode("view")} />}
      {mode === "end" && (
        <EndForm sub={sub} today={props.today} busy={update.isPending} onSubmit={(endDate) => update.mutate({ id: sub.id, status: "ended", endDate })} onCancel={() => setMode("view")} />
      )}
      {update.error && (
        <div className="mt-2">
          <ErrorAlert error={update.error} />
        </div>
      )}
    </li>
  );
}

function ChangeForm(props: {
  sub: TSubscription;
  packages: TServicePackage[];
  busy: boolean;
  onSubmit: (input: { packageId: string; discountIdr: number }) => void;
  onCancel: () => void;
}) {
  const { sub } = props;
  const [packageId, setPackageId] = useState(sub.packageId);
  const [discount, setDiscount] = useState(String(sub.discountIdr));
  const [localError, setLocalError] = useState<string | null>(null);
  // The current package stays selectable even when it is no longer offered.
  const choices = props.packages.some((p) => p.id === sub.packageId)
    ? props.packages
    : [{ id: sub.packageId, name: sub.packageName, priceIdr: sub.packagePriceIdr, speedDownKbps: sub.speedDownKbps, speedUpKbps: sub.speedUpKbps }, ...props.packages];
  const pkg = choices.find((p) => p.id === packageId);
  const discountIdr = parseRupiah(discount);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pkg || discountIdr === null) return setLocalError("Choose a package and enter the discount in whole rupiah.");
    if (discountIdr > pkg.priceIdr) return setLocalError("The discount cannot be more than the package price.");
    setLocalError(null);
    props.onSubmit({ packageId: pkg.id, discountIdr });
  };

  return (
    <form onSubmit={submit} className="mt-2 grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2" noValidate>
      <label className={LABEL_CLASS}>
        Package
        <select className={INPUT_CLASS} name="packageId" value={packageId} onChange={(e) => setPackageId(e.target.value)}>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {formatIdr(p.priceIdr)}
            </option>
          ))}
        </select>
      </label>
      <label className={LABEL_CLASS}>
        Monthly discount (Rp)
        <input className={INPUT_CLASS} name="discountIdr" inputMode="numeric" autoComplete="off" value={discount} onChange={(e) => setDiscount(e.target.value)} />
      </label>
      <div className="sm:col-span-2">
        {pkg && discountIdr !== null && discountIdr <= pkg.priceIdr && (
          <p className="text-sm text-slate-700" data-testid="next-period-charge">
            From the next billing period: <strong>{formatIdr(pkg.priceIdr - discountIdr)}</strong> / month (periods already invoiced keep their amount).
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={props.busy}>
          Save
        </Button>
        <Button onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </Button>
      </div>
      {localError && (
        <div className="sm:col-span-2">
          <ErrorAlert error={{ message: localError }} />
        </div>
      )}
    </form>
  );
}

function EndForm(props: { sub: TSubscription; today: string; busy: boolean; onSubmit: (endDate: string) => void; onCancel: () => void }) {
  const format = useFormat();
  const [endDate, setEndDate] = useState(props.today < props.sub.startDate ? props.sub.startDate : props.today);
  const valid = isCalendarDate(endDate) && endDate >= props.sub.startDate;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) props.onSubmit(endDate);
      }}
      className="mt-2 flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 p-3"
      noValidate
    >
      <label className={LABEL_CLASS}>
        Last day of service
        <input className={INPUT_CLASS} type="date" name="endDate" min={props.sub.startDate} value={endDate} onChange={(e) => setEndDate(e.target.value)} />
      </label>
      <Button type="submit" variant="primary" disabled={props.busy || !valid}>
        End subscription
      </Button>
      <Button onClick={props.onCancel} disabled={props.busy}>
        Cancel
      </Button>
      {!valid && <p className="w-full text-sm text-red-700">The end date must be on or after the start date ({format.calendarDate(props.sub.startDate)}).</p>}
    </form>
  );
}
