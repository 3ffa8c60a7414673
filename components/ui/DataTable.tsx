"use client";
// Every list of the app, on TanStack Table: columns declared once (dataTableColumns<T>()), drawn
// once. From md up it is a table; on phones the same rows become cards by CSS alone — the cell
// a column marks `card: "title"` leads, "badge" sits top right, "subtitle" and "detail" cells
// follow (details labelled with their header), "hidden" ones are left out. Sorting (by column
// header; a sort picker on phones), row selection (a checkbox column) and keyset "load more" are
// here, not in each list.
//
//   const col = dataTableColumns<TCustomerRow>();
//   const columns = useMemo(() => col.columns([
//     col.accessor("name", { header: t("name"), meta: { card: "title" }, cell: (c) => <Link …>{c.getValue()}</Link> }),
//     col.accessor("status", { header: t("status"), meta: { card: "badge" }, cell: (c) => <StatusBadge status={c.getValue()} /> }),
//   ]), [t]);
//   <DataTable data={rows} columns={columns} getRowId={(r) => r.id} caption={t("title")} loadMore={query} empty={…} />
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "./Button";
import { Checkbox } from "./Checkbox";
import { cx } from "./cx";
import { Select } from "./Select";
import { Skeleton } from "./Skeleton";

export type ColumnMeta = {
  /** Place of the cell on a phone card (default "detail"). */
  card?: "title" | "subtitle" | "badge" | "detail" | "hidden";
  align?: "start" | "end";
  /** Extra classes of the cell (both layouts), e.g. "font-mono" or "max-w-xs truncate". */
  className?: string;
};

const features = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic, datetime: sortFn_datetime },
  columnMeta: metaHelper<ColumnMeta>(),
});
type Features = typeof features;

