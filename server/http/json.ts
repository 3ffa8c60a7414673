// REST helpers for route handlers: every error leaves as `{ error, code, details }`.
import { AppError, errorBody } from "@/server/errors/app-error";
import { metrics } from "@/server/metrics/registry";

export function jsonError(error: AppError, headers?: HeadersInit): Response {
  metrics().errors.inc({ code: error.code });
  return Response.json(errorBody(error), { status: error.status, headers });
}
