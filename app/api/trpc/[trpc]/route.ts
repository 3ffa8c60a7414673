import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/trpc/root";
import { createContext } from "@/server/trpc/context";
import { toAppError } from "@/server/trpc/errors";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    onError({ error, path, ctx, type }) {
      const app = toAppError(error);
      metrics().errors.inc({ code: app.code });
      const log = ctx?.log ?? logger();
      if (app.code === "INTERNAL") {
        // The only place an unexpected exception is recorded in full; the client sees INTERNAL.
        log.error({ error: error.cause ?? error, path, type }, "unexpected error in procedure");
      } else {
        log.info({ path, type, code: app.code }, "procedure refused");
      }
    },
  });
}

export { handler as GET, handler as POST };
