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
  /**
   * Reachable while the user still has to set up two-factor sign-in or replace a generated
   * password (the account security procedures that do it).
   */
  allowWithoutTwoFactor?: boolean;
  /** A mutation the tenant's staff may still call while RRNET has made the tenant read-only. */
  allowWhenReadOnly?: boolean;
};
import { toAppError, trpcErrorShape } from "./errors";
import { DEFAULT_LOCALE } from "@/i18n/locales";

export const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  errorFormatter({ error, shape, path, ctx }) {
    // `error` and the field messages in the caller's language; `code` is our stable string
    // code, not JSON-RPC's number (that is data.rpcCode, which components/trpc/wire.ts restores
    // for the browser's tRPC client).
    const own = trpcErrorShape(toAppError(error), { locale: ctx?.locale ?? DEFAULT_LOCALE, path, requestId: ctx?.requestId });
    return { ...shape, ...own, code: own.code as unknown as typeof shape.code };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
