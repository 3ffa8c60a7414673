// Server-side tRPC caller for server components: one caller per request (React's cache),
// with the context built from the incoming request's headers (host, request id).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { createCaller } from "./root";
import { createContext } from "./context";

/** The request's context (host, session, language), once per request: i18n/request.ts reads it too. */
export const serverContext = cache(async () => createContext({ headers: await headers() }));

export const serverApi = cache(async () => createCaller(await serverContext()));

/** Who is signed in, once per request however many layouts and pages ask. */
export const serverMe = cache(async () => (await serverApi()).identity.me());

/** The tenant of this host (public profile), once per request for layouts and pages. */
export const serverTenant = cache(async () => (await serverApi()).tenant.current());
