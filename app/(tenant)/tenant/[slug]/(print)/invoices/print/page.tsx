// Several invoices on paper at once (the invoice list's "Print selected"): ?ids=a,b,c, each on
// its own page. Unknown ids are skipped.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { invoiceDocument } from "@/components/billing/document";
import { MAX_PRINT } from "@/components/billing/billing-ui";
import { PrintableDocument } from "@/components/billing/PrintableDocument";
import { PrintToolbar } from "@/components/billing/PrintToolbar";
import { requirePageCapability } from "@/server/trpc/page-guard";
import { appErrorOf } from "@/server/trpc/request-caller";
import { serverApi, serverTenant } from "@/server/trpc/rsc";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("billing.print");
  return { title: t("printInvoices") };
}

export default async function PrintInvoicesPage({ searchParams }: { searchParams: Promise<{ ids?: string | string[] }> }) {
  await requirePageCapability("billing.read");
  const raw = (await searchParams).ids;
  const ids = [...new Set((Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(","))].filter((v) => z.uuid().safeParse(v).success).slice(0, MAX_PRINT);
  const api = await serverApi();
  const [settings, tenant, locale, t] = await Promise.all([api.billing.settings(), serverTenant(), getLocale(), getTranslations("billing.print")]);
  const invoices = await Promise.all(
    ids.map((id) =>
      api.billing.invoices.get({ id }).catch((error: unknown) => {
        if (appErrorOf(error)?.code === "NOT_FOUND") return null;
        throw error;
      }),
    ),
  );
  const found = invoices.filter((i) => i !== null);
  return (
    <>
      <PrintToolbar backHref="/invoices" backLabel={t("allInvoices", { count: found.length })} />
      {found.length === 0 && <p className="mx-auto max-w-[210mm] rounded-lg bg-white p-6 text-sm text-slate-600">{t("nothingToPrint")}</p>}
      <div className="space-y-6 print:space-y-0">
        {found.map((invoice) => (
          <PrintableDocument key={invoice.id} doc={invoiceDocument(invoice, { name: tenant.name, timezone: tenant.timezone, logoDataUrl: settings.logoDataUrl, footer: settings.invoiceFooter }, locale)} />
        ))}
      </div>
    </>
  );
}
