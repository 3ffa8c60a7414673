"use client";
// Moving an ISP onto RRNET from one router: read its PPP secrets and hotspot users (the ones
// RRNET did not make), map each router profile to a package — an existing one, a new one at a
// price the owner gives (speeds from the profile's rate limit), or "do not import" —, preview
// who becomes a customer, then create them all in one go (one transaction on the server).
// Importing again skips who is already in RRNET and finishes what the router did not take.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTimeZone, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, setServerErrors, useZodForm } from "@/components/ui/form";
import { todayIn } from "@/components/ui/format";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { DEFAULT_TIME_ZONE } from "@/i18n/locales";
import { ZImportInput, type TImportPreview, type TImportResult } from "@/server/modules/routers/network.schema";

type Profile = TImportPreview["profiles"][number];
type Entry = TImportPreview["entries"][number];
/** Per router profile: "pkg:<id>", "new" (a package made from it) or "skip". */
type Choice = string;

const keyOf = (p: { kind: string; profile: string }) => `${p.kind}:${p.profile}`;
const initialChoice = (p: Profile): Choice => (p.packageId ? `pkg:${p.packageId}` : p.speedDownKbps !== null ? "new" : "skip");

export function RouterImport({ routerId }: { routerId: string }) {
  const t = useTranslations("network.importPage");
  const trpc = useTRPC();
  const preview = useMutation(trpc.network.importPreview.mutationOptions());
  const [result, setResult] = useState<TImportResult | null>(null);
  const read = () => preview.mutate({ routerId });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on arrival
  useEffect(read, [routerId]);
  return (
    <div className="space-y-4">
      <ErrorAlert error={preview.error} title={t("couldNotRead")} />
      {preview.isPending && <Skeleton className="h-48" />}
      {result && <ImportResult result={result} />}
      {preview.data && (
        <ImportForm
          key={JSON.stringify(preview.data.entries.map((e) => [e.username, e.alreadyImported]))}
          preview={preview.data}
          onImported={(r) => {
            setResult(r);
            read();
          }}
          onReread={read}
          rereading={preview.isPending}
        />
      )}
    </div>
  );
}

