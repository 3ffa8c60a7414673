// tRPC called in-process from a route handler (PDFs and other non-JSON answers): the context is
// built from the request exactly as for /api/trpc and server components (host, session cookie,
// request id), so the procedure's own capability check is the only one. Errors leave as REST
// `{ error, code, details }` with the code's status (401 without a session, 403 without the
// capability); anything unexpected is logged and answered INTERNAL.
import "server-only";
import { TRPCError } from "@trpc/server";
import type { Locale } from "@/i18n/locales";
import { AppError } from "@/server/errors/app-error";
import { withJsonErrors } from "@/server/http/json";
import { REQUEST_ID_HEADER } from "@/server/http/request-id";
import { createContext } from "./context";
import { toAppError } from "./errors";
import { createCaller } from "./root";

export type RequestCaller = ReturnType<typeof createCaller>;

/** The AppError behind whatever a caller threw (null for anything else). */
export function appErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError) return toAppError(error);
  return null;
}

/**
 * Runs `handle` with a caller for this request; every failure becomes a JSON error answer.
 * Route handlers stay thin: `return withRequestCaller(request, async (api) => new Response(...))`.
 */
export function withRequestCaller(request: Request, handle: (api: RequestCaller, request: { locale: Locale }) => Promise<Response>): Promise<Response> {
  return withJsonErrors(request, async (route) => {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(REQUEST_ID_HEADER, route.requestId);
    const ctx = await createContext({ headers: requestHeaders });
    // Errors from here on, and what the handler writes, are in the caller's language.
    route.locale = ctx.locale;
    const api = createCaller(ctx);
    try {
      return await handle(api, { locale: ctx.locale });
    } catch (error) {
      // A procedure's refusal as our error type; an unexpected failure as itself, for the log.
      const app = error instanceof TRPCError ? toAppError(error) : null;
      throw app && app.code !== "INTERNAL" ? app : error instanceof TRPCError ? (error.cause ?? error) : error;
    }
  });
}
