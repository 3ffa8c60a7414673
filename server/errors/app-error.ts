// The one error type of the application. Services throw it; the tRPC error formatter and the
// REST helpers turn it into `{ error, code, details }` with `error` in the caller's language
// (server/errors/localize.ts). Nobody matches on message text.
import type { ErrorMessageKey, ValidationKey } from "@/i18n/keys";
import type { IssueLike } from "@/i18n/validation";
import { ERROR_CODES, type AppErrorCode } from "./codes";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly status: number;
  /**
   * The catalogue key of a more specific message than the code's own ("customers.errors.notFound"),
   * interpolated with `details`. Only keys are shown to users; anything else (a legacy English
   * sentence) stays in logs and the code's message is shown instead.
   */
  readonly messageKey: string | undefined;
  /** Zod issues behind a VALIDATION_FAILED: `details.fields` are written from them per language. */
  issues?: readonly IssueLike[];

  constructor(code: AppErrorCode, details?: Record<string, unknown>, message?: ErrorMessageKey | (string & {}), options?: { cause?: unknown }) {
    super(message ? `${code}: ${message}` : code, options);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.status = ERROR_CODES[code].status;
    this.messageKey = message;
  }
}

export type ErrorBody = { error: string; code: AppErrorCode; details?: Record<string, unknown> };

/**
 * One field refused by a service rule (not by the schema): VALIDATION_FAILED with the field's
 * message key, which is also the error's message; `details` carry its ICU arguments and the
 * stable `reason` clients may branch on.
 */
export function fieldError(field: string, message: ValidationKey, details: Record<string, unknown> = {}): AppError {
  return new AppError("VALIDATION_FAILED", { fields: { [field]: [message] }, ...details }, message);
}
