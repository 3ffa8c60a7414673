// Shared by the platform tests: turn a failed call into its AppError, and build callers from a
// real Host header (the same context a request gets).
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors/app-error";
import { createContext } from "@/server/trpc/context";
import { toAppError } from "@/server/trpc/errors";
import { createCaller } from "@/server/trpc/root";

/** The AppError a call failed with, as the error formatter sees it (zod issues included). */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  const app = error instanceof TRPCError ? toAppError(error) : error;
  if (!(app instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return app;
}

/** A caller with the context a cookie-less request to `host` gets. */
export async function callerForHost(host: string) {
  return createCaller(await createContext({ headers: new Headers({ host }) }));
}
