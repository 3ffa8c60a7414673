// GET /api/payslips/<line id>/pdf on a tenant's host: a payslip as an A4 PDF. The employee gets
// their own (locked runs) through payroll.me.payslip; otherwise payroll.payslip (hr, owner),
// which audits the view. 401 / 403 / 404 as JSON.
import { payslipDocument } from "@/components/hr/payslip-document";
import { renderDocumentPdf } from "@/server/pdf/document-pdf";
import { fileResponse } from "@/server/http/file-response";
import { appErrorOf, withRequestCaller } from "@/server/trpc/request-caller";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestCaller(request, async (api, { locale }) => {
    const me = await api.identity.me();
    const payslip = await api.payroll.me.payslip({ lineId: id }).catch((error: unknown) => {
      if (appErrorOf(error)?.code === "NOT_FOUND" && me?.capabilities.includes("payroll.manage")) return api.payroll.payslip({ lineId: id });
      throw error;
    });
    const tenant = await api.tenant.current();
    const settings = me?.capabilities.includes("billing.read") ? await api.billing.settings() : null;
    const doc = payslipDocument(payslip, { name: tenant.name, timezone: tenant.timezone, logoDataUrl: settings?.logoDataUrl ?? null }, locale);
    return fileResponse("pdf", await renderDocumentPdf(doc), doc.fileName);
  });
}
