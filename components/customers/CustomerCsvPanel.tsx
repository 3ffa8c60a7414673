"use client";
// CSV import and .xlsx / CSV export. Import reads the file in the browser and sends its text;
// good rows are imported together, bad rows come back with their line (problems in the user's
// language). Export (customers.export) downloads the current filter as a file from
// /api/customers/export; KTP/NIK numbers are never exported.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert, type ShownError } from "@/components/ui/Alert";
import { Button, buttonClass, Spinner } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { CSV_IMPORT_COLUMNS, CSV_MAX_BYTES, type TCustomerFilter, type TExportFormat, type TImportResult } from "@/server/modules/customers/customers.schema";

class DownloadError extends Error {
  constructor(
    message: string,
    readonly data: { code: string | null },
  ) {
    super(message);
  }
}

/** Fetches the export and saves it under the server's file name; a refusal throws its message. */
async function download(format: TExportFormat, filter: TCustomerFilter): Promise<void> {
  const query = new URLSearchParams({ format, ...filter });
  const response = await fetch(`/api/customers/export?${query}`, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; code?: string } | null;
    throw new DownloadError(body?.error ?? response.statusText, { code: body?.code ?? null });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `customers.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export function CustomerCsvPanel({ canManage, canExport, filter, onImported }: { canManage: boolean; canExport: boolean; filter: TCustomerFilter; onImported: () => Promise<unknown> }) {
  const t = useTranslations("customers.csv");
  const trpc = useTRPC();
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
  const exportFile = useMutation<void, DownloadError, TExportFormat>({ mutationFn: (format) => download(format, filter) });
  const exporting = exportFile.isPending ? exportFile.variables : null;

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
            <input type="file" accept=".csv,text/csv" className="absolute -inset-px cursor-pointer opacity-0" onChange={onFile} disabled={importCsv.isPending} data-testid="customers-import-file" />
          </label>
        )}
        {canExport &&
          (["xlsx", "csv"] as const).map((format) => (
            <Button key={format} variant={format === "xlsx" ? "primary" : "secondary"} onClick={() => exportFile.mutate(format)} loading={exporting === format} disabled={exporting !== null} data-testid={`customers-export-${format}`}>
              {exporting === format ? t("exporting") : t(format === "xlsx" ? "exportXlsx" : "exportCsv")}
            </Button>
          ))}
      </div>
      <p className="mt-2 text-xs text-slate-500">
        {canManage && <span className="block">{t("columns", { columns: CSV_IMPORT_COLUMNS.join(", ") })}</span>}
        {canExport && t("exportNote")}
      </p>
      <div className="mt-2 space-y-2">
        {fileTooLarge && <Alert tone="danger">{t("tooLarge")}</Alert>}
        <ErrorAlert error={importCsv.error} title={t("importFailed")} />
        <ErrorAlert error={exportFile.error as ShownError} title={t("exportFailed")} />
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
