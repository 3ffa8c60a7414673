"use client";
// A customer's latest WhatsApp messages on their page, with a link to all of them in the log.
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { MessageTable } from "./MessageTable";

export function CustomerMessagesCard({ customerId, canResend }: { customerId: string; canResend: boolean }) {
  const t = useTranslations("notifications.customer");
  return (
    <Card
      title={t("title")}
      action={
        <ButtonLink href={`/whatsapp?customer=${customerId}`} size="sm">
          {t("all")}
        </ButtonLink>
      }
    >
      <MessageTable filter={{ customerId }} canResend={canResend} pageSize={10} showCustomer={false} empty={t("empty")} testId="customer-messages" />
    </Card>
  );
}
