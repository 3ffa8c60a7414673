// tRPC instance and its error formatter: every error gets the `{ error, code, details }` shape
// with an HTTP status taken from the error code table. No transformer: the wire is plain JSON
// that any client can read (timestamps travel as ISO-8601 UTC strings, money as integers).
import "server-only";
import { initTRPC } from "@trpc/server";
import type { Context } from "./context";
import type { Capability, PlatformCapability } from "@/server/modules/identity/capabilities";

/** Declared on procedures; read by the gates and by the capability-matrix test. */
export type ProcedureMeta = {
  capability?: Capability | PlatformCapability;
  /** Reachable while the user still has to set up two-factor sign-in (the set-up itself). */
  allowWithoutTwoFactor?: boolean;
  /** A mutation the tenant's staff may still call while RRNET has made the tenant read-only. */
  allowWhenReadOnly?: boolean;
};
import { toAppError } from "./errors";

export const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  errorFormatter({ error, shape, path, ctx }) {
    const app = toAppError(error);
    return {
      ...shape,
      message: app.message,
      // The seed's shape; `code` is our stable string code, not JSON-RPC's number.
      error: app.message,
      code: app.code as unknown as typeof shape.code,
      details: app.details ?? null,
      // rpcCode: JSON-RPC's number, which the browser's tRPC client needs (components/trpc/wire.ts).
      data: { code: app.code, httpStatus: app.status, path: path ?? null, requestId: ctx?.requestId ?? null, rpcCode: shape.code },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
