// The one error type of the application. Services throw it; the tRPC error formatter and the
// REST helpers turn it into `{ error, code, details }`. Nobody matches on message text.
import { ERROR_CODES, type AppErrorCode } from "./codes";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly status: number;

  constructor(code: AppErrorCode, details?: Record<string, unknown>, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERROR_CODES[code].message, options);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.status = ERROR_CODES[code].status;
  }
}

export type ErrorBody = { error: string; code: AppErrorCode; details?: Record<string, unknown> };

export function errorBody(error: AppError): ErrorBody {
  return error.details === undefined
    ? { error: error.message, code: error.code }
    : { error: error.message, code: error.code, details: error.details };
}
