// tRPC instance: superjson for Dates, and the error formatter that gives every error the
// `{ error, code, details }` shape with an HTTP status taken from the error code table.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import { toAppError } from "./errors";

export const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ error, shape, path, ctx }) {
    const app = toAppError(error);
    return {
      ...shape,
      message: app.message,
      // The seed's shape; `code` is our stable string code, not JSON-RPC's number.
      error: app.message,
      code: app.code as unknown as typeof shape.code,
      details: app.details ?? null,
      data: { code: app.code, httpStatus: app.status, path: path ?? null, requestId: ctx?.requestId ?? null },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
