import { AppError } from "@/server/errors/app-error";
import { jsonError } from "@/server/http/json";
import { isMetricsTokenValid, renderMetrics } from "@/server/modules/system/metrics.service";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!isMetricsTokenValid(request.headers.get("authorization"))) {
    return jsonError(new AppError("AUTH_REQUIRED", undefined, "A valid metrics bearer token is required."), {
      "www-authenticate": 'Bearer realm="metrics"',
    });
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
