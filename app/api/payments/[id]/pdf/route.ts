// GET /api/payments/<id>/pdf on a tenant's host: the payment's receipt as an A4 PDF. Same
// session and capability as billing.payments.get (collectors too); the ISP's logo and footer
// come from billing.settings when the user may read them.
import { receiptDocument } from "@/components/billing/document";
import { renderDocumentPdf } from "@/server/pdf/document-pdf";
import { fileResponse } from "@/server/http/file-response";
import { withRequestCaller } from "@/server/trpc/request-caller";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestCaller(request, async (api, { locale }) => {
    const payment = await api.billing.payments.get({ id });
    const [me, tenant] = await Promise.all([api.identity.me(), api.tenant.current()]);
    const settings = me?.capabilities.includes("billing.read") ? await api.billing.settings() : null;
    const doc = receiptDocument(payment, { name: tenant.name, timezone: tenant.timezone, logoDataUrl: settings?.logoDataUrl ?? null, footer: settings?.invoiceFooter ?? null }, locale);
    return fileResponse("pdf", await renderDocumentPdf(doc), doc.fileName);
  });
}
