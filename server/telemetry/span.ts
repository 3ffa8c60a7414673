// Spans by hand, for what no library instrumentation sees: `traceCall()` wraps one call to a
// system outside RRNET (payment gateway, router, RADIUS, WhatsApp provider); `withSpan()` one
// unit of our own work (a tRPC procedure, a job). Both end the span and record a failure.
// Pure over @opentelemetry/api: without a registered provider they cost next to nothing.
import "server-only";
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from "@opentelemetry/api";
import { AppError } from "@/server/errors/app-error";

export const TRACER_NAME = "rrnet";

export function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** Marks the span failed: the stable error code for an AppError, the exception otherwise. */
export function recordFailure(span: Span, error: unknown): void {
  if (error instanceof AppError) {
    span.setAttribute("rrnet.error_code", error.code);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.code });
    return;
  }
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

export type SpanOptions = { kind?: SpanKind; attributes?: Attributes; parent?: Context };

/** Runs `fn` inside a new active span (child of the active one, or of `parent`). */
export function withSpan<T>(name: string, options: SpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export type OutgoingCall = {
  /** Which system: "tripay", "routeros", "radius", "whatsapp", … (`peer.service`). */
  system: string;
  /** What is asked of it: "createCharge", "/ppp/secret/add", "CoA-Request", … */
  operation: string;
  /** The address called, when known (`server.address` / `server.port`). */
  host?: string;
  port?: number;
  attributes?: Attributes;
};

/**
 * One call to a system outside RRNET, as a CLIENT span named "<system> <operation>". HTTP
 * requests made inside it (fetch) appear as its children when spans are exported.
 *   return traceCall({ system: "routeros", operation: "/ppp/active/print", host, port }, () => api.write(...));
 */
export function traceCall<T>(call: OutgoingCall, fn: (span: Span) => Promise<T>): Promise<T> {
  return withSpan(
    `${call.system} ${call.operation}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "peer.service": call.system,
        "rrnet.operation": call.operation,
        ...(call.host ? { "server.address": call.host } : {}),
        ...(call.port ? { "server.port": call.port } : {}),
        ...call.attributes,
      },
    },
    fn,
  );
}

/**
 * The active trace's ids, for log lines. An unsampled span still carries its trace id, so logs
 * stay correlated across processes when spans are not kept.
 */
export function activeTraceFields(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
