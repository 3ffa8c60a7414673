// Turns whatever a procedure threw into the wire shape `{ error, code, details }` (plus the
// `message`/`data` fields tRPC's client reads). Unexpected exceptions become INTERNAL with
// no stack, SQL or message leaked; they are logged with the request id by the handler.
import "server-only";
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors/app-error";
import type { AppErrorCode } from "@/server/errors/codes";
import { fieldErrors } from "@/server/errors/field-errors";

const FROM_TRPC: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  PARSE_ERROR: "VALIDATION_FAILED",
  BAD_REQUEST: "VALIDATION_FAILED",
  UNAUTHORIZED: "AUTH_REQUIRED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
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
