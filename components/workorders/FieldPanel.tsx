"use client";
// The technician's part of a work order, in the order of the job on a phone: set off (the
// customer gets the "on the way" WhatsApp message), check in with the phone's GPS at the site,
// the customer's line (accounts, online now, ODP port, outages), the checklist of the kind,
// photos, notes, and finishing — an installation connects the ODP port and activates and
// provisions the subscription in the same step.
import { RouterSelect } from "@/components/routers/RouterSelect";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { currentPosition, fileAsDataUrl, photoAsDataUrl } from "@/components/ui/photo";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Fact } from "@/components/ui/Fact";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { Textarea } from "@/components/ui/Textarea";
import { useFormat } from "@/components/ui/use-format";
import { MAX_UPLOAD_BYTES } from "@/server/modules/files/upload-rules";
import { formatIncidentNumber } from "@/server/modules/ftth/ftth.schema";
import { CHECKLISTS, type ChecklistItem, type ChecklistValues } from "@/server/modules/workorders/work-order-rules";
import { checklistFormSchema, ZNoteInput, type TMoveResult, type TWorkOrderDetail } from "@/server/modules/workorders/workorders.schema";

const STEPS = ["on_the_way", "in_progress", "assigned"] as const;

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.workOrders.pathKey() });
}

export function FieldPanel({ order }: { order: TWorkOrderDetail }) {
  if (order.status === "done" || order.status === "cancelled" || order.allowed.length === 0) return null;
  return (
    <div className="space-y-4" data-testid="field-panel">
      <NextStep order={order} />
      {order.customer && <SiteFactsCard order={order} />}
      <ChecklistCard order={order} />
      <PhotoCard order={order} />
      <NoteCard order={order} />
      {order.allowed.includes("done") && <FinishCard order={order} />}
    </div>
  );
}

