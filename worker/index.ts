// The worker process: consumes every queue, upserts the recurring jobs, drains on SIGTERM.
process.env.RRNET_SERVICE ??= "worker";
import { env } from "@/server/config/env";
import { logger } from "@/server/log/logger";
import { getQueue, closeQueues } from "@/server/jobs/queues";
import { closeDb } from "@/server/db/unsafe-system-db";
import { closeRedis } from "@/server/redis/client";
import { closeRouterConnections } from "@/server/modules/routers/router.service";
import { SCHEDULES } from "@/server/jobs/schedules";
import { startTracing } from "@/server/telemetry/tracing";
import { QUEUE_NAMES, type QueueName } from "@/server/jobs/define-job";
import { startWorkers } from "./workers";

async function main() {
  const config = env();
  const tracing = startTracing();
  const log = logger();
  // WORKER_QUEUES lets a process take only some queues (e.g. more notification workers).
  const queues = config.WORKER_QUEUES ? config.WORKER_QUEUES.split(",") : [...QUEUE_NAMES];
  const unknown = queues.filter((q) => !(QUEUE_NAMES as readonly string[]).includes(q));
  if (unknown.length) throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(", ")} (known: ${QUEUE_NAMES.join(", ")})`);
  const running = startWorkers(queues as QueueName[]);
  for (const { job, repeat, payload } of SCHEDULES.filter((s) => queues.includes(s.job.queue))) {
    await getQueue(job.queue).upsertJobScheduler(job.name, repeat, { name: job.name, data: job.payload.parse(payload), opts: job.options });
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker shutting down: finishing jobs in progress");
    const forced = setTimeout(() => {
      log.error("worker drain timeout: exiting with jobs still running (they will be retried)");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    await running.close();
    await Promise.allSettled([closeQueues(), closeRedis(), closeDb(), closeRouterConnections()]);
    await tracing.shutdown();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // Only now: a SIGTERM sent as soon as this line appears must find the handlers above.
  log.info({ queues: running.workers.map((w) => w.name), concurrency: config.WORKER_CONCURRENCY }, "worker started");
}

main().catch((error: unknown) => {
  logger().fatal({ error }, "worker failed to start");
  process.exit(1);
});
