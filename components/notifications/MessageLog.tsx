"use client";
// The WhatsApp message log: every message with what became of it, filtered by kind, status,
// local dates and customer (all in the URL, so the customer page can link to its messages).
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Field } from "@/components/ui/Field";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { Input } from "@/components/ui/Input";
import { useUrlFilters } from "@/components/ui/hooks";
import { MESSAGE_KINDS, type MessageKind } from "@/server/modules/notifications/message-templates";
import { MESSAGE_STATUSES, type TMessageStatus } from "@/server/modules/notifications/notifications.schema";
import { MessageTable } from "./MessageTable";

const FILTER_KEYS = ["kind", "status", "from", "to", "customer", "broadcast"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function MessageLog({ canResend }: { canResend: boolean }) {
  const t = useTranslations("notifications.log");
  const kinds = useTranslations("notifications.kinds");
  const statuses = useTranslations("notifications.status");
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const kind = (MESSAGE_KINDS as readonly string[]).includes(filters.kind) ? (filters.kind as MessageKind) : undefined;
  const status = (MESSAGE_STATUSES as readonly string[]).includes(filters.status) ? (filters.status as TMessageStatus) : undefined;
  const from = DATE.test(filters.from) ? filters.from : undefined;
  const to = DATE.test(filters.to) ? filters.to : undefined;
  const customerId = UUID.test(filters.customer) ? filters.customer : undefined;
  const broadcastId = UUID.test(filters.broadcast) ? filters.broadcast : undefined;
  const kindLabels = Object.fromEntries(MESSAGE_KINDS.map((k) => [k, kinds(k)])) as Record<MessageKind, string>;
  const statusLabels = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, statuses(s)])) as Record<TMessageStatus, string>;
  const filtered = Boolean(kind || status || from || to || customerId || broadcastId);

  return (
    <Card>
      <div className="mb-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect label={t("filters.kind")} value={kind ?? ""} onChange={(v) => setFilters({ kind: v })} values={MESSAGE_KINDS} labels={kindLabels} allLabel={t("filters.allKinds")} testId="messages-kind-filter" />
        <FilterSelect label={t("filters.status")} value={status ?? ""} onChange={(v) => setFilters({ status: v })} values={MESSAGE_STATUSES} labels={statusLabels} allLabel={t("filters.allStatuses")} testId="messages-status-filter" />
        <Field label={t("filters.from")}>
          <Input type="date" value={from ?? ""} onChange={(e) => setFilters({ from: e.target.value })} data-testid="messages-from" />
        </Field>
        <Field label={t("filters.to")}>
          <Input type="date" value={to ?? ""} onChange={(e) => setFilters({ to: e.target.value })} data-testid="messages-to" />
        </Field>
      </div>
      {filtered && (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {customerId && <span>{t("filters.oneCustomer")}</span>}
          {broadcastId && <span>{t("filters.oneBroadcast")}</span>}
          <Button variant="ghost" onClick={() => setFilters({ kind: null, status: null, from: null, to: null, customer: null, broadcast: null })}>
            {t("filters.clear")}
          </Button>
        </div>
      )}
      <MessageTable filter={{ kind, status, from, to, customerId, broadcastId }} canResend={canResend} empty={filtered ? t("noMatch") : t("empty")} />
    </Card>
  );
}
