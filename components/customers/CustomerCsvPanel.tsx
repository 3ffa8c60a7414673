"use client";
// CSV import and export. Import reads the file in the browser and sends its text; good rows are
// imported together, bad rows come back with their line. Export downloads the current filter
// as a file; KTP/NIK numbers are never exported.
import { useState, type ChangeEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorNote } from "@/components/account/ErrorNote";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { CSV_IMPORT_COLUMNS, type TCustomerFilter, type TImportResult } from "@/server/modules/customers/customers.schema";

// The import accepts CSV text up to 5 MB (customers.schema.ts; the web server takes bodies up to 6 MiB).
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function CustomerCsvPanel({ canManage, filter, onImported }: { canManage: boolean; filter: TCustomerFilter; onImported: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<TImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const importCsv = useMutation(
    trpc.customers.importCsv.mutationOptions({
      onSuccess: async (data) => {
        setResult(data);
        await onImported();
      },
    }),
  );
  const exportCsv = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.customers.exportCsv.queryOptions(filter), staleTime: 0 }),
    onSuccess: ({ filename, csv }) => {
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    },
  });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    setResult(null);
    setFileError(null);
    importCsv.reset();
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setFileError("The file is larger than 5 MB. Split it into smaller files.");
      return;
    }
    importCsv.mutate({ csv: await file.text() });
  };

  return (
    <Card title="Import and export">
      <div className="flex flex-wrap items-center gap-2">
        {canManage && (
          <label className="inline-flex min-h-9 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
            {importCsv.isPending ? "Importing…" : "Import CSV"}
            <input type="file" accept=".csv,text/csv" className="sr-only" onChange={onFile} disabled={importCsv.isPending} data-testid="customers-import-file" />
          </label>
        )}
        <Button onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
          {exportCsv.isPending ? "Exporting…" : "Export CSV"}
        </Button>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {canManage && (
          <>
            Columns (header row, any order): {CSV_IMPORT_COLUMNS.join(", ")}. Only name is required.{" "}
          </>
        )}
        The export follows the current search and status filter and leaves out KTP/NIK numbers.
      </p>
      {fileError && <p role="alert" className="mt-2 text-sm text-red-700">{fileError}</p>}
      <div className="mt-2 space-y-2">
        <ErrorNote error={importCsv.error} title="Nothing was imported." />
        <ErrorNote error={exportCsv.error} title="Could not export." />
      </div>
      {result && (
        <div className="mt-3" data-testid="customers-import-result">
          <p className="text-sm text-slate-800">
            Imported {result.imported} customer{result.imported === 1 ? "" : "s"}.
            {result.failed.length > 0 && ` ${result.failed.length} row${result.failed.length === 1 ? "" : "s"} not imported:`}
          </p>
          {result.failed.length > 0 && (
            <div className="mt-2 max-h-80 overflow-auto rounded-lg border border-slate-200">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs text-slate-600">
                  <tr>
                    <th className="px-3 py-2">Line</th>
                    <th className="px-3 py-2">Problems</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.failed.map((f) => (
                    <tr key={f.row}>
                      <td className="px-3 py-2 align-top tabular-nums">{f.row}</td>
                      <td className="px-3 py-2">
                        {Object.entries(f.errors).map(([column, messages]) => (
                          <div key={column}>
                            <span className="font-medium">{column}</span>: {messages.join("; ")}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
