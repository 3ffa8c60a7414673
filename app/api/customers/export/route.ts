// GET /api/customers/export?format=xlsx|csv[&q=…&status=…] on a tenant's host: the (filtered)
// customer register as a download (customers.export; audited; no KTP/NIK). Errors as JSON.
import { serverTranslator } from "@/i18n/translator";
import { fileResponse } from "@/server/http/file-response";
import { customerExportFile } from "@/server/modules/customers/customer-export.endpoint";
import { withRequestCaller } from "@/server/trpc/request-caller";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const input = Object.fromEntries(["format", "q", "status"].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));
  return withRequestCaller(request, async (api, { locale }) => {
    // The procedure validates the input (VALIDATION_FAILED for a bad format or status).
    const exported = await api.customers.export(input as Parameters<typeof api.customers.export>[0]);
    const t = serverTranslator(locale);
    const file = await customerExportFile(exported, {
      sheet: t("customers.title"),
      headers: {
        number: t("customers.fields.number"),
        name: t("customers.fields.name"),
        phone: t("customers.fields.phone"),
        address: t("customers.fields.address"),
        latitude: t("customers.fields.latitude"),
        longitude: t("customers.fields.longitude"),
        status: t("customers.fields.status"),
        billingDay: t("customers.fields.billingDay"),
        notes: t("customers.fields.notes"),
      },
      status: { prospect: t("customers.status.prospect"), active: t("customers.status.active"), isolated: t("customers.status.isolated"), terminated: t("customers.status.terminated") },
    });
    return fileResponse(file.kind, file.bytes, exported.fileName);
  });
}
