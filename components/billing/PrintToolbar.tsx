"use client";
// The bar above a print view: print, PDF, back. Not printed.
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/Button";

export function PrintToolbar({ backHref, backLabel, pdfHref }: { backHref: string; backLabel: string; pdfHref?: string }) {
  const t = useTranslations("billing.print");
  return (
    <div className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center justify-between gap-2 print:hidden">
      <a href={backHref} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline md:min-h-0">
        ← {backLabel}
      </a>
      <div className="flex flex-wrap gap-2">
        {pdfHref && (
          <a href={pdfHref} download className={buttonClass("secondary")}>
            {t("downloadPdf")}
          </a>
        )}
        <Button variant="primary" onClick={() => window.print()}>
          {t("print")}
        </Button>
      </div>
    </div>
  );
}
