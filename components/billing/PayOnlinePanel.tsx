"use client";
// Online payment of an invoice through the ISP's Tripay account: staff make a QRIS or virtual
// account payment code for the outstanding amount and hand it to the customer (the QR to scan,
// the VA number, or Tripay's checkout page). The gateway's callback records the payment.
// A superseded code (the invoice was paid or part paid another way) is never offered again: it
// is listed apart, said to be so.
import { useEffect, useState } from "react";
import QRCode from "qrcode";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { Button, buttonClass } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";
import { useFormat } from "@/components/ui/use-format";
import { GATEWAY_METHODS, type TCharge, type TGatewayMethod } from "@/server/modules/billing/gateway/gateway.schema";

type ShownStatus = TCharge["status"] | "superseded";
const TONE: Record<ShownStatus, BadgeTone> = { pending: "warning", paid: "success", expired: "neutral", failed: "danger", superseded: "neutral" };

/** Methods that take this amount; one QRIS entry (QRIS2 is the same thing to a customer). */
function methodsFor(amountIdr: number): TGatewayMethod[] {
  return (Object.keys(GATEWAY_METHODS) as TGatewayMethod[]).filter((m) => m !== "QRIS2" && amountIdr >= GATEWAY_METHODS[m].minIdr && amountIdr <= GATEWAY_METHODS[m].maxIdr);
}

export function PayOnlinePanel({ invoiceId, outstandingIdr, canManage }: { invoiceId: string; outstandingIdr: number; canManage: boolean }) {
  const t = useTranslations("billing.online");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const methods = methodsFor(outstandingIdr);
  const [method, setMethod] = useState<TGatewayMethod | "">(methods[0] ?? "");
  const charges = useQuery(trpc.gateway.listForInvoice.queryOptions({ invoiceId }));
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.gateway.listForInvoice.queryKey({ invoiceId }) });
  const create = useMutation(trpc.gateway.createCharge.mutationOptions({ onSuccess: refreshList }));
  const refresh = useMutation(
    trpc.gateway.refreshCharge.mutationOptions({
      onSuccess: async (charge) => {
        await refreshList();
        if (charge.status === "paid") await queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
      },
    }),
  );
  const all = charges.data?.charges ?? [];
  const open = all.filter((c) => c.status === "pending" && !c.superseded);
  const superseded = all.filter((c) => c.superseded && c.status === "pending");
  const fresh = create.data && !create.data.charge.superseded ? create.data.charge : null;
  const shown = fresh ? [fresh, ...open.filter((c) => c.id !== fresh.id)] : open;

  return (
    <div className="space-y-3" data-testid="pay-online">
      {canManage && outstandingIdr > 0 && methods.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <Field label={t("channel")} className="min-w-0 flex-1">
            <Select value={method} onChange={(e) => setMethod(e.target.value as TGatewayMethod)}>
              {methods.map((m) => (
                <option key={m} value={m}>
                  {GATEWAY_METHODS[m].label}
                </option>
              ))}
            </Select>
          </Field>
          <Button variant="primary" loading={create.isPending} disabled={!method} onClick={() => method && create.mutate({ invoiceId, method })}>
            {create.isPending ? t("making") : t("make")}
          </Button>
        </div>
      )}
      {methods.length === 0 && outstandingIdr > 0 && <p className="text-sm text-slate-600">{t("noChannel", { amount: format.money(outstandingIdr) })}</p>}
      <ErrorAlert error={create.error} title={t("notMade")} />
      <ErrorAlert error={charges.error} />
      <ErrorAlert error={refresh.error} />
      {create.data?.reused && <p className="text-xs text-slate-500">{t("reused", { method: create.data.charge.methodLabel })}</p>}
      {shown.length > 0 && (
        <ul className="space-y-3">
          {shown.map((c) => (
            <ChargeCard key={c.id} charge={c} canManage={canManage} refreshing={refresh.isPending} onRefresh={() => refresh.mutate({ chargeId: c.id })} />
          ))}
        </ul>
      )}
      {charges.data && shown.length === 0 && !canManage && <EmptyState title={t("noOpen")} />}
      {superseded.length > 0 && (
        <section aria-label={t("superseded")} className="space-y-2" data-testid="superseded-charges">
          <h3 className="text-sm font-medium text-slate-700">{t("superseded")}</h3>
          <p className="text-xs text-slate-500">{t("supersededNote")}</p>
          <ul className="space-y-1">
            {superseded.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm text-slate-600" data-testid="superseded-charge">
                <span>
                  {c.methodLabel} · {format.money(c.amountIdr)} · <span className="font-mono text-xs">{c.providerReference}</span>
                </span>
                <Badge tone={TONE.superseded}>{t("status.superseded")}</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ChargeCard({ charge: c, canManage, refreshing, onRefresh }: { charge: TCharge; canManage: boolean; refreshing: boolean; onRefresh: () => void }) {
  const t = useTranslations("billing.online");
  const format = useFormat();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (c.qrString) void QRCode.toDataURL(c.qrString, { margin: 1, width: 220 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [c.qrString]);
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="gateway-charge">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium text-slate-900">
          {c.methodLabel} · {format.money(c.amountIdr)}
        </span>
        <Badge tone={TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
      </div>
      <div className="mt-2 flex flex-wrap gap-4">
        {qr && (
          // A data URL made here from the QRIS string: nothing is fetched.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={qr} alt={t("qrAlt", { amount: format.money(c.amountIdr) })} width={176} height={176} className="rounded border border-slate-200" />
        )}
        <dl className="min-w-0 flex-1 space-y-1 text-sm">
          {c.payCode && (
            <div>
              <dt className="text-xs text-slate-500">{c.qrString ? t("payCode") : t("vaNumber")}</dt>
              <dd className="break-all font-mono text-lg font-semibold tracking-wide text-slate-900" data-testid="pay-code">
                {c.payCode}
              </dd>
            </div>
          )}
          {c.qrString && !qr && (
            <div>
              <dt className="text-xs text-slate-500">{t("qrString")}</dt>
              <dd className="break-all font-mono text-xs text-slate-700">{c.qrString}</dd>
            </div>
          )}
          <div>
            <dt className="text-xs text-slate-500">{t("reference")}</dt>
            <dd className="break-all font-mono text-xs text-slate-700">{c.providerReference}</dd>
          </div>
          {c.expiresAt && (
            <div>
              <dt className="text-xs text-slate-500">{t("validUntil")}</dt>
              <dd className="text-slate-700">{format.dateTime(c.expiresAt)}</dd>
            </div>
          )}
        </dl>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {c.checkoutUrl && (
          <a href={c.checkoutUrl} target="_blank" rel="noopener noreferrer" className={buttonClass("secondary")}>
            {t("checkout")}
          </a>
        )}
        {canManage && c.status === "pending" && (
          <Button onClick={onRefresh} loading={refreshing}>
            {refreshing ? t("checking") : t("check")}
          </Button>
        )}
      </div>
    </li>
  );
}
