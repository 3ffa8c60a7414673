// GET /api/payroll/<run id>/bank-transfer on a tenant's host: the run's bank-transfer list as
// .xlsx (payroll.manage; reviewed or locked runs; audited). Errors as JSON.
import { serverTranslator } from "@/i18n/translator";
import { fileResponse } from "@/server/http/file-response";
import { bankTransferWorkbook } from "@/server/modules/payroll/bank-transfer.endpoint";
import { withRequestCaller } from "@/server/trpc/request-caller";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withRequestCaller(request, async (api, { locale }) => {
    const { period, rows } = await api.payroll.runs.bankTransfer({ id });
    const t = serverTranslator(locale) as unknown as (key: string, values?: Record<string, string>) => string;
    const h = (k: string) => t(`payroll.bankList.${k}`);
    const headers = { no: h("no"), name: h("name"), bank: h("bank"), account: h("account"), holder: h("holder"), amount: h("amount"), description: h("description"), total: h("total"), sheet: h("sheet") };
    const bytes = await bankTransferWorkbook(rows, headers, t("payroll.bankList.descriptionValue", { period }));
    return fileResponse("xlsx", bytes, `transfer-gaji-${period}.xlsx`);
  });
}
