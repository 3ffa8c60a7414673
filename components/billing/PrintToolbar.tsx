"use client";
// The bar above a print view: print, PDF, back. Not printed.
import { Button } from "@/components/ui/Button";

export function PrintToolbar({ backHref, backLabel, pdfHref }: { backHref: string; backLabel: string; pdfHref?: string }) {
  return (
    <div className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center justify-between gap-2 print:hidden">
      <a href={backHref} className="text-sm text-brand-700 hover:underline">
        ← {backLabel}
      </a>
      <div className="flex flex-wrap gap-2">
        {pdfHref && (
          <a href={pdfHref} download className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-50">
            Download PDF
          </a>
        )}
        <Button variant="primary" onClick={() => window.print()}>
          Print
        </Button>
      </div>
    </div>
  );
}
