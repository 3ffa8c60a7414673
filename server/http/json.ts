// REST helpers for route handlers: every error leaves as `{ error, code, details }`, its message
// in the caller's language.
import "server-only";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { AppError } from "@/server/errors/app-error";
import { localizeError } from "@/server/errors/localize";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { ensureRequestId, REQUEST_ID_HEADER } from "./request-id";

export function jsonError(error: AppError, headers?: HeadersInit, locale: Locale = DEFAULT_LOCALE): Response {
  metrics().errors.inc({ code: error.code });
  const body = localizeError(error, locale);
  // One shape everywhere: `details` is always there, `{}` when the error has none.
  return Response.json({ ...body, details: body.details ?? {} }, { status: error.status, headers });
}

/** `locale`: set by the handler once it knows who is asking (an error before that is in Indonesian). */
export type RouteContext = { requestId: string; headers: Record<string, string>; locale: Locale };

/**
 * Runs a route handler with the request's id and uncacheable answer headers; an AppError it
 * throws answers as JSON with its status, anything else is logged with the request id and
 * answered INTERNAL (nothing leaked).
 */
export async function withJsonErrors(request: Request, handle: (ctx: RouteContext) => Promise<Response>): Promise<Response> {
  const requestId = ensureRequestId(request.headers.get(REQUEST_ID_HEADER));
  const ctx: RouteContext = { requestId, headers: { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" }, locale: DEFAULT_LOCALE };
  try {
    return await handle(ctx);
  } catch (error) {
    if (error instanceof AppError && error.code !== "INTERNAL") return jsonError(error, ctx.headers, ctx.locale);
    logger().error({ error, request_id: requestId, path: new URL(request.url).pathname }, "route handler failed");
    return jsonError(new AppError("INTERNAL"), ctx.headers, ctx.locale);
  }
}
