// Builds one BullMQ Worker per queue from the job registry. Each job's payload is validated
// against its schema before the handler runs (payloads are outside input too). Each run is a
// CONSUMER span continuing the trace that enqueued the job (its context travels in the data).
import { SpanKind } from "@opentelemetry/api";
import { UnrecoverableError, Worker } from "bullmq";
import { env } from "@/server/config/env";
import { QUEUE_NAMES, type JobDefinition, type QueueName } from "@/server/jobs/define-job";
import { QUEUE_PREFIX } from "@/server/jobs/queues";
import { findJob } from "@/server/jobs/registry";
import { logger } from "@/server/log/logger";
import { createRedis } from "@/server/redis/client";
import { takeTraceCarrier, traceIdOfJobData } from "@/server/telemetry/job-trace";
import { withSpan } from "@/server/telemetry/span";

export type RunningWorkers = { workers: Worker[]; close: () => Promise<void> };

/**
 * A send job whose worker died (killed, crashed) is taken up again within seconds instead of
 * BullMQ's default 30–60 s: it then finds its message "sending" and settles it (send.service.ts).
 */
const STALL_DETECTION: Partial<Record<QueueName, { lockDuration: number; stalledInterval: number }>> = {
  notification: { lockDuration: 10_000, stalledInterval: 5_000 },
};

/** `lookup` finds a job's definition by name: the registry, or a test's own jobs. */
export function startWorkers(queues: readonly QueueName[] = QUEUE_NAMES, lookup: (name: string) => JobDefinition | undefined = findJob): RunningWorkers {
  const log = logger();
  const connection = createRedis("worker", { maxRetriesPerRequest: null });
  const workers = queues.map((queueName) => {
    const worker = new Worker(
      queueName,
      async (job) => {
        const { payload, parent } = takeTraceCarrier(job.data);
        const attributes = { "messaging.system": "bullmq", "messaging.operation.type": "process", "messaging.destination.name": queueName, "messaging.message.id": job.id!, "rrnet.job": job.name, "rrnet.job.attempt": job.attemptsMade + 1 };
        return withSpan(`job ${job.name}`, { kind: SpanKind.CONSUMER, attributes, parent }, async () => {
          const definition = lookup(job.name);
          if (!definition || definition.queue !== queueName) {
            throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${queueName}"`);
          }
          const parsed = definition.payload.safeParse(payload);
          if (!parsed.success) {
            throw new UnrecoverableError(`Invalid payload for ${job.name}: ${parsed.error.message}`);
          }
          const jobLog = log.child({ job: job.name, job_id: job.id, queue: queueName });
          return definition.handler(parsed.data, { jobId: job.id!, attempt: job.attemptsMade + 1, log: jobLog });
        });
      },
      { connection, prefix: QUEUE_PREFIX, concurrency: env().WORKER_CONCURRENCY, autorun: true, ...STALL_DETECTION[queueName] },
    );
    // These lines are written after the job's span ended: they name its trace themselves.
    const traceOf = (data: unknown) => {
      const traceId = traceIdOfJobData(data);
      return traceId ? { trace_id: traceId } : {};
    };
    worker.on("completed", (job) => log.info({ job: job.name, job_id: job.id, queue: queueName, ...traceOf(job.data) }, "job completed"));
    worker.on("failed", (job, error) =>
      log.warn({ job: job?.name, job_id: job?.id, queue: queueName, attempt: job?.attemptsMade, error: error.message, ...traceOf(job?.data) }, "job failed"),
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
