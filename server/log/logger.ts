// Structured logs: one JSON object per line with `timestamp` (RFC 3339), `level`, `message`,
// `request_id` / `tenant_id` on request-scoped children, and `trace_id` / `span_id` of the
// active trace (server/telemetry). Pretty output only in development.
import "server-only";
import { createRequire } from "node:module";
import pino, { type Logger } from "pino";
import { env } from "@/server/config/env";
import { activeTraceFields } from "@/server/telemetry/span";

export type { Logger };

/** A logger with the process's settings; `destination` (tests) instead of stdout. */
export function createLogger(destination?: pino.DestinationStream): Logger {
  const config = env();
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    messageKey: "message",
    errorKey: "error",
    base: { service: process.env.RRNET_SERVICE ?? "web" },
    timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    // A line's own fields win over these (an access log line written after its span ended).
    mixin: activeTraceFields,
    redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "authorization", "*.authorization"], censor: "[redacted]" },
  };
  if (destination) return pino(options, destination);
  if (config.APP_ENV === "development" && process.stdout.isTTY) {
    // pino-pretty is a dev dependency: load it only here, never in production.
    const pretty = createRequire(import.meta.url)("pino-pretty") as (opts: object) => NodeJS.WritableStream;
    return pino(options, pretty({ messageKey: "message", translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" }));
  }
  return pino(options);
}

const holder = globalThis as unknown as { __rrnetLogger?: Logger };

/** The process logger (one per process, shared by the custom server and Next's bundles). */
export function logger(): Logger {
  return (holder.__rrnetLogger ??= createLogger());
}

export function requestLogger(fields: { requestId: string; tenantId?: string | null }): Logger {
  return logger().child({ request_id: fields.requestId, ...(fields.tenantId ? { tenant_id: fields.tenantId } : {}) });
}
