// The web process: Next.js behind a plain Node HTTP server, so that every request gets a
// request id, one access-log line and a duration metric with its real status, and so that
// SIGTERM drains in-flight requests before connections close.
import "server-only";
import http from "node:http";
import path from "node:path";
import next from "next";
import { env } from "@/server/config/env";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { closeDb } from "@/server/db/unsafe-system-db";
import { closeRedis } from "@/server/redis/client";
import { closeQueues } from "@/server/jobs/queues";
import { closeTenantDirectory } from "@/server/tenancy/tenant-directory";
import { closeRouterConnections } from "@/server/modules/routers/router.service";
import { AppError } from "@/server/errors/app-error";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { trpcErrorResponse } from "@/server/trpc/errors";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { CLIENT_IP_HEADER } from "./client-ip";
import { sendFetchResponse, toFetchRequest } from "./node-fetch-bridge";
import { ensureRequestId, REQUEST_ID_HEADER } from "./request-id";
import { routeLabel } from "./route-label";
import { baseSecurityHeaders } from "./security-headers";
import { traceHttpRequest } from "@/server/telemetry/http-span";
import { startTracing } from "@/server/telemetry/tracing";

/**
 * Unless a trusted reverse proxy sets them, X-Forwarded-* come from the client and must not be
 * believed: the host and scheme next-auth builds URLs from are the request's own, and the
 * client IP the throttles count is the socket's.
 */
function normaliseForwarding(req: http.IncomingMessage, trustProxy: boolean) {
  // The proxy appends the address it saw: the last entry. Earlier ones came from the client.
  const forwardedFor = String(req.headers["x-forwarded-for"] ?? "").split(",").at(-1)?.trim();
  req.headers[CLIENT_IP_HEADER] = (trustProxy && forwardedFor) || req.socket.remoteAddress || "unknown";
  if (!trustProxy) {
    if (req.headers.host) req.headers["x-forwarded-host"] = req.headers.host;
    else delete req.headers["x-forwarded-host"];
    req.headers["x-forwarded-proto"] = "http";
  }
}

async function serveTrpc(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let request: Request;
  try {
    request = await toFetchRequest(req);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return sendFetchResponse(trpcErrorResponse(error, { locale: DEFAULT_LOCALE, requestId: String(req.headers[REQUEST_ID_HEADER]) }), res);
  }
  await sendFetchResponse(await handleTrpcRequest(request), res);
}

async function main() {
  const config = env();
  const tracing = startTracing();
  // next-auth takes its origin from the (normalised) Host of each request: one app, many hosts.
  process.env.AUTH_TRUST_HOST = "true";
  delete process.env.NEXTAUTH_URL;
  const log = logger();
  // `--dev` runs Next in development mode (npm run dev); otherwise the production build.
  const dev = process.argv.includes("--dev");
  // No `hostname` here: Next then builds its internal URLs on "localhost", the same origin the
  // proxy sees, so host rewrites stay internal whatever address the socket is bound to.
  const app = next({ dev, dir: path.resolve(import.meta.dirname, "../.."), port: config.APP_PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const histogram = metrics().httpDuration;
  // The header sets are fixed per process and scheme: built once, not per request.
  const production = config.APP_ENV === "production";
  const securityHeaders = {
    http: Object.entries(baseSecurityHeaders({ production, https: false })),
    https: Object.entries(baseSecurityHeaders({ production, https: true })),
  };
  let inFlight = 0;

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = ensureRequestId(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    normaliseForwarding(req, config.TRUST_PROXY);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // Pages replace the locked-down CSP with their nonce policy (proxy.ts).
    for (const [name, value] of securityHeaders[req.headers["x-forwarded-proto"] === "https" ? "https" : "http"]) res.setHeader(name, value);
    inFlight += 1;
    const route = routeLabel(req.url);
    // The API is served here directly, not through Next's router: it needs no page machinery,
    // and this halves its cost per call. Pages (and RSC's server-side caller) go to Next.
    const { span, done: work } = traceHttpRequest(req, res, { requestId, route, trustIncoming: config.TRUST_PROXY }, () =>
      req.url?.startsWith("/api/trpc/") ? serveTrpc(req, res) : handle(req, res),
    );
    const traceId = span.spanContext().traceId;
    res.on("close", () => {
      inFlight -= 1;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      histogram.observe({ route, method: req.method ?? "GET", status: String(res.statusCode) }, seconds);
      const fields = {
        request_id: requestId,
        trace_id: traceId,
        method: req.method,
        path: (req.url ?? "/").split("?")[0],
        host: req.headers.host,
        status: res.statusCode,
        duration_ms: Math.round(seconds * 1e5) / 100,
      };
      if (route === "static") log.debug(fields, "http request");
      else log.info(fields, "http request");
    });
    work.catch((error: unknown) => {
      log.error({ error, request_id: requestId }, "unhandled error in request handler");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: "Something went wrong on our side.", code: "INTERNAL", details: {} }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve) => server.listen(config.APP_PORT, config.APP_HOST, resolve));
  log.info({ port: config.APP_PORT, host: config.APP_HOST, dev, root_domain: config.ROOT_DOMAIN }, "web server listening");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, in_flight: inFlight }, "shutting down: draining requests");
    const forced = setTimeout(() => {
      log.warn({ in_flight: inFlight }, "drain timeout: closing remaining connections");
      server.closeAllConnections();
    }, config.SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    // Stop accepting, let in-flight requests finish, drop idle keep-alive sockets.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(forced);
    await app.close?.().catch(() => undefined);
    await Promise.allSettled([closeQueues(), closeTenantDirectory(), closeRedis(), closeDb(), closeRouterConnections()]);
    await tracing.shutdown();
    log.info("shutdown complete");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  logger().fatal({ error }, "web server failed to start");
  process.exit(1);
});