function NextStep({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.field");
  const td = useTranslations("workorders.detail");
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [result, setResult] = useState<TMoveResult | null>(null);
  const move = useMutation(trpc.workOrders.move.mutationOptions({ onSuccess: async (r) => { setResult(r); await invalidate(); } }));
  const [locating, setLocating] = useState(false);
  const [noFix, setNoFix] = useState(false);
  const checkIn = useMutation(trpc.workOrders.checkIn.mutationOptions({ onSuccess: () => invalidate() }));
  const steps = STEPS.filter((s) => o.allowed.includes(s) && !(s === "in_progress" && o.status !== "in_progress"));
  const doCheckIn = async () => {
    setNoFix(false);
    setLocating(true);
    const fix = await currentPosition(20_000);
    setLocating(false);
    if (!fix) return setNoFix(true);
    checkIn.mutate({ id: o.id, latitude: fix.lat, longitude: fix.lng, accuracyM: fix.accuracyM });
  };
  const canCheckIn = o.status === "assigned" || o.status === "on_the_way" || o.status === "in_progress";
  return (
    <Card title={t("nextStep")}>
      <div className="flex flex-wrap gap-2">
        {steps.map((to, i) => (
          <Button key={to} variant={i === 0 && o.status === "assigned" ? "primary" : "secondary"} loading={move.isPending && move.variables?.to === to} disabled={move.isPending} onClick={() => move.mutate({ id: o.id, to })} className="w-full sm:w-auto" data-testid={`workorder-move-${to}`}>
            {td(`moves.${to}`)}
          </Button>
        ))}
        {canCheckIn && (
          <Button variant={o.status === "on_the_way" || (o.status === "in_progress" && !o.checkIn) ? "primary" : "secondary"} loading={locating || checkIn.isPending} onClick={doCheckIn} className="w-full sm:w-auto" data-testid="workorder-checkin">
            {locating ? t("locating") : o.checkIn ? t("checkInAgain") : t("checkIn")}
          </Button>
        )}
      </div>
      <div className="mt-3 space-y-2">
        {result && result.customerNotice && ["queued", "sending", "sent", "delivered", "read"].includes(result.customerNotice.status) && (
          <Alert tone="success" testId="on-the-way-notice">
            {t("noticeQueued")}
          </Alert>
        )}
        {result && result.customerNotice && !["queued", "sending", "sent", "delivered", "read"].includes(result.customerNotice.status) && (
          <Alert tone="warning" testId="on-the-way-notice">
            {t("noticeNotSent", { reason: result.customerNotice.reason ?? result.customerNotice.status })}
          </Alert>
        )}
        {result && result.status === "on_the_way" && result.customer && !result.customerNotice && (
          <Alert tone="info" testId="on-the-way-notice">
            {t("noticeOff")}
          </Alert>
        )}
        {o.checkIn && (
          <p className="text-sm text-slate-700" data-testid="workorder-checkin-state">
            {o.checkIn.distanceM === null ? t("checkedIn") : o.checkIn.distanceM > 300 ? t("checkedInFar", { distance: o.checkIn.distanceM }) : t("checkedInNear", { distance: o.checkIn.distanceM })}
          </p>
        )}
        {noFix && <Alert tone="warning">{t("noFix")}</Alert>}
        <ErrorAlert error={move.error ?? checkIn.error} title={td("notSaved")} />
      </div>
    </Card>
  );
}

function SiteFactsCard({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.field");
  const format = useFormat();
  const trpc = useTRPC();
  const facts = useQuery(trpc.workOrders.siteFacts.queryOptions({ id: o.id }));
  const f = facts.data;
  return (
    <Card title={t("line")} action={<Button size="sm" onClick={() => facts.refetch()} loading={facts.isFetching}>{t("refresh")}</Button>}>
      <ErrorAlert error={facts.error} title={t("lineNotLoaded")} />
      {facts.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : f ? (
        <div className="space-y-3 text-sm" data-testid="site-facts">
          <dl className="grid grid-cols-2 gap-3">
            <Fact label={t("onlineNow")}>
              {f.online === null ? <Badge tone="warning">{t("routerUnreachable")}</Badge> : f.online ? <Badge tone="success">{t("online")}</Badge> : <Badge>{t("offline")}</Badge>}
            </Fact>
            <Fact label={t("odpPort")}>{f.drop ? t("odpPortValue", { odp: f.drop.odpCode, port: f.drop.port }) : t("notConnected")}</Fact>
            <Fact label={t("customerStatus")}>{f.customerStatus}</Fact>
            {f.drop?.lossDb != null && <Fact label={t("loss")}>{t("lossValue", { db: format.decimal(f.drop.lossDb) })}</Fact>}
          </dl>
          {f.accounts.length === 0 ? (
            <p className="text-slate-600">{t("noAccounts")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {f.accounts.map((a) => (
                <li key={a.username} className="px-3 py-2">
                  <p className="font-mono text-slate-900">{a.username}</p>
                  <p className="text-xs text-slate-600">
                    {[a.kind.toUpperCase(), a.profile, a.routerName ?? t("noRouter"), a.lastSeenAt ? t("lastSeen", { when: format.dateTime(a.lastSeenAt) }) : t("neverSeen")].filter(Boolean).join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {f.sessions.map((s) => (
            <p key={s.username} className="text-xs text-slate-600">
              {t("session", { username: s.username, address: s.address ?? "—", minutes: Math.round((s.uptimeSeconds ?? 0) / 60) })}
            </p>
          ))}
          {f.openIncidents.map((i) => (
            <Alert key={i.id} tone="warning">
              <Link href={`/outages/${i.id}`} className="underline">
                {t("insideOutage", { number: formatIncidentNumber(i.number), cause: i.cause })}
              </Link>
            </Alert>
          ))}
        </div>
      ) : null}
    </Card>
  );
}

type FormValues = Record<string, unknown>;

function ChecklistCard({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.field");
  const tw = useTranslations("workorders");
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const items = CHECKLISTS[o.kind];
  const [schema] = useState(() => checklistFormSchema(o.kind));
  const form = useZodForm(schema, { defaultValues: o.checklist as FormValues });
  const save = useMutation(trpc.workOrders.saveChecklist.mutationOptions({ onSuccess: async () => { form.reset(form.getValues()); await invalidate(); }, onError: (e) => setServerErrors(form, e) }));
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const submit = form.handleSubmit((values) => {
    const out: ChecklistValues = {};
    for (const item of items) {
      if (item.type === "photo") continue;
      const value = (values as FormValues)[item.key];
      if (value === undefined || value === null) {
        if (o.checklist[item.key] !== undefined && item.type !== "boolean") out[item.key] = "";
        continue;
      }
      out[item.key] = value as ChecklistValues[string];
    }
    if (!save.isPending) save.mutate({ id: o.id, values: out });
  });
  const label = (item: ChecklistItem) => tw(`checklist.${item.key}` as "checklist.odpPort");
  return (
    <Card title={t("checklist")}>
      <form noValidate onSubmit={submit} className="space-y-3" data-testid="checklist-form">
        {items.map((item) => {
          const required = item.required;
          switch (item.type) {
            case "photo":
              return (
                <p key={item.key} className="text-sm text-slate-700">
                  {label(item)}: {o.photos.length > 0 ? t("photosTaken", { count: o.photos.length }) : required ? t("photoNeeded") : t("photoOptional")}
                </p>
              );
            case "boolean":
              return <Checkbox key={item.key} label={label(item)} {...form.register(item.key)} data-testid={`check-${item.key}`} />;
            case "number":
              return (
                <Field key={item.key} label={label(item)} required={required} error={errors[item.key]?.message}>
                  <Input inputMode="decimal" autoComplete="off" {...form.register(item.key, { setValueAs: optionalNumber })} data-testid={`check-${item.key}`} />
                </Field>
              );
            case "router":
              return (
                <Field key={item.key} label={label(item)} required={required} error={errors[item.key]?.message}>
                  <RouterSelect emptyLabel={t("chooseRouter")} {...form.register(item.key, { setValueAs: optionalText })} data-testid={`check-${item.key}`} />
                </Field>
              );
            case "odp_port":
              return (
                <Controller
                  key={item.key}
                  control={form.control}
                  name={item.key}
                  render={({ field }) => <OdpPortPicker label={label(item)} order={o} value={field.value as { odpId: string; port: number } | undefined} onChange={field.onChange} error={errors[item.key]?.message} />}
                />
              );
            default:
              return (
                <Field key={item.key} label={label(item)} required={required} error={errors[item.key]?.message}>
                  <Input maxLength={200} autoComplete="off" {...form.register(item.key, { setValueAs: optionalText })} data-testid={`check-${item.key}`} />
                </Field>
              );
          }
        })}
        {o.missing.length > 0 && (
          <p className="text-sm text-amber-800" data-testid="checklist-missing">
            {t("missing", { items: o.missing.map((k) => tw(`checklist.${k}` as "checklist.odpPort")).join(", ") })}
          </p>
        )}
        <FormError form={form} error={save.error} title={t("checklistNotSaved")} />
        {save.isSuccess && !form.formState.isDirty && <p className="text-sm text-emerald-700">{t("checklistSaved")}</p>}
        <Button type="submit" variant="secondary" loading={save.isPending} className="w-full sm:w-auto" data-testid="checklist-save">
          {t("saveChecklist")}
        </Button>
      </form>
    </Card>
  );
}

/** An ODP near the site (or any ODP when the site has no position) and one of its free ports. */
function OdpPortPicker({ label, order: o, value, onChange, error }: { label: string; order: TWorkOrderDetail; value: { odpId: string; port: number } | undefined; onChange: (v: { odpId: string; port: number } | undefined) => void; error?: string }) {
  const t = useTranslations("workorders.field");
  const format = useFormat();
  const trpc = useTRPC();
  const near = o.latitude !== null && o.longitude !== null ? { latitude: o.latitude, longitude: o.longitude } : null;
  const nearest = useQuery({ ...trpc.ftth.nearestOdps.queryOptions({ latitude: near?.latitude ?? 0, longitude: near?.longitude ?? 0, limit: 10 }), enabled: near !== null });
  const all = useQuery({ ...trpc.ftth.utilisation.queryOptions(), enabled: near === null });
  const odps = near ? (nearest.data ?? []).map((n) => ({ id: n.id, text: t("odpNear", { code: n.code, free: n.free, distance: format.count(n.distanceM) }) })) : (all.data?.odps ?? []).map((n) => ({ id: n.id, text: t("odpFree", { code: n.code, free: n.free }) }));
  const node = useQuery({ ...trpc.ftth.node.queryOptions({ id: value?.odpId ?? "00000000-0000-4000-8000-000000000000" }), enabled: Boolean(value?.odpId) });
  const taken = new Set((node.data?.drops ?? []).filter((d) => d.customerId !== o.customer?.id).map((d) => d.port));
  const ports = node.data ? Array.from({ length: node.data.node.ports }, (_, i) => i + 1).filter((p) => !taken.has(p)) : [];
  return (
    <fieldset className="grid min-w-0 gap-3 sm:grid-cols-2" data-testid="check-odpPort">
      <legend className="sr-only">{label}</legend>
      <Field label={label} required error={error}>
        <Select value={value?.odpId ?? ""} onChange={(e) => onChange(e.target.value ? { odpId: e.target.value, port: 0 } : undefined)} data-testid="check-odp">
          <option value="">{t("chooseOdp")}</option>
          {odps.map((n) => (
            <option key={n.id} value={n.id}>
              {n.text}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("port")} required>
        <Select value={value?.port ? String(value.port) : ""} disabled={!value?.odpId || node.isPending} onChange={(e) => value && onChange({ odpId: value.odpId, port: Number(e.target.value) })} data-testid="check-port">
          <option value="">{t("choosePort")}</option>
          {ports.map((p) => (
            <option key={p} value={p}>
              {t("portValue", { port: p })}
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}

function PhotoCard({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.field");
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  // The uploaded file waiting to be added: a retry adds the same file, so it is recorded once.
  const [pending, setPending] = useState<{ fileId: string; latitude: number | null; longitude: number | null } | null>(null);
  const [preparing, setPreparing] = useState(false);
  const upload = useMutation(trpc.files.upload.mutationOptions());
  const add = useMutation(trpc.workOrders.addPhoto.mutationOptions({ retry: 2, onSuccess: async () => { setPending(null); await invalidate(); } }));
  const attach = (p: NonNullable<typeof pending>) => add.mutate({ id: o.id, fileId: p.fileId, caption: null, latitude: p.latitude, longitude: p.longitude });
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setPreparing(true);
    try {
      // Small enough: the original (its EXIF position stays); otherwise scaled down on the phone.
      const [dataUrl, fix] = await Promise.all([file.size <= MAX_UPLOAD_BYTES * 0.7 ? fileAsDataUrl(file) : photoAsDataUrl(file, 1600), currentPosition(8_000)]);
      const stored = await upload.mutateAsync({ purpose: "work_order_photo", dataUrl });
      const next = { fileId: stored.id, latitude: stored.latitude ?? fix?.lat ?? null, longitude: stored.longitude ?? fix?.lng ?? null };
      setPending(next);
      attach(next);
    } catch {
      // The mutation's error is shown below.
    } finally {
      setPreparing(false);
    }
  };
  const busy = preparing || upload.isPending || add.isPending;
  return (
    <Card title={t("photos")}>
      <p className="mb-2 text-sm text-slate-600">{t("photosHint", { count: o.photos.length })}</p>
      <label className="block">
        <span className="sr-only">{t("takePhoto")}</span>
        <input type="file" accept="image/jpeg,image/png,image/webp" capture="environment" disabled={busy} onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            void onFile(file);
          }} className="block min-h-11 w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-brand-600 file:px-4 file:font-medium file:text-white" data-testid="workorder-photo-input" />
      </label>
      {busy && <p className="mt-2 text-sm text-slate-600">{t("uploading")}</p>}
      <ErrorAlert error={upload.error ?? add.error} title={t("photoNotSaved")} className="mt-2" />
      {pending && add.isError && (
        <Button className="mt-2" onClick={() => attach(pending)} loading={add.isPending}>
          {t("retry")}
        </Button>
      )}
    </Card>
  );
}

function NoteCard({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.field");
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useZodForm(ZNoteInput, { defaultValues: { id: o.id, note: "" } });
  const add = useMutation(trpc.workOrders.addNote.mutationOptions({ onSuccess: async () => { form.reset({ id: o.id, note: "" }); await invalidate(); }, onError: (e) => setServerErrors(form, e) }));
  return (
    <Card title={t("note")}>
      <form noValidate className="space-y-3" onSubmit={form.handleSubmit((v) => !add.isPending && add.mutate(v))}>
        <Field label={t("noteLabel")} hideLabel error={form.formState.errors.note?.message}>
          <Textarea rows={2} maxLength={2000} placeholder={t("notePlaceholder")} {...form.register("note")} data-testid="workorder-note" />
        </Field>
        <FormError form={form} error={add.error} />
        <Button type="submit" loading={add.isPending} className="w-full sm:w-auto" data-testid="workorder-note-submit">
          {t("addNote")}
        </Button>
      </form>
    </Card>
  );
}

function FinishCard({ order: o }: { order: TWorkOrderDetail }) {
  const t = useTranslations("workorders.field");
  const tw = useTranslations("workorders");
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [note, setNote] = useState("");
  const finish = useMutation(trpc.workOrders.finish.mutationOptions({ onSuccess: () => invalidate() }));
  const blocked = o.missing.length > 0;
  return (
    <Card title={t("finish")}>
      <p className="mb-3 text-sm text-slate-600">{o.kind === "installation" ? t("finishInstallation") : o.kind === "relocation" ? t("finishRelocation") : t("finishOther")}</p>
      {blocked && <Alert tone="warning">{t("missing", { items: o.missing.map((k) => tw(`checklist.${k}` as "checklist.odpPort")).join(", ") })}</Alert>}
      <Field label={t("finishNote")} className="mt-3">
        <Textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <ErrorAlert error={finish.error} title={t("notFinished")} className="mt-3" />
      <Button variant="primary" className="mt-3 w-full sm:w-auto" disabled={blocked} loading={finish.isPending} onClick={() => !finish.isPending && finish.mutate({ id: o.id, note: note.trim() || null })} data-testid="workorder-finish">
        {t("finishSubmit")}
      </Button>
    </Card>
  );
}
