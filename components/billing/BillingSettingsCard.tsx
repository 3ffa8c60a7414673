"use client";
// The ISP's billing settings: PPN (none, added on top, or included in prices; rate kept in
// basis points), days to pay, grace days before isolation, and what invoices print (logo,
// footer). New invoices use them; issued ones keep the figures they were issued with.
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import type { TBillingSettings } from "@/server/modules/billing/billing.schema";

/** The schema's limit is on the data URL (base64 is 4/3 of the file): about 200 KB of image. */
const MAX_LOGO_BYTES = 200 * 1024;
const MAX_LOGO_URL = 280_000;
const LOGO_TYPES = ["image/png", "image/jpeg", "image/svg+xml"];

const TAX_CHOICES = [
  { value: "none", label: "No PPN", hint: "Not registered for VAT (most small ISPs)." },
  { value: "exclusive", label: "Added on top of prices", hint: "A Rp 100.000 package at 11 % is billed Rp 111.000." },
  { value: "inclusive", label: "Included in prices", hint: "A Rp 100.000 package at 11 % is billed Rp 100.000, of which Rp 9.910 PPN." },
] as const;

/** "11", "11,5" or "11.5" (%) -> basis points; null when it is not a rate from 0 to 50 %. */
function parseRate(text: string): number | null {
  const normalised = text.trim().replace(",", ".").replace(/\s*%$/, "");
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(normalised)) return null;
  const bp = Math.round(Number(normalised) * 100);
  return bp <= 5000 ? bp : null;
}

const rateText = (bp: number) => (bp === 0 ? "11" : String(bp / 100).replace(".", ","));

export function BillingSettingsCard() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.billing.settings.queryOptions());
  return (
    <Card title="Billing">
      {settings.isPending && <Skeleton className="h-48" />}
      <ErrorAlert error={settings.error} title="Could not load the billing settings." />
      {settings.data && <BillingSettingsForm initial={settings.data} />}
    </Card>
  );
}

function BillingSettingsForm({ initial }: { initial: TBillingSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [taxMode, setTaxMode] = useState(initial.taxMode);
  const [rate, setRate] = useState(rateText(initial.taxRateBp));
  const [dueDays, setDueDays] = useState(String(initial.invoiceDueDays));
  const [graceDays, setGraceDays] = useState(String(initial.isolationGraceDays));
  const [footer, setFooter] = useState(initial.invoiceFooter ?? "");
  const [logo, setLogo] = useState(initial.logoDataUrl);
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useMutation(
    trpc.billing.updateSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.billing.settings.queryKey(), data),
    }),
  );

  const pickLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    save.reset();
    if (!LOGO_TYPES.includes(file.type)) return setLocalError("Upload the logo as a PNG, JPEG or SVG image.");
    if (file.size > MAX_LOGO_BYTES) return setLocalError(`The logo is ${Math.ceil(file.size / 1024)} KB; at most 200 KB fits on an invoice. Save a smaller version and upload that.`);
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      if (url.length > MAX_LOGO_URL) return setLocalError("The logo is too large; at most 200 KB.");
      setLocalError(null);
      setLogo(url);
    };
    reader.onerror = () => setLocalError("Could not read that file.");
    reader.readAsDataURL(file);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const taxRateBp = taxMode === "none" ? 0 : parseRate(rate);
    const invoiceDueDays = /^\d{1,2}$/.test(dueDays.trim()) ? Number(dueDays) : NaN;
    const isolationGraceDays = /^\d{1,2}$/.test(graceDays.trim()) ? Number(graceDays) : NaN;
    if (taxRateBp === null || (taxMode !== "none" && taxRateBp === 0)) return setLocalError("Enter the PPN rate in percent, e.g. 11 (at most 50).");
    if (!(invoiceDueDays >= 0 && invoiceDueDays <= 90)) return setLocalError("Days to pay is a whole number from 0 to 90.");
    if (!(isolationGraceDays >= 0 && isolationGraceDays <= 90)) return setLocalError("Grace days is a whole number from 0 to 90.");
    setLocalError(null);
    save.mutate({ taxMode, taxRateBp, invoiceDueDays, isolationGraceDays, invoiceFooter: footer.trim() || null, logoDataUrl: logo });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="billing-settings">
      <fieldset>
        <legend className={LABEL_CLASS}>PPN (VAT)</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-3">
          {TAX_CHOICES.map((c) => (
            <label key={c.value} className={`flex cursor-pointer gap-2 rounded-lg border p-2 text-sm ${taxMode === c.value ? "border-brand-600 bg-brand-50" : "border-slate-300"}`}>
              <input type="radio" name="taxMode" value={c.value} checked={taxMode === c.value} onChange={() => setTaxMode(c.value)} className="mt-0.5 accent-brand-600" />
              <span>
                <span className="block font-medium text-slate-900">{c.label}</span>
                <span className="block text-xs text-slate-500">{c.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className={LABEL_CLASS}>
          PPN rate (%)
          <input className={`${INPUT_CLASS} disabled:bg-slate-100 disabled:text-slate-400`} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} disabled={taxMode === "none"} />
        </label>
        <label className={LABEL_CLASS}>
          Days to pay
          <input className={INPUT_CLASS} type="number" min={0} max={90} value={dueDays} onChange={(e) => setDueDays(e.target.value)} />
          <span className="mt-1 block text-xs font-normal text-slate-500">Due date = issue date + these days.</span>
        </label>
        <label className={LABEL_CLASS}>
          Grace days before isolation
          <input className={INPUT_CLASS} type="number" min={0} max={90} value={graceDays} onChange={(e) => setGraceDays(e.target.value)} />
          <span className="mt-1 block text-xs font-normal text-slate-500">Unpaid this long after the due date: overdue and isolated.</span>
        </label>
      </div>
      <label className={LABEL_CLASS}>
        Invoice footer
        <textarea className={INPUT_CLASS} rows={3} maxLength={500} value={footer} onChange={(e) => setFooter(e.target.value)} placeholder="Address, bank account for transfers, WhatsApp number…" />
        <span className="mt-1 block text-xs font-normal text-slate-500">Printed at the bottom of invoices and receipts. {footer.length}/500</span>
      </label>
      <div>
        <span className={LABEL_CLASS}>Logo</span>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <div className="flex h-16 w-40 items-center justify-center rounded-lg border border-dashed border-slate-300 bg-white p-1">
            {logo ? (
              // The uploaded logo as a data URL: nothing is fetched.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={logo} alt="Current logo" className="max-h-full max-w-full object-contain" />
            ) : (
              <span className="text-xs text-slate-500">No logo</span>
            )}
          </div>
          <label className="inline-flex min-h-9 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-within:outline-2 focus-within:outline-brand-500">
            Upload logo
            <input type="file" accept="image/png,image/jpeg,image/svg+xml" className="sr-only" onChange={pickLogo} />
          </label>
          {logo && <Button onClick={() => setLogo(null)}>Remove logo</Button>}
        </div>
        <p className="mt-1 text-xs text-slate-500">PNG, JPEG or SVG, at most 200 KB. PDFs include PNG and JPEG logos.</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save billing settings"}
        </Button>
        {save.isSuccess && (
          <span role="status" className="text-sm text-emerald-700">
            Saved. New invoices use these settings.
          </span>
        )}
      </div>
      {localError && <ErrorAlert error={{ message: localError }} />}
      <ErrorAlert error={save.error} title="Not saved." />
    </form>
  );
}
