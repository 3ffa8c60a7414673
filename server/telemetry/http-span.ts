// The SERVER span of one HTTP request to the web process: everything the request does (tRPC
// procedures, Next's rendering, queries, enqueued jobs) runs inside it. An incoming
// `traceparent` is continued only behind a trusted proxy; otherwise each request starts a trace.
import "server-only";
import type http from "node:http";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import { tracer } from "./span";

export type RequestSpanOptions = { requestId: string; route: string; trustIncoming: boolean };

/**
 * Starts the request's span, runs `handle` inside it and ends it when the response closes.
 * Returns the span so the caller can name its trace in the access log line.
 */
export function traceHttpRequest(req: http.IncomingMessage, res: http.ServerResponse, options: RequestSpanOptions, handle: () => Promise<unknown>): { span: Span; done: Promise<unknown> } {
  const parent = options.trustIncoming ? propagation.extract(ROOT_CONTEXT, req.headers) : ROOT_CONTEXT;
  const method = req.method ?? "GET";
  const span = tracer().startSpan(
    `${method} ${options.route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": method,
        "url.path": (req.url ?? "/").split("?")[0],
        "http.route": options.route,
        "server.address": String(req.headers.host ?? ""),
        "rrnet.request_id": options.requestId,
      },
    },
    parent,
  );
  res.once("close", () => {
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  const done = context.with(trace.setSpan(parent, span), handle);
  return { span, done };
}
