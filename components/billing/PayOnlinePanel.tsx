"use client";
// Online payment of an invoice through the ISP's Tripay account: staff make a QRIS or virtual
// account payment code for the outstanding amount and hand it to the customer (the QR to scan,
// the VA number, or Tripay's checkout page). The gateway's callback records the payment.
import { useEffect, useState } from "react";
import QRCode from "qrcode";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { GATEWAY_METHODS, type TChargeStatus, type TCharge, type TGatewayMethod } from "@/server/modules/billing/gateway/gateway.schema";
import { formatRupiah } from "@/components/ui/format";
import { useFormat } from "@/components/ui/use-format";

const STATUS: Record<TChargeStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Waiting for payment", tone: "warning" },
  paid: { label: "Paid", tone: "success" },
  expired: { label: "Expired", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

/** Methods that take this amount; one QRIS entry (QRIS2 is the same thing to a customer). */
function methodsFor(amountIdr: number): TGatewayMethod[] {
  return (Object.keys(GATEWAY_METHODS) as TGatewayMethod[]).filter((m) => m !== "QRIS2" && amountIdr >= GATEWAY_METHODS[m].minIdr && amountIdr <= GATEWAY_METHODS[m].maxIdr);
}

export function PayOnlinePanel({ invoiceId, outstandingIdr, canManage }: { invoiceId: string; outstandingIdr: number; canManage: boolean }) {
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
  // A superseded code (its invoice now owes something else) is never offered again.
  const open = (charges.data?.charges ?? []).filter((c) => c.status === "pending" && !c.superseded);
  const shown = create.data ? [create.data.charge, ...open.filter((c) => c.id !== create.data!.charge.id)] : open;

  return (
    <div className="space-y-3" data-testid="pay-online">
      {canManage && outstandingIdr > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <label className={`${LABEL_CLASS} min-w-0 flex-1`}>
            Payment channel
            <select className={INPUT_CLASS} value={method} onChange={(e) => setMethod(e.target.value as TGatewayMethod)} disabled={methods.length === 0}>
              {methods.map((m) => (
                <option key={m} value={m}>
                  {GATEWAY_METHODS[m].label}
                </option>
              ))}
            </select>
          </label>
          <Button variant="primary" disabled={!method || create.isPending} onClick={() => method && create.mutate({ invoiceId, method })}>
            {create.isPending ? "Asking the gateway…" : "Make payment code"}
          </Button>
        </div>
      )}
      {methods.length === 0 && outstandingIdr > 0 && <p className="text-sm text-slate-600">No online channel takes {formatRupiah(outstandingIdr)}.</p>}
      <ErrorAlert error={create.error} title="No payment code was made." />
      <ErrorAlert error={charges.error} />
      <ErrorAlert error={refresh.error} />
      {create.data?.reused && <p className="text-xs text-slate-500">This invoice already had an open {create.data.charge.methodLabel} code for the same amount: it is shown again.</p>}
      {shown.length > 0 && (
        <ul className="space-y-3">
          {shown.map((c) => (
            <ChargeCard key={c.id} charge={c} canManage={canManage} refreshing={refresh.isPending} onRefresh={() => refresh.mutate({ chargeId: c.id })} />
          ))}
        </ul>
      )}
      {charges.data && shown.length === 0 && !canManage && <p className="text-sm text-slate-600">No open payment code.</p>}
    </div>
  );
}

function ChargeCard({ charge: c, canManage, refreshing, onRefresh }: { charge: TCharge; canManage: boolean; refreshing: boolean; onRefresh: () => void }) {
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
          {c.methodLabel} · {formatRupiah(c.amountIdr)}
        </span>
        <Badge tone={STATUS[c.status].tone}>{STATUS[c.status].label}</Badge>
      </div>
      <div className="mt-2 flex flex-wrap gap-4">
        {qr && (
          // A data URL made here from the QRIS string: nothing is fetched.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={qr} alt={`QRIS code for ${formatRupiah(c.amountIdr)}`} width={176} height={176} className="rounded border border-slate-200" />
        )}
        <dl className="min-w-0 flex-1 space-y-1 text-sm">
          {c.payCode && (
            <div>
              <dt className="text-xs text-slate-500">{c.qrString ? "Payment code" : "Virtual account number"}</dt>
              <dd className="break-all font-mono text-lg font-semibold tracking-wide text-slate-900" data-testid="pay-code">
                {c.payCode}
              </dd>
            </div>
          )}
          {c.qrString && !qr && (
            <div>
              <dt className="text-xs text-slate-500">QR string</dt>
              <dd className="break-all font-mono text-xs text-slate-700">{c.qrString}</dd>
            </div>
          )}
          <div>
            <dt className="text-xs text-slate-500">Reference</dt>
            <dd className="break-all font-mono text-xs text-slate-700">{c.providerReference}</dd>
          </div>
          {c.expiresAt && (
            <div>
              <dt className="text-xs text-slate-500">Valid until</dt>
              <dd className="text-slate-700">{format.dateTime(c.expiresAt)}</dd>
            </div>
          )}
        </dl>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        {c.checkoutUrl && (
          <a href={c.checkoutUrl} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50">
            Open checkout page
          </a>
        )}
        {canManage && c.status === "pending" && (
          <Button onClick={onRefresh} disabled={refreshing}>
            {refreshing ? "Checking…" : "Check status"}
          </Button>
        )}
      </div>
    </li>
  );
}
