"use client";
// A manual invoice: customer, lines (quantity, unit price, discount, taxable) and notes, with
// totals computed as the server will (invoice-math.ts, the tenant's PPN settings). New invoices
// are saved as a draft or issued at once; a draft can be edited until it is issued.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import type { TInvoiceDetail, TInvoiceLineInput } from "@/server/modules/billing/billing.schema";
import { invoiceTotals, lineAmount } from "@/server/modules/billing/invoice-math";
import { CustomerPicker, type PickedCustomer } from "./CustomerPicker";
import { formatRupiah, parseRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

type LineDraft = { key: number; description: string; quantity: string; unitPrice: string; discount: string; taxable: boolean };

const MAX_LINES = 50;
let nextKey = 1;
const blankLine = (): LineDraft => ({ key: nextKey++, description: "", quantity: "1", unitPrice: "", discount: "0", taxable: true });

/** A line as the API takes it, or the reason it is not one yet. */
function parseLine(line: LineDraft): { ok: true; value: TInvoiceLineInput } | { ok: false; error: string } {
  const quantity = /^\d{1,5}$/.test(line.quantity.trim()) ? Number(line.quantity.trim()) : NaN;
  const unitPriceIdr = parseRupiah(line.unitPrice);
  const discountIdr = line.discount.trim() === "" ? 0 : parseRupiah(line.discount);
  if (!line.description.trim()) return { ok: false, error: "Describe the item." };
  if (!(quantity >= 1 && quantity <= 10_000)) return { ok: false, error: "Quantity is a whole number from 1 to 10.000." };
  if (unitPriceIdr === null || unitPriceIdr > 1_000_000_000) return { ok: false, error: "Enter the unit price in whole rupiah." };
  if (discountIdr === null) return { ok: false, error: "Enter the discount in whole rupiah (or 0)." };
  if (discountIdr > quantity * unitPriceIdr) return { ok: false, error: "The discount cannot be more than the line's price." };
  return { ok: true, value: { description: line.description.trim(), quantity, unitPriceIdr, discountIdr, taxable: line.taxable } };
}

type InvoiceFormProps =
  | { mode: "new"; customer: PickedCustomer | null }
  | { mode: "edit"; invoice: TInvoiceDetail };

export function InvoiceForm(props: InvoiceFormProps) {
  const format = useFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.billing.settings.queryOptions());
  const [customer, setCustomer] = useState<PickedCustomer | null>(
    props.mode === "new" ? props.customer : { id: props.invoice.customer.id, code: props.invoice.customer.code, name: props.invoice.customer.name, address: props.invoice.customer.address },
  );
  const [lines, setLines] = useState<LineDraft[]>(() =>
    props.mode === "edit"
      ? props.invoice.lines.map((l) => ({ key: nextKey++, description: l.description, quantity: String(l.quantity), unitPrice: String(l.unitPriceIdr), discount: String(l.discountIdr), taxable: l.taxable }))
      : [blankLine()],
  );
  const [notes, setNotes] = useState(props.mode === "edit" ? (props.invoice.notes ?? "") : "");
  const [tried, setTried] = useState(false);

  const parsed = lines.map(parseLine);
  const valid = parsed.filter((p): p is { ok: true; value: TInvoiceLineInput } => p.ok).map((p) => p.value);
  const allValid = valid.length === lines.length && lines.length > 0;
  const taxMode = settings.data?.taxMode ?? "none";
  const taxRateBp = settings.data?.taxRateBp ?? 0;
  const totals = invoiceTotals(valid, taxMode, taxRateBp);

  const afterSave = async (invoice: TInvoiceDetail) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.billing.invoices.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.dashboard.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.customerBalance.queryKey({ customerId: invoice.customerId }) }),
    ]);
    router.push(`/invoices/${invoice.id}`);
  };
  const create = useMutation(trpc.billing.invoices.createManual.mutationOptions({ onSuccess: afterSave }));
  const update = useMutation(trpc.billing.invoices.updateDraft.mutationOptions());
  const issue = useMutation(trpc.billing.invoices.issue.mutationOptions());
  const busy = create.isPending || update.isPending || issue.isPending;
  const [intent, setIntent] = useState<"draft" | "issue">("draft");

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Which button sent the form: state set in its onClick is not visible to this handler yet.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const wanted = submitter?.getAttribute("value") === "issue" ? "issue" : "draft";
    setIntent(wanted);
    setTried(true);
    if (!customer || !allValid) return;
    const body = { lines: valid, notes: notes.trim() || null };
    if (props.mode === "new") {
      create.mutate({ customerId: customer.id, ...body, issue: wanted === "issue" });
      return;
    }
    try {
      const saved = await update.mutateAsync({ id: props.invoice.id, ...body });
      if (wanted === "issue") await issue.mutateAsync({ ids: [saved.id] });
      await afterSave(saved);
    } catch {
      // shown by the ErrorAlerts below
    }
  };

  const setLine = (key: number, patch: Partial<LineDraft>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Card title={props.mode === "new" ? "Customer" : `Draft for ${props.invoice.customer.name}`}>
        {props.mode === "new" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <CustomerPicker value={customer} onChange={setCustomer} />
            {tried && !customer && <p className="text-sm text-red-700 sm:col-span-2">Choose the customer to bill.</p>}
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            <span className="font-mono">{props.invoice.customer.code}</span> · {props.invoice.customer.name}
          </p>
        )}
      </Card>

      <Card title="Lines">
        <ol className="space-y-3">
          {lines.map((line, i) => {
            const p = parsed[i]!;
            const n = i + 1;
            return (
              <li key={line.key} className="rounded-lg border border-slate-200 p-3" data-testid="invoice-line">
                <div className="grid gap-3 sm:grid-cols-12">
                  <label className={`${LABEL_CLASS} sm:col-span-12`}>
                    Description
                    <input
                      className={INPUT_CLASS}
                      aria-label={`Line ${n} description`}
                      value={line.description}
                      maxLength={200}
                      onChange={(e) => setLine(line.key, { description: e.target.value })}
                      placeholder="e.g. Router replacement"
                    />
                  </label>
                  <label className={`${LABEL_CLASS} sm:col-span-2`}>
                    Quantity
                    <input className={INPUT_CLASS} aria-label={`Line ${n} quantity`} inputMode="numeric" value={line.quantity} onChange={(e) => setLine(line.key, { quantity: e.target.value })} />
                  </label>
                  <label className={`${LABEL_CLASS} sm:col-span-4`}>
                    Unit price (Rp)
                    <input className={INPUT_CLASS} aria-label={`Line ${n} unit price`} inputMode="numeric" autoComplete="off" value={line.unitPrice} onChange={(e) => setLine(line.key, { unitPrice: e.target.value })} />
                  </label>
                  <label className={`${LABEL_CLASS} sm:col-span-3`}>
                    Discount (Rp)
                    <input className={INPUT_CLASS} aria-label={`Line ${n} discount`} inputMode="numeric" autoComplete="off" value={line.discount} onChange={(e) => setLine(line.key, { discount: e.target.value })} />
                  </label>
                  <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-3 sm:pt-6">
                    <input type="checkbox" className="h-5 w-5 accent-brand-600" aria-label={`Line ${n} taxable`} checked={line.taxable} onChange={(e) => setLine(line.key, { taxable: e.target.checked })} />
                    Subject to PPN
                  </label>
                </div>
                <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className={p.ok ? "tabular-nums text-slate-700" : tried ? "text-red-700" : "text-slate-500"}>
                    {p.ok ? `Amount ${formatRupiah(lineAmount(p.value))}` : p.error}
                  </span>
                  {lines.length > 1 && (
                    <Button onClick={() => setLines((ls) => ls.filter((l) => l.key !== line.key))} aria-label={`Remove line ${n}`}>
                      Remove
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        <div className="mt-3">
          <Button onClick={() => setLines((ls) => [...ls, blankLine()])} disabled={lines.length >= MAX_LINES}>
            Add line
          </Button>
        </div>
      </Card>

      <Card title="Totals">
        {settings.isPending ? (
          <Skeleton className="h-24" />
        ) : (
          <dl className="ml-auto max-w-sm space-y-1 text-sm" data-testid="invoice-totals">
            <TotalRow label="Subtotal (after discounts)" value={formatRupiah(totals.subtotalIdr)} />
            {totals.discountIdr > 0 && <TotalRow label="Discounts given" value={formatRupiah(totals.discountIdr)} muted />}
            {taxMode !== "none" && (
              <TotalRow label={`PPN ${format.rateBp(taxRateBp)}${taxMode === "inclusive" ? " (included)" : ""}`} value={formatRupiah(totals.taxIdr)} muted={taxMode === "inclusive"} />
            )}
            <TotalRow label="Total" value={formatRupiah(totals.totalIdr)} strong testId="invoice-form-total" />
          </dl>
        )}
        <ErrorAlert error={settings.error} title="Could not load the PPN settings; the server still applies them." />
        {!allValid && lines.length > 0 && <p className="mt-2 text-xs text-slate-500">Totals count the lines that are complete.</p>}
        <label className={`${LABEL_CLASS} mt-4`}>
          Notes (printed on the invoice)
          <textarea className={INPUT_CLASS} rows={2} maxLength={1000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
      </Card>

      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" name="intent" value="draft" disabled={busy}>
          {busy && intent === "draft" ? "Saving…" : "Save as draft"}
        </Button>
        <Button type="submit" name="intent" value="issue" variant="primary" disabled={busy}>
          {busy && intent === "issue" ? "Issuing…" : "Save and issue"}
        </Button>
      </div>
      {tried && !allValid && <ErrorAlert error={{ message: "Complete or remove the lines marked in red." }} />}
      <ErrorAlert error={create.error ?? update.error ?? issue.error} title="Could not save the invoice." />
    </form>
  );
}

function TotalRow({ label, value, strong, muted, testId }: { label: string; value: string; strong?: boolean; muted?: boolean; testId?: string }) {
  return (
    <div className={`flex justify-between gap-4 ${strong ? "border-t border-slate-200 pt-2 text-base font-semibold text-slate-900" : muted ? "text-slate-500" : "text-slate-700"}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
