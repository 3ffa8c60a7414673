// Builds one BullMQ Worker per queue from the job registry. Each job's payload is validated
// against its schema before the handler runs (payloads are outside input too).
import { UnrecoverableError, Worker } from "bullmq";
import { env } from "@/server/config/env";
import { QUEUE_NAMES, type QueueName } from "@/server/jobs/define-job";
import { QUEUE_PREFIX } from "@/server/jobs/queues";
import { findJob } from "@/server/jobs/registry";
import { logger } from "@/server/log/logger";
import { createRedis } from "@/server/redis/client";

export type RunningWorkers = { workers: Worker[]; close: () => Promise<void> };

export function startWorkers(queues: readonly QueueName[] = QUEUE_NAMES): RunningWorkers {
  const log = logger();
  const connection = createRedis("worker", { maxRetriesPerRequest: null });
  const workers = queues.map((queueName) => {
    const worker = new Worker(
      queueName,
      async (job) => {
        const definition = findJob(job.name);
        if (!definition || definition.queue !== queueName) {
          throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${queueName}"`);
        }
        const parsed = definition.payload.safeParse(job.data);
        if (!parsed.success) {
          throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.message}`);
        }
        const jobLog = log.child({ job: job.name, job_id: job.id, queue: queueName });
        return definition.handler(parsed.data, { jobId: job.id!, attempt: job.attemptsMade + 1, log: jobLog });
      },
      { connection, prefix: QUEUE_PREFIX, concurrency: env().WORKER_CONCURRENCY, autorun: true },
    );
    worker.on("completed", (job) => log.info({ job: job.name, job_id: job.id, queue: queueName }, "job completed"));
    worker.on("failed", (job, error) =>
      log.warn({ job: job?.name, job_id: job?.id, queue: queueName, attempt: job?.attemptsMade, error: error.message }, "job failed"),
    );
    worker.on("error", (error) => log.error({ queue: queueName, error: error.message }, "worker error"));
    return worker;
  });
  return {
    workers,
    // Worker.close() waits for the jobs in progress to finish.
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
