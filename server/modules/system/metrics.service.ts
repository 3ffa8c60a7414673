// Prometheus exposition for GET /api/metrics: refreshes the queue gauges, then renders.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/server/config/env";
import { allQueues } from "@/server/jobs/queues";
import { logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";

const STATES = ["waiting", "active", "delayed", "failed"] as const;

export function isMetricsTokenValid(authorization: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env().METRICS_TOKEN}`);
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function refreshQueueGauges(): Promise<void> {
  const gauge = metrics().queueJobs;
  await Promise.all(
    allQueues().map(async (queue) => {
      const counts = await queue.getJobCounts(...STATES);
      for (const state of STATES) gauge.set({ queue: queue.name, state }, counts[state] ?? 0);
    }),
  );
}

export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  // Queue depth needs Redis; a scrape during an outage still returns the other metrics.
  await Promise.race([refreshQueueGauges(), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]).catch((error) =>
    logger().warn({ error: String(error) }, "metrics: queue gauges not refreshed"),
  );
  const registry = metrics().registry;
  return { body: await registry.metrics(), contentType: registry.contentType };
}
