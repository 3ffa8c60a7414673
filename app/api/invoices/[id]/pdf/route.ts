// GET /api/invoices/<id>/pdf on a tenant's host: the invoice as an A4 PDF. Same session and
// capability as billing.invoices.get (called in-process): 401 / 403 / 404 as JSON otherwise.
import { invoiceDocument } from "@/components/billing/document";
import { renderDocumentPdf } from "@/server/pdf/document-pdf";
import { fileResponse } from "@/server/http/file-response";
import { withRequestCaller } from "@/server/trpc/request-caller";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestCaller(request, async (api, { locale }) => {
    const invoice = await api.billing.invoices.get({ id });
    const [settings, tenant] = await Promise.all([api.billing.settings(), api.tenant.current()]);
    const doc = invoiceDocument(invoice, { name: tenant.name, timezone: tenant.timezone, logoDataUrl: settings.logoDataUrl, footer: settings.invoiceFooter }, locale);
    return fileResponse("pdf", await renderDocumentPdf(doc), doc.fileName);
  });
}
