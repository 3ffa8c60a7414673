// The trace context travels inside a job's data, under one reserved key, so that the work a
// request (or another job) enqueues continues the same trace in whichever worker runs it.
// `enqueue()` adds it; the worker takes it out again before the payload is validated.
import "server-only";
import { context, propagation, ROOT_CONTEXT, type Context } from "@opentelemetry/api";

/** The key in job data; no payload schema may use it. */
export const TRACE_CARRIER_KEY = "_trace";

export type TraceCarrier = { traceparent?: string; tracestate?: string };

/** The active context as W3C trace-context headers, or undefined outside a trace. */
export function currentTraceCarrier(): TraceCarrier | undefined {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

/** The active context as JSON for a jsonb column written in raw SQL (the outbox), or null. */
export function currentTraceJson(): string | null {
  const carrier = currentTraceCarrier();
  return carrier ? JSON.stringify(carrier) : null;
}

/** A stored carrier read back (from the outbox), when it is one; else undefined. */
export function asTraceCarrier(value: unknown): TraceCarrier | undefined {
  return isCarrier(value) ? value : undefined;
}

/** Job data as stored: the payload (an object) plus the carrier, when there is one. */
export function withTraceCarrier(payload: unknown, carrier: TraceCarrier | undefined): unknown {
  if (!carrier || !payload || typeof payload !== "object" || Array.isArray(payload)) return payload;
  return { ...payload, [TRACE_CARRIER_KEY]: carrier };
}

function isCarrier(value: unknown): value is TraceCarrier {
  if (!value || typeof value !== "object") return false;
  const { traceparent, tracestate } = value as Record<string, unknown>;
  return typeof traceparent === "string" && traceparent.length <= 100 && (tracestate === undefined || (typeof tracestate === "string" && tracestate.length <= 512));
}

/**
 * Splits stored job data into the payload (without the carrier) and the context to continue.
 * A missing or malformed carrier starts a new trace; it never fails the job.
 */
export function takeTraceCarrier(data: unknown): { payload: unknown; parent: Context } {
  if (!data || typeof data !== "object" || Array.isArray(data) || !(TRACE_CARRIER_KEY in data)) return { payload: data, parent: ROOT_CONTEXT };
  const { [TRACE_CARRIER_KEY]: carrier, ...payload } = data as Record<string, unknown>;
  return { payload, parent: isCarrier(carrier) ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT };
}

/** The trace id a job's data carries (for log lines written outside its span), if any. */
export function traceIdOfJobData(data: unknown): string | undefined {
  const carrier = data && typeof data === "object" ? (data as Record<string, unknown>)[TRACE_CARRIER_KEY] : undefined;
  if (!isCarrier(carrier)) return undefined;
  return /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(carrier.traceparent ?? "")?.[1];
}
