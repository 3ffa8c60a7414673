// REST helpers for route handlers: every error leaves as `{ error, code, details }`.
import "server-only";
import { AppError, errorBody } from "@/server/errors/app-error";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { ensureRequestId, REQUEST_ID_HEADER } from "./request-id";

export function jsonError(error: AppError, headers?: HeadersInit): Response {
  metrics().errors.inc({ code: error.code });
  return Response.json(errorBody(error), { status: error.status, headers });
}

export type RouteContext = { requestId: string; headers: Record<string, string> };

/**
 * Runs a route handler with the request's id and uncacheable answer headers; an AppError it
 * throws answers as JSON with its status, anything else is logged with the request id and
 * answered INTERNAL (nothing leaked).
 */
export async function withJsonErrors(request: Request, handle: (ctx: RouteContext) => Promise<Response>): Promise<Response> {
  const requestId = ensureRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" };
  try {
    return await handle({ requestId, headers });
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL") return jsonError(error, headers);
    logger().error({ error, request_id: requestId, path: new URL(request.url).pathname }, "route handler failed");
    return jsonError(new AppError("INTERNAL"), headers);
  }
}
