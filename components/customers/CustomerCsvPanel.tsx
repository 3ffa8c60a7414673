"use client";
// CSV import and export. Import reads the file in the browser and sends its text; good rows are
// imported together, bad rows come back with their line (problems in the user's language).
// Export downloads the current filter as a file; KTP/NIK numbers are never exported.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Button, buttonClass, Spinner } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { CSV_IMPORT_COLUMNS, CSV_MAX_BYTES, type TCustomerFilter, type TImportResult } from "@/server/modules/customers/customers.schema";

export function CustomerCsvPanel({ canManage, filter, onImported }: { canManage: boolean; filter: TCustomerFilter; onImported: () => Promise<unknown> }) {
  const t = useTranslations("customers.csv");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<TImportResult | null>(null);
  const [fileTooLarge, setFileTooLarge] = useState(false);
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
    setFileTooLarge(false);
    importCsv.reset();
    if (!file) return;
    // The import accepts CSV text up to 5 MB (the web server takes bodies up to 6 MiB).
    if (file.size > CSV_MAX_BYTES) {
      setFileTooLarge(true);
      return;
    }
    importCsv.mutate({ csv: await file.text() });
  };

  return (
    <Card title={t("title")}>
      <div className="flex flex-wrap items-center gap-2">
        {canManage && (
          <label className={buttonClass("secondary", "md", "relative cursor-pointer focus-within:outline-2 focus-within:outline-brand-500")}>
            {importCsv.isPending && <Spinner />}
            {importCsv.isPending ? t("importing") : t("import")}
            <input type="file" accept=".csv,text/csv" className="absolute inset-0 cursor-pointer opacity-0" onChange={onFile} disabled={importCsv.isPending} data-testid="customers-import-file" />
          </label>
        )}
        <Button onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>
          {exportCsv.isPending ? t("exporting") : t("export")}
        </Button>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {canManage && <span className="block">{t("columns", { columns: CSV_IMPORT_COLUMNS.join(", ") })}</span>}
        {t("exportNote")}
      </p>
      <div className="mt-2 space-y-2">
        {fileTooLarge && <Alert tone="danger">{t("tooLarge")}</Alert>}
        <ErrorAlert error={importCsv.error} title={t("importFailed")} />
        <ErrorAlert error={exportCsv.error} title={t("exportFailed")} />
      </div>
      {result && (
        <div className="mt-3" data-testid="customers-import-result">
          <p className="text-sm text-slate-800">
            {t("imported", { count: result.imported })} {result.failed.length > 0 && t("notImported", { count: result.failed.length })}
          </p>
          {result.failed.length > 0 && (
            <div className="mt-2 max-h-80 overflow-auto rounded-lg border border-slate-200">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("problemsCaption")}</caption>
                <thead className="bg-slate-50 text-xs text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t("line")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("problems")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.failed.map((f) => (
                    <tr key={f.row}>
                      <td className="px-3 py-2 align-top tabular-nums">{f.row}</td>
                      <td className="px-3 py-2">
                        {Object.entries(f.errors).map(([column, messages]) => (
                          <div key={column}>
                            <span className="font-mono text-xs font-medium">{column}</span> {messages.join(" ")}
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
