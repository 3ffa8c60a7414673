// OpenTelemetry tracing of this process. `startTracing()` (first thing the web server and the
// worker do) registers the tracer provider, the AsyncLocalStorage context and the W3C trace
// context propagator, so every request and job has a trace id (in its log lines too). When
// spans are exported — over OTLP/HTTP if OTEL_EXPORTER_OTLP_ENDPOINT is set, or to the exporter
// a test passes — it also records Prisma queries, Redis commands and outgoing fetch() calls.
import "server-only";
import { createRequire } from "node:module";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { env } from "@/server/config/env";

export type Tracing = {
  /** Whether finished spans go anywhere (an OTLP endpoint or a test's exporter). */
  exporting: boolean;
  /** Exports what is buffered, then stops; call on shutdown. */
  shutdown: () => Promise<void>;
};

export type TracingOptions = {
  /** Tests: spans go to this exporter, synchronously, instead of OTLP. */
  exporter?: SpanExporter;
};

const holder = globalThis as unknown as { __rrnetTracing?: Tracing };

/** OTEL_EXPORTER_OTLP_HEADERS: `name=value,name=value` (values may be URL-encoded). */
export function parseOtlpHeaders(source: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (source ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

function processors(options: TracingOptions): SpanProcessor[] {
  if (options.exporter) return [new SimpleSpanProcessor(options.exporter)];
  const config = env();
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return [];
  const exporter = new OTLPTraceExporter({
    url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "")}/v1/traces`,
    headers: parseOtlpHeaders(config.OTEL_EXPORTER_OTLP_HEADERS),
    timeoutMillis: 10_000,
  });
  return [new BatchSpanProcessor(exporter)];
}

/** Starts tracing once per process; later calls return the running instance. */
export function startTracing(options: TracingOptions = {}): Tracing {
  if (holder.__rrnetTracing) return holder.__rrnetTracing;
  const config = env();
  const spanProcessors = processors(options);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME ?? `rrnet-${process.env.RRNET_SERVICE ?? "web"}`,
      [ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? "0.1.0",
      "deployment.environment.name": config.APP_ENV,
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.TRACE_SAMPLE_RATIO) }),
    spanProcessors,
  });
  provider.register();
  const exporting = spanProcessors.length > 0;
  // Library spans cost time on every query and command: record them only when someone reads them.
  const unregister = exporting
    ? registerInstrumentations({
        tracerProvider: provider,
        instrumentations: [new UndiciInstrumentation(), new IORedisInstrumentation({ requireParentSpan: true }), new PrismaInstrumentation()],
      })
    : () => undefined;
  if (exporting) {
    // ioredis may already be loaded (ESM imports run first); requiring it through the hook now
    // patches the one shared Redis class in place.
    createRequire(import.meta.url)("ioredis");
  }
  holder.__rrnetTracing = {
    exporting,
    async shutdown() {
      unregister();
      await provider.shutdown().catch(() => undefined);
    },
  };
  return holder.__rrnetTracing;
}

export async function stopTracing(): Promise<void> {
  const tracing = holder.__rrnetTracing;
  holder.__rrnetTracing = undefined;
  await tracing?.shutdown();
}
