// The tRPC HTTP endpoint (/api/trpc), served by the web server (server/http/web-server.ts)
// ahead of Next: refuses cross-site calls and unknown or suspended hosts, builds the context,
// records errors by code, and logs unexpected exceptions with the request id and stack (the
// client only sees INTERNAL).
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AnyTRPCRouter } from "@trpc/server";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { createContext } from "./context";
import { toAppError } from "./errors";
import { appRouter } from "./root";
import { sessionCookieName } from "@/server/auth/session-cookie";
import { AppError } from "@/server/errors/app-error";
import { jsonError } from "@/server/http/json";
import { hostLocale, hostRefusal } from "@/server/tenancy/host-access";
import { resolveRequestHost } from "@/server/tenancy/tenant-directory";

export const MAX_BATCH_SIZE = 20;

/**
 * CSRF: a state-changing call that carries our session cookie must come from a page of the same
 * host (Origin, or Referer when a browser omits Origin). Mutations are POST-only (tRPC's rule).
 */
function isCrossSite(req: Request): boolean {
  if (req.method !== "POST" || !req.headers.get("cookie")?.includes(sessionCookieName())) return false;
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  if (!source) return true;
  try {
    return new URL(source).host !== req.headers.get("host");
  } catch {
    return true;
  }
}

export async function handleTrpcRequest(req: Request, router: AnyTRPCRouter = appRouter): Promise<Response> {
  if (isCrossSite(req)) {
    logger().warn({ origin: req.headers.get("origin"), host: req.headers.get("host") }, "cross-site request refused");
    return jsonError(new AppError("CSRF_REJECTED"));
  }
  // The proxy does not run for /api/trpc: refuse unknown and suspended hosts here, alike.
  const host = await resolveRequestHost(req.headers.get("host"));
  const refusal = hostRefusal(host);
  if (refusal) return jsonError(refusal, undefined, hostLocale(host));
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router,
    createContext: () => createContext({ headers: req.headers, host }),
    // The client batches what one screen needs; more than this in one request is abuse.
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta({ errors }) {
      const retry = errors.map((e) => toAppError(e).details?.retryAfterSeconds).find((v) => typeof v === "number");
      return retry ? { headers: new Headers({ "retry-after": String(retry) }) } : {};
    },
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
