"use client";
// "Kirim via WhatsApp" on an invoice: the invoice and how to pay it (open QRIS / VA codes, the
// ISP's footer) to the customer through the ISP's gateway, one message per opening of the page
// (a double click sends one); without a gateway, a wa.me link that opens WhatsApp on this device
// with the same text. Below, what was sent about this invoice and what became of it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button, buttonClass } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { newIdempotencyKey } from "@/components/ui/idempotency";
import { MessageTable } from "./MessageTable";

export function InvoiceWhatsAppCard({ invoiceId, canSeeLog }: { invoiceId: string; canSeeLog: boolean }) {
  const t = useTranslations("notifications.invoice");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const share = useQuery(trpc.notifications.invoiceShare.queryOptions({ invoiceId }, { retry: false }));
  const [key, setKey] = useState(() => newIdempotencyKey("wa-invoice"));
  const send = useMutation(
    trpc.notifications.sendInvoice.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.messages.pathKey() }),
    }),
  );
  // An invoice that is not open (draft, void) has nothing to send: the card stays away.
  if (share.error?.data?.code === "CONFLICT") return null;

  return (
    <Card title={t("title")}>
      {share.isPending && <Skeleton className="h-16" />}
      <ErrorAlert error={share.error} title={t("couldNotLoad")} />
      {share.data && (
        <div className="space-y-3" data-testid="invoice-whatsapp">
          <p className="text-sm text-slate-600">{share.data.phone ? t("to", { phone: `+${share.data.phone}` }) : t("noNumber")}</p>
          <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 font-sans text-sm text-slate-800" data-testid="invoice-whatsapp-text">
            {share.data.text}
          </pre>
          {share.data.optedOut && <Alert tone="warning">{t("optedOut")}</Alert>}
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {share.data.gateway ? (
              <Button
                variant="primary"
                className="w-full sm:w-auto"
                disabled={!share.data.phone || share.data.optedOut}
                loading={send.isPending}
                onClick={() => send.mutate({ invoiceId, idempotencyKey: key })}
                data-testid="invoice-send-whatsapp"
              >
                {t("send")}
              </Button>
            ) : (
              share.data.waMeUrl && (
                <a href={share.data.waMeUrl} target="_blank" rel="noopener noreferrer" className={buttonClass("primary", "md", "w-full sm:w-auto")} data-testid="invoice-wa-me">
                  {t("openWaMe")}
                </a>
              )
            )}
            {send.isSuccess && (
              <Button
                className="w-full sm:w-auto"
                onClick={() => {
                  send.reset();
                  setKey(newIdempotencyKey("wa-invoice"));
                }}
              >
                {t("sendAgain")}
              </Button>
            )}
          </div>
          {!share.data.gateway && <p className="text-xs text-slate-500">{t("noGateway")}</p>}
          {send.data && (
            <p role="status" className="text-sm text-emerald-700" data-testid="invoice-whatsapp-queued">
              {send.data.status === "skipped" ? t("skipped") : send.data.replayed ? t("alreadyQueued") : t("queued")}
            </p>
          )}
          <ErrorAlert error={send.error} title={t("notSent")} />
          {canSeeLog && <MessageTable filter={{ invoiceId }} canResend pageSize={5} showCustomer={false} empty={t("none")} testId="invoice-messages" />}
        </div>
      )}
    </Card>
  );
}