function ImportForm({ preview, onImported, onReread, rereading }: { preview: TImportPreview; onImported: (r: TImportResult) => void; onReread: () => void; rereading: boolean }) {
  const t = useTranslations("network.importPage");
  const tn = useTranslations("network");
  const trpc = useTRPC();
  const format = useFormat();
  const timeZone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const packages = useQuery(trpc.packages.list.queryOptions());
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(preview.profiles.map((p) => [keyOf(p), initialChoice(p)])));
  const form = useZodForm(ZImportInput, {
    defaultValues: {
      routerId: preview.routerId,
      startDate: todayIn(timeZone),
      mappings: preview.profiles.map((p) => ({ kind: p.kind, profile: p.profile, packageId: p.packageId, newPackagePriceIdr: p.packageId || p.speedDownKbps === null ? null : undefined })),
    },
  });
  const run = useMutation(trpc.network.import.mutationOptions({ onSuccess: onImported, onError: (error) => setServerErrors(form, error) }));
  const choose = (index: number, profile: Profile, choice: Choice) => {
    setChoices((c) => ({ ...c, [keyOf(profile)]: choice }));
    form.setValue(`mappings.${index}.packageId`, choice.startsWith("pkg:") ? choice.slice(4) : null);
    form.setValue(`mappings.${index}.newPackagePriceIdr`, choice === "new" ? (undefined as unknown as number) : null);
  };
  const waiting = preview.entries.filter((e) => !e.alreadyImported);
  const toImport = waiting.filter((e) => choices[keyOf(e)] !== "skip");
  const errors = form.formState.errors;

  const col = dataTableColumns<Entry>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("username", { header: t("username"), meta: { card: "title", className: "font-mono" } }),
        col.accessor("comment", { header: t("comment"), meta: { card: "subtitle" }, cell: (c) => c.getValue() ?? "—" }),
        col.accessor("kind", { header: t("kind"), cell: (c) => tn(`kind.${c.getValue()}`) }),
        col.accessor("profile", { header: t("profile"), meta: { className: "font-mono" } }),
        col.display({
          id: "outcome",
          header: t("outcome"),
          meta: { card: "badge" },
          cell: (c) => {
            const e = c.row.original;
            if (e.alreadyImported) return <Badge tone="neutral">{t("outcomes.already")}</Badge>;
            if (choices[keyOf(e)] === "skip") return <Badge tone="warning">{t("outcomes.skipped")}</Badge>;
            return <Badge tone="success">{e.disabled ? t("outcomes.newDisabled") : t("outcomes.new")}</Badge>;
          },
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, tn, choices],
  );

  if (preview.entries.length === 0)
    return (
      <Card>
        <EmptyState title={t("nothing")}>{t("nothingHint")}</EmptyState>
        <Button onClick={onReread} loading={rereading} className="mt-3 w-full sm:w-auto">
          {t("reread")}
        </Button>
      </Card>
    );

  return (
    <form onSubmit={(event) => event.preventDefault()} noValidate className="space-y-4" data-testid="router-import">
      <Card title={t("mapTitle")}>
        <p className="mb-3 text-sm text-slate-600">{t("mapDescription")}</p>
        <ul className="divide-y divide-slate-200">
          {preview.profiles.map((p, i) => {
            const choice = choices[keyOf(p)] ?? "skip";
            const ofKind = (packages.data ?? []).filter((pkg) => pkg.type === p.kind && (pkg.active || pkg.id === p.packageId));
            return (
              <li key={keyOf(p)} className="grid gap-3 py-3 sm:grid-cols-[1fr_16rem_10rem] sm:items-end" data-testid="import-profile" data-profile={p.profile}>
                <div className="min-w-0">
                  <p className="font-mono font-medium text-slate-900">{p.profile}</p>
                  <p className="text-sm text-slate-600">
                    {t("profileFacts", { kind: tn(`kind.${p.kind}`), entries: p.entries, rateLimit: p.rateLimit ?? t("noRateLimit") })}
                  </p>
                </div>
                <Field label={t("package")} error={errors.mappings?.[i]?.packageId?.message}>
                  <Select value={choice} onChange={(e) => choose(i, p, e.target.value)} data-testid="import-choice">
                    {ofKind.map((pkg) => (
                      <option key={pkg.id} value={`pkg:${pkg.id}`}>
                        {t("existing", { name: pkg.name, price: format.money(pkg.priceIdr) })}
                      </option>
                    ))}
                    {p.speedDownKbps !== null && <option value="new">{t("newPackage", { name: p.profile })}</option>}
                    <option value="skip">{t("skip")}</option>
                  </Select>
                </Field>
                {choice === "new" ? (
                  <Field label={t("price")} hint={t("priceHint")} error={errors.mappings?.[i]?.newPackagePriceIdr?.message} required>
                    <Input type="number" inputMode="numeric" min={0} {...form.register(`mappings.${i}.newPackagePriceIdr`, { setValueAs: optionalNumber })} />
                  </Field>
                ) : (
                  <span aria-hidden className="hidden sm:block" />
                )}
              </li>
            );
          })}
        </ul>
        <ErrorAlert error={packages.error} className="mt-3" />
      </Card>

      <Card title={t("previewTitle", { count: preview.entries.length })}>
        <DataTable data={preview.entries} columns={columns} getRowId={(e) => `${e.kind}:${e.username}`} caption={t("previewTitle", { count: preview.entries.length })} testId="import-entries" />
      </Card>

      <Card>
        <div className="grid gap-3 sm:grid-cols-[14rem_1fr] sm:items-end">
          <Field label={t("startDate")} hint={t("startDateHint")} error={errors.startDate?.message} required>
            <Input type="date" {...form.register("startDate")} />
          </Field>
          <p className="text-sm text-slate-700" data-testid="import-summary">
            {t("summary", { create: toImport.length, already: preview.entries.length - waiting.length, skipped: waiting.length - toImport.length })}
          </p>
        </div>
        <div className="mt-3">
          <FormError form={form} error={run.error} title={t("notImported")} />
        </div>
        <div className="mt-3 flex flex-col gap-2 sm:flex-row">
          <ConfirmDialog
            trigger={
              <Button variant="primary" disabled={toImport.length === 0 && preview.entries.every((e) => !e.alreadyImported)} data-testid="import-run" className="w-full sm:w-auto">
                {t("run", { count: toImport.length })}
              </Button>
            }
            title={t("confirmTitle", { count: toImport.length })}
            description={t("confirmDescription")}
            tone="primary"
            confirmLabel={t("run", { count: toImport.length })}
            onConfirm={() => form.handleSubmit((input) => run.mutateAsync(input).then(() => undefined))()}
          />
          <Button onClick={onReread} loading={rereading} className="w-full sm:w-auto">
            {t("reread")}
          </Button>
        </div>
      </Card>
    </form>
  );
}

function ImportResult({ result }: { result: TImportResult }) {
  const t = useTranslations("network.importPage");
  return (
    <div className="space-y-2" data-testid="import-result">
      <Alert tone="success" title={t("done", { customers: result.customers })}>
        {t("doneDetail", { subscriptions: result.subscriptions, packages: result.packages, skipped: result.skipped, adopted: result.adopted })}
      </Alert>
      {result.adoptPending > 0 && (
        <Alert tone="warning" title={t("pending", { count: result.adoptPending })} code={result.routerError}>
          {t("pendingHint")}
        </Alert>
      )}
    </div>
  );
}
