// The tRPC HTTP endpoint (/api/trpc): builds the context, records errors by code, and logs
// unexpected exceptions with the request id and stack (the client only sees INTERNAL).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AnyTRPCRouter } from "@trpc/server";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { createContext } from "./context";
import { toAppError } from "./errors";
import { appRouter } from "./root";

export function handleTrpcRequest(req: Request, router: AnyTRPCRouter = appRouter): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router,
    createContext: () => createContext({ headers: req.headers }),
    onError({ error, path, ctx, type }) {
      const app = toAppError(error);
      metrics().errors.inc({ code: app.code });
      const log = ctx?.log ?? logger();
      if (app.code === "INTERNAL") {
        log.error({ error: error.cause ?? error, path, type }, "unexpected error in procedure");
      } else {
        log.info({ path, type, code: app.code }, "procedure refused");
      }
    },
  });
}
