// Shared by the platform tests: turn a failed call into its AppError, and build callers from a
// real Host header (the same context a request gets).
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
export { failure } from "@/server/testing/errors";

/** A caller with the context a cookie-less request to `host` gets. */
export async function callerForHost(host: string) {
  return createCaller(await createContext({ headers: new Headers({ host }) }));
}
