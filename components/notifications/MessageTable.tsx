"use client";
// Messages as the log shows them: when, to whom, what kind, status with the provider's reason,
// and "send again" for a failed, unknown or skipped one (staff who may send). Used by the log
// page, a customer's page and an invoice's page with their own filters.
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { useFormat } from "@/components/ui/use-format";
import type { TMessageListInput, TMessageRow } from "@/server/modules/notifications/notifications.schema";
import { MESSAGE_KINDS } from "@/server/modules/notifications/message-templates";
import { MessageStatusBadge } from "./MessageStatusBadge";

type Filter = Omit<TMessageListInput, "cursor" | "limit">;

const isKind = (kind: string): kind is (typeof MESSAGE_KINDS)[number] => (MESSAGE_KINDS as readonly string[]).includes(kind);

export function MessageTable({ filter, canResend, pageSize = 50, showCustomer = true, empty, testId = "messages-table" }: { filter: Filter; canResend: boolean; pageSize?: number; showCustomer?: boolean; empty?: string; testId?: string }) {
  const t = useTranslations("notifications.log");
  const kinds = useTranslations("notifications.kinds");
  const reasons = useTranslations("notifications.reasons");
  const format = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(trpc.notifications.messages.infiniteQueryOptions({ ...filter, limit: pageSize }, { getNextPageParam: (page) => page.nextCursor, refetchInterval: 10_000 }));
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const resend = useMutation(trpc.notifications.resend.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.messages.pathKey() }) }));

  const reasonOf = (row: TMessageRow) => {
    if (!row.lastError) return null;
    const key = row.lastError as "opted_out";
    return reasons.has(key) ? reasons(key) : row.lastError;
  };

  const col = dataTableColumns<TMessageRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("createdAt", { header: t("fields.createdAt"), meta: { card: "subtitle", className: "whitespace-nowrap tabular-nums" }, cell: (c) => format.dateTime(c.getValue()) }),
        ...(showCustomer
          ? [
              col.accessor((r) => r.customerName ?? r.phone, {
                id: "customer",
                header: t("fields.customer"),
                meta: { card: "title" },
                cell: (c) =>
                  c.row.original.customerId ? (
                    <Link href={`/customers/${c.row.original.customerId}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline md:min-h-0">
                      {c.row.original.customerName ?? c.row.original.phone}
                    </Link>
                  ) : (
                    <span className="tabular-nums">{c.row.original.phone}</span>
                  ),
              }),
            ]
          : []),
        col.accessor("kind", { header: t("fields.kind"), meta: showCustomer ? {} : { card: "title" }, cell: (c) => (isKind(c.getValue()) ? kinds(c.getValue() as (typeof MESSAGE_KINDS)[number]) : c.getValue()) }),
        col.accessor("status", { header: t("fields.status"), meta: { card: "badge" }, cell: (c) => <MessageStatusBadge status={c.getValue()} /> }),
        col.accessor((r) => reasonOf(r) ?? "", {
          id: "reason",
          header: t("fields.reason"),
          meta: { className: "md:max-w-xs text-slate-600" },
          // A held-back message says until when, under the reason of its last attempt if any.
          cell: (c) => (
            <>
              {c.getValue() && <span className="block">{c.getValue()}</span>}
              {c.row.original.notBefore && <span className="block">{t("waitsUntil", { time: format.dateTime(c.row.original.notBefore) })}</span>}
            </>
          ),
        }),
        col.accessor((r) => r.readAt ?? r.deliveredAt ?? r.sentAt ?? r.failedAt ?? "", {
          id: "when",
          header: t("fields.lastChange"),
          meta: { className: "whitespace-nowrap tabular-nums" },
          cell: (c) => (c.getValue() ? format.dateTime(c.getValue()) : ""),
        }),
        col.display({
          id: "actions",
          header: t("fields.actions"),
          meta: { align: "end" },
          cell: (c) =>
            canResend && c.row.original.resendable ? (
              <Button size="sm" onClick={() => resend.mutate({ id: c.row.original.id })} loading={resend.isPending && resend.variables?.id === c.row.original.id} data-testid="message-resend">
                {t("resend")}
              </Button>
            ) : null,
        }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, kinds, format, canResend, showCustomer, resend.isPending, resend.variables],
  );

  return (
    <div className="space-y-2">
      <ErrorAlert error={query.error} title={t("couldNotLoad")} />
      <ErrorAlert error={resend.error} title={t("resendFailed")} />
      {resend.isSuccess && (
        <p role="status" className="text-sm text-emerald-700">
          {t("resent")}
        </p>
      )}
      <DataTable
        data={rows}
        columns={columns}
        getRowId={(r) => r.id}
        caption={t("caption")}
        loading={query.isPending}
        loadMore={query}
        testId={testId}
        rowTestId="message-row"
        rowAttributes={(r) => ({ "data-status": r.status, "data-kind": r.kind })}
        empty={<EmptyState title={empty ?? t("empty")} />}
      />
    </div>
  );
}
