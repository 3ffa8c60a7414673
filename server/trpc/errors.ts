// Turns whatever a procedure threw into the wire shape `{ error, code, details }` (plus the
// `message`/`data` fields tRPC's client reads). Unexpected exceptions become INTERNAL with
// no stack, SQL or message leaked; they are logged with the request id by the handler.
import "server-only";
import { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { Locale } from "@/i18n/locales";
import { AppError } from "@/server/errors/app-error";
import type { AppErrorCode } from "@/server/errors/codes";
import { fieldErrors } from "@/server/errors/field-errors";
import { localizeError } from "@/server/errors/localize";
import { metrics } from "@/server/metrics/registry";

const FROM_TRPC: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  PARSE_ERROR: "VALIDATION_FAILED",
  BAD_REQUEST: "VALIDATION_FAILED",
  UNAUTHORIZED: "AUTH_REQUIRED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNPROCESSABLE_CONTENT: "VALIDATION_FAILED",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
};

type Issue = Parameters<typeof fieldErrors>[0][number];

function hasIssues(value: unknown): value is { issues: Issue[] } {
  return typeof value === "object" && value !== null && Array.isArray((value as { issues?: unknown }).issues);
}

export function toAppError(error: TRPCError): AppError {
  const cause = error.cause;
  if (cause instanceof AppError) return cause;
  // Only input errors are the client's; a failed *output* validation is our bug (INTERNAL).
  if (error.code === "BAD_REQUEST" && hasIssues(cause)) {
    const app = new AppError("VALIDATION_FAILED", { fields: fieldErrors(cause.issues) });
    app.issues = cause.issues;
    return app;
  }
  const code = FROM_TRPC[error.code];
  if (!code) return new AppError("INTERNAL");
  // tRPC's own message ("No procedure found on path ...") goes to the log; users read the code's.
  return new AppError(code, undefined, code === "VALIDATION_FAILED" ? "errors.unparsable" : error.message);
}

/** JSON-RPC's number for our code, by its HTTP status (the browser's tRPC client reads it). */
const RPC_KEY_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  402: "PAYMENT_REQUIRED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  502: "BAD_GATEWAY",
  503: "SERVICE_UNAVAILABLE",
};

export function rpcCodeOf(error: AppError): number {
  return TRPC_ERROR_CODES_BY_KEY[RPC_KEY_BY_STATUS[error.status] ?? "INTERNAL_SERVER_ERROR"];
}

/**
 * The one tRPC error shape: `{ error, code, details }` (details always an object) plus the
 * `message` / `data` tRPC's client reads. The error formatter (init.ts) and the refusals the
 * endpoint answers before any procedure runs (http-handler.ts) both use it.
 */
export function trpcErrorShape(app: AppError, where: { locale: Locale; path?: string | null; requestId?: string | null }) {
  const body = localizeError(app, where.locale);
  return {
    message: body.error,
    error: body.error,
    code: app.code,
    details: body.details ?? {},
    data: { code: app.code, httpStatus: app.status, path: where.path ?? null, requestId: where.requestId ?? null, rpcCode: rpcCodeOf(app) },
  };
}

/** A refusal of the whole /api/trpc request, in the tRPC envelope `{ error: shape }`. */
export function trpcErrorResponse(app: AppError, where: { locale: Locale; requestId?: string | null; headers?: HeadersInit }): Response {
  metrics().errors.inc({ code: app.code });
  return Response.json({ error: trpcErrorShape(app, where) }, { status: app.status, headers: where.headers });
}
