"use client";
// A customer's latest WhatsApp messages on their page, with a link to all of them in the log;
// whether they opted out (replied BERHENTI, or staff recorded it when they asked), and — for
// staff who may send — recording or lifting that opt-out behind a confirmation.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useFormat } from "@/components/ui/use-format";
import { MessageTable } from "./MessageTable";

export function CustomerMessagesCard({ customerId, canResend }: { customerId: string; canResend: boolean }) {
  const t = useTranslations("notifications.customer");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const optOut = useQuery(trpc.notifications.optOut.queryOptions({ customerId }));
  const change = useMutation(trpc.notifications.setOptOut.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(trpc.notifications.optOut.queryKey({ customerId }), data) }));
  const state = optOut.data;
  return (
    <Card
      title={t("title")}
      action={
        <ButtonLink href={`/whatsapp?customer=${customerId}`} size="sm">
          {t("all")}
        </ButtonLink>
      }
    >
      <div className="space-y-3">
        {state?.optedOut && (
          <Alert tone="warning" testId="customer-opted-out">
            {state.source === "inbound" ? t("optedOutInbound", { since: format.dateTime(state.since!) }) : t("optedOutStaff", { since: format.dateTime(state.since!) })}
          </Alert>
        )}
        {canResend && state?.phone && (
          <ConfirmDialog
            tone={state.optedOut ? "primary" : "danger"}
            trigger={
              <Button size="sm" data-testid="customer-opt-out-toggle">
                {state.optedOut ? t("allow") : t("stop")}
              </Button>
            }
            title={state.optedOut ? t("allowTitle") : t("stopTitle")}
            description={state.optedOut ? t("allowDescription") : t("stopDescription")}
            confirmLabel={state.optedOut ? t("allow") : t("stop")}
            onConfirm={() => change.mutateAsync({ customerId, optedOut: !state.optedOut })}
          />
        )}
        <ErrorAlert error={optOut.error ?? change.error} />
        <MessageTable filter={{ customerId }} canResend={canResend} pageSize={10} showCustomer={false} empty={t("empty")} testId="customer-messages" />
      </div>
    </Card>
  );
}
