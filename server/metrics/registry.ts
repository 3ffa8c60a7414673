// Prometheus metrics of this process. The registry lives on globalThis so the custom HTTP
// server and Next's bundled route handlers (separate module instances) record into one place.
import "server-only";
import client from "prom-client";

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP request duration by route, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbQueryDuration: new client.Histogram({
      name: "db_query_duration_seconds",
      help: "Prisma operation duration by model and operation",
      labelNames: ["model", "operation"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    dbPoolConnections: new client.Gauge({
      name: "db_pool_connections",
      help: "PostgreSQL pool connections by state (in_use, idle, waiting = queued requests)",
      labelNames: ["state"] as const,
      registers: [registry],
    }),
    queueJobs: new client.Gauge({
      name: "queue_jobs",
      help: "BullMQ jobs per queue and state (waiting, active, delayed, failed)",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
    }),
    errors: new client.Counter({
      name: "app_errors_total",
      help: "Errors answered to clients, by stable error code",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const holder = globalThis as unknown as { __rrnetMetrics?: Metrics };

export function metrics(): Metrics {
  return (holder.__rrnetMetrics ??= createMetrics());
}
