"use client";
// The customer register: search (name, number, phone) and status filter kept in the URL, keyset
// "load more", a table from md up and cards on phones (DataTable). The list comes first; adding
// a customer opens a dialog (AddCustomerButton, in the page header), import/export follow for
// the roles that may (customers.manage, customers.export).
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { DataTable, dataTableColumns } from "@/components/ui/DataTable";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { useUrlFilters, useUrlSearch } from "@/components/ui/hooks";
import { SearchBox } from "@/components/ui/SearchBox";
import { CUSTOMER_STATUSES, ZCustomerStatus, type TCustomerRow, type TCustomerStatus } from "@/server/modules/customers/customers.schema";
import { AddCustomerForm } from "./AddCustomerForm";
import { CustomerCsvPanel } from "./CustomerCsvPanel";
import { StatusBadge } from "./status";

const PAGE_SIZE = 50;
const FILTER_KEYS = ["status"] as const;

export function CustomerList({ canManage, canExport }: { canManage: boolean; canExport: boolean }) {
  const t = useTranslations("customers");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const search = useUrlSearch("q");
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  // ?status=isolated (the billing dashboard links here) starts the list filtered.
  const parsedStatus = ZCustomerStatus.safeParse(filters.status);
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  const filter = { ...(search.query ? { q: search.query } : {}), ...(status ? { status } : {}) };
  const query = useInfiniteQuery(trpc.customers.list.infiniteQueryOptions({ ...filter, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() });
  const statusLabels = Object.fromEntries(CUSTOMER_STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<TCustomerStatus, string>;
  const filtered = Boolean(search.query || status);

  const col = dataTableColumns<TCustomerRow>();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("code", { header: t("fields.number"), meta: { card: "subtitle", className: "font-mono text-xs text-slate-600" } }),
        col.accessor("name", { header: t("fields.name"), enableSorting: true, meta: { card: "title" } }),
        col.accessor("phone", { header: t("fields.phone"), meta: { className: "tabular-nums" }, cell: (c) => c.getValue() ?? common("none") }),
        col.accessor("address", { header: t("fields.address"), meta: { className: "md:max-w-xs md:truncate text-slate-600" }, cell: (c) => c.getValue() ?? common("none") }),
        col.accessor("billingDay", { header: t("fields.billingDay"), enableSorting: true, meta: { align: "end", card: "hidden" } }),
        col.accessor("status", { header: t("fields.status"), meta: { card: "badge" }, cell: (c) => <StatusBadge status={c.getValue()} /> }),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `col` is a stateless helper
    [t, common],
  );

  return (
    <div className="space-y-4">
      <Card>
        <div className="mb-3 flex flex-col gap-2 sm:flex-row">
          <SearchBox className="flex-1" label={t("list.search")} value={search.text} onChange={search.setText} placeholder={t("list.searchPlaceholder")} testId="customers-search" />
          <FilterSelect
            className="sm:w-48"
            label={t("list.statusFilter")}
            value={status ?? ""}
            onChange={(value) => setFilters({ status: value })}
            values={CUSTOMER_STATUSES}
            labels={statusLabels}
            allLabel={t("list.allStatuses")}
            testId="customers-status-filter"
          />
        </div>
        <ErrorAlert error={query.error} title={t("list.couldNotLoad")} />
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(row) => row.id}
          caption={t("list.caption")}
          loading={query.isPending}
          loadMore={query}
          testId="customers-table"
          rowTestId="customer-row"
          rowAttributes={(row) => ({ "data-code": row.code })}
          rowHref={(row) => `/customers/${row.id}`}
          empty={
            filtered ? (
              <EmptyState
                title={t("list.noMatch")}
                action={
                  <Button
                    variant="ghost"
                    onClick={() => {
                      search.setText("");
                      setFilters({ status: null });
                    }}
                  >
                    {t("list.clearFilters")}
                  </Button>
                }
              >
                {t("list.noMatchHint")}
              </EmptyState>
            ) : (
              <EmptyState title={t("list.empty")} action={canManage ? <AddCustomerButton onAdded={invalidate} /> : undefined}>
                {canManage ? t("list.emptyHint") : undefined}
              </EmptyState>
            )
          }
        />
      </Card>
      {(canManage || canExport) && <CustomerCsvPanel canManage={canManage} canExport={canExport} filter={filter} onImported={invalidate} />}
    </div>
  );
}

/** "Add customer": the form in a dialog; the new customer is announced with a link to it. */
export function AddCustomerButton({ onAdded }: { onAdded?: () => Promise<unknown> }) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<TCustomerRow | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <Dialog
        open={open}
        onOpenChange={setOpen}
        trigger={
          <Button variant="primary" onClick={() => setAdded(null)}>
            {t("add.open")}
          </Button>
        }
        title={t("add.title")}
        description={t("add.description")}
      >
        <AddCustomerForm
          onCreated={async (row) => {
            setAdded(row);
            setOpen(false);
            await (onAdded?.() ?? queryClient.invalidateQueries({ queryKey: trpc.customers.list.pathKey() }));
          }}
        />
      </Dialog>
      {added && (
        <Alert tone="success" testId="customer-added">
          <Link href={`/customers/${added.id}`} className="font-medium underline underline-offset-2">
            {t("list.added", { code: added.code })}
          </Link>
        </Alert>
      )}
    </div>
  );
}