/** The column helper of one list's row type: `col.accessor(...)`, `col.display(...)`, `col.columns([...])`. */
export function dataTableColumns<T extends RowData>() {
  return createColumnHelper<Features, T>();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of different value types in one list
export type DataTableColumn<T extends RowData> = ColumnDef<Features, T, any>;

/** A keyset-paged query (TanStack infinite query): "load more" while there is a next page. */
export type LoadMoreQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

type DataTableProps<T extends RowData> = {
  data: readonly T[];
  columns: readonly DataTableColumn<T>[];
  getRowId: (row: T) => string;
  /** What the list is, for screen readers. */
  caption: string;
  /** First load: skeleton rows instead of the empty state. */
  loading?: boolean;
  /** Shown when there are no rows (EmptyState). */
  empty?: ReactNode;
  /** Server-side sorting: the list asks its query in this order; omit to sort the loaded rows. */
  sorting?: { state: SortingState; onChange: (state: SortingState) => void };
  initialSorting?: SortingState;
  /** A checkbox per row; the ids of the ticked rows. */
  selection?: { selected: RowSelectionState; onChange: (selected: RowSelectionState) => void; canSelect?: (row: T) => boolean };
  loadMore?: LoadMoreQuery;
  testId?: string;
  /** data-* attributes of a row (for tests and styling). */
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
  rowTestId?: string;
  /**
   * Where a row leads: its "title" cell becomes the link, and on phones the whole card is its
   * tap target (the title's link covers the card). Columns then render plain text.
   */
  rowHref?: (row: T) => string;
};

export function DataTable<T extends RowData>({ data, columns, getRowId, caption, loading = false, empty, sorting, initialSorting = [], selection, loadMore, testId, rowAttributes, rowTestId, rowHref }: DataTableProps<T>) {
  const t = useTranslations("common");
  const [ownSorting, setOwnSorting] = useState<SortingState>(initialSorting);
  const sortingState = sorting?.state ?? ownSorting;
  const setSorting = sorting?.onChange ?? setOwnSorting;
  const table = useTable({
    features,
    columns: columns as DataTableColumn<T>[],
    data: data as T[],
    getRowId: (row) => getRowId(row),
    state: { sorting: sortingState, rowSelection: selection?.selected ?? {} },
    onSortingChange: (updater) => setSorting(typeof updater === "function" ? updater(sortingState) : updater),
    onRowSelectionChange: (updater) => selection?.onChange(typeof updater === "function" ? updater(selection.selected) : updater),
    enableRowSelection: selection ? (row) => selection.canSelect?.(row.original) ?? true : false,
    manualSorting: Boolean(sorting),
    enableSortingRemoval: true,
    defaultColumn: { enableSorting: false },
  });

  const selectable = Boolean(selection);
  // Card grid on phones: [checkbox] title badge / subtitle and details under the title.
  const grid = selectable ? "max-md:grid-cols-[auto_minmax(0,1fr)_auto]" : "max-md:grid-cols-[minmax(0,1fr)_auto]";
  const place = (card: ColumnMeta["card"] = "detail") => {
    const first = selectable ? 2 : 1;
    switch (card) {
      case "title":
        return selectable ? "max-md:col-start-2 max-md:row-start-1 max-md:font-medium" : "max-md:col-start-1 max-md:row-start-1 max-md:font-medium";
      case "badge":
        return selectable ? "max-md:col-start-3 max-md:row-start-1 max-md:justify-self-end" : "max-md:col-start-2 max-md:row-start-1 max-md:justify-self-end";
      case "hidden":
        return "max-md:hidden";
      default:
        return first === 2 ? "max-md:col-start-2 max-md:col-span-2" : "max-md:col-span-2";
    }
  };
  const sortable = table.getAllLeafColumns().filter((c) => c.getCanSort());
  const rows = table.getRowModel().rows;
  const headerText = (header: unknown) => (typeof header === "string" ? header : "");

  return (
    <div data-testid={testId}>
      {sortable.length > 0 && rows.length > 1 && (
        <div className="mb-2 md:hidden">
          <Select
            aria-label={t("sort")}
            value={sortingState[0] ? `${sortingState[0].id}:${sortingState[0].desc ? "desc" : "asc"}` : ""}
            onChange={(e) => {
              const [id, dir] = e.target.value.split(":");
              setSorting(id ? [{ id, desc: dir === "desc" }] : []);
            }}
          >
            <option value="">{t("sortDefault")}</option>
            {sortable.flatMap((c) => {
              const label = headerText(c.columnDef.header);
              return [
                <option key={`${c.id}:asc`} value={`${c.id}:asc`}>{`${label} ↑`}</option>,
                <option key={`${c.id}:desc`} value={`${c.id}:desc`}>{`${label} ↓`}</option>,
              ];
            })}
          </Select>
        </div>
      )}
      <table className="w-full text-left text-sm max-md:block">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600 max-md:hidden">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selectable && (
                <th scope="col" className="w-10 py-2 pr-2">
                  <Checkbox
                    label={t("selectAll")}
                    hideLabel
                    checked={table.getIsAllRowsSelected()}
                    ref={(el) => {
                      if (el) el.indeterminate = table.getIsSomeRowsSelected();
                    }}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                </th>
              )}
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    className={cx("py-2 pr-3 font-medium", meta?.align === "end" && "text-right")}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-slate-900">
                        <table.FlexRender header={header} />
                        <span aria-hidden className="text-slate-400">
                          {sorted === "asc" ? "↑" : sorted === "desc" ? "↓" : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 max-md:block">
          {loading &&
            rows.length === 0 &&
            [0, 1, 2].map((i) => (
              <tr key={`skeleton-${i}`} className="max-md:block max-md:py-3">
                <td colSpan={columns.length + (selectable ? 1 : 0)} className="py-2 max-md:block">
                  <Skeleton className="h-6" />
                </td>
              </tr>
            ))}
          {rows.map((row) => (
            <tr key={row.id} className={cx("max-md:relative max-md:grid max-md:gap-x-3 max-md:gap-y-0.5 max-md:py-3", grid)} data-testid={rowTestId} {...rowAttributes?.(row.original)}>
              {selectable && (
                <td className="w-10 py-2 pr-2 align-top max-md:col-start-1 max-md:row-span-3 max-md:row-start-1 max-md:p-0">
                  <Checkbox label={t("selectRow")} hideLabel checked={row.getIsSelected()} disabled={!row.getCanSelect()} onChange={row.getToggleSelectedHandler()} />
                </td>
              )}
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const label = headerText(cell.column.columnDef.header);
                const card = meta?.card ?? "detail";
                return (
                  <td
                    key={cell.id}
                    data-label={card === "detail" ? label : undefined}
                    className={cx(
                      "py-2 pr-3 align-top max-md:block max-md:p-0 max-md:pr-0",
                      meta?.align === "end" && "md:text-right md:tabular-nums",
                      card === "subtitle" && "max-md:text-xs max-md:text-slate-600",
                      // An empty detail is left out of the card (no "Label:" with nothing after it).
                      card === "detail" && "max-md:text-xs max-md:text-slate-600 max-md:empty:hidden max-md:before:mr-1 max-md:before:text-slate-400 max-md:before:content-[attr(data-label)':']",
                      place(card),
                      meta?.className,
                    )}
                  >
                    {rowHref && card === "title" ? (
                      <Link
                        href={rowHref(row.original)}
                        className="font-medium text-slate-900 hover:underline max-md:flex max-md:min-h-11 max-md:items-center max-md:after:absolute max-md:after:inset-0"
                      >
                        <table.FlexRender cell={cell} />
                      </Link>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && rows.length === 0 && empty}
      {loadMore?.hasNextPage && (
        <div className="mt-3 flex justify-center">
          <Button onClick={() => void loadMore.fetchNextPage()} loading={loadMore.isFetchingNextPage}>
            {t("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}

export type { RowSelectionState, SortingState };
