// The tRPC HTTP endpoint (/api/trpc), served by the web server (server/http/web-server.ts)
// ahead of Next: refuses other methods than GET/POST, unknown or suspended hosts, cross-site
// calls and bodies that are not JSON (all in the tRPC envelope, cheaply, before any context is
// built), builds the context, records errors by code, and logs unexpected exceptions with the
// request id and stack (the client only sees INTERNAL).
import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { AnyTRPCRouter } from "@trpc/server";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { createContext } from "./context";
import { toAppError, trpcErrorResponse } from "./errors";
import { appRouter } from "./root";
import { sessionCookieName } from "@/server/auth/session-cookie";
import { AppError } from "@/server/errors/app-error";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/server/http/request-id";
import { hostLocale, hostRefusal } from "@/server/tenancy/host-access";
import { resolveRequestHost, type HostResolution } from "@/server/tenancy/tenant-directory";

export const MAX_BATCH_SIZE = 20;

const ALLOWED_METHODS = "GET, POST";

/** The scheme the client used: the request's own, or a trusted proxy's X-Forwarded-Proto (web-server.ts sets it). */
function requestScheme(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? `${forwarded}:` : new URL(req.url).protocol;
}

/**
 * CSRF: a state-changing call that carries our session cookie must come from a page of the same
 * origin — scheme and host (Origin, or Referer when a browser omits Origin). Mutations are
 * POST-only (tRPC's rule).
 */
function isCrossSite(req: Request): boolean {
  if (req.method !== "POST" || !req.headers.get("cookie")?.includes(sessionCookieName())) return false;
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  if (!source) return true;
  try {
    const url = new URL(source);
    return url.host !== req.headers.get("host") || url.protocol !== requestScheme(req);
  } catch {
    return true;
  }
}

/** The client sends JSON; anything else (a form, text/plain from a simple cross-site POST) is refused. */
function isJson(req: Request): boolean {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/** A refusal before any procedure (and before the context is built): cheap, and in the tRPC envelope. */
function precheck(req: Request, host: HostResolution): { error: AppError; headers?: HeadersInit } | null {
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "POST") {
    return { error: new AppError("METHOD_NOT_ALLOWED", { allowed: ["GET", "POST"] }), headers: { allow: ALLOWED_METHODS } };
  }
  const refusal = hostRefusal(host);
  if (refusal) return { error: refusal };
  if (isCrossSite(req)) {
    logger().warn({ origin: req.headers.get("origin"), referer: req.headers.get("referer"), host: req.headers.get("host") }, "cross-site request refused");
    return { error: new AppError("CSRF_REJECTED") };
  }
  if (req.method === "POST" && !isJson(req)) return { error: new AppError("UNSUPPORTED_MEDIA_TYPE", { expected: "application/json" }) };
  return null;
}

export async function handleTrpcRequest(req: Request, router: AnyTRPCRouter = appRouter): Promise<Response> {
  // The proxy does not run for /api/trpc: unknown and suspended hosts are refused here, alike.
  const host = await resolveRequestHost(req.headers.get("host"));
  const refused = precheck(req, host);
  if (refused) {
    const requestId = ensureRequestId(req.headers.get(REQUEST_ID_HEADER));
    return trpcErrorResponse(refused.error, { locale: hostLocale(host), requestId, headers: refused.headers });
  }
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
