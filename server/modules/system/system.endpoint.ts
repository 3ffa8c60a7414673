// The server side of the system routes under app/api: readiness (/api/health) and metrics
// (/api/metrics). Answer on any host; the route handlers only call these.
import "server-only";
import { AppError } from "@/server/errors/app-error";
import { jsonError } from "@/server/http/json";
import { checkHealth } from "./health.service";
import { isMetricsTokenValid, renderMetrics } from "./metrics.service";

/** 200 with the checks when everything answers, 503 `{error, code, details}` naming what does not. */
export async function healthResponse(): Promise<Response> {
  const health = await checkHealth();
  if (health.status === "ok") return Response.json(health, { headers: { "cache-control": "no-store" } });
  const failing = Object.entries(health.checks).filter(([, v]) => v === "fail").map(([k]) => k);
  return Response.json(
    { ...health, error: `Unavailable: ${failing.join(", ")}`, code: "SERVICE_UNAVAILABLE", details: { failing } },
    { status: 503, headers: { "cache-control": "no-store" } },
  );
}

/** Prometheus text for a request with the metrics bearer token; AUTH_REQUIRED otherwise. */
export async function metricsResponse(request: Request): Promise<Response> {
  if (!isMetricsTokenValid(request.headers.get("authorization"))) {
    return jsonError(new AppError("AUTH_REQUIRED", { reason: "metrics_token" }), {
      "www-authenticate": 'Bearer realm="metrics"',
    });
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
