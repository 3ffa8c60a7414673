// The one way to add work: validates the payload against the job's schema, then adds it to
// the job's queue. Pass a deterministic `jobId` wherever the same work must not run twice.
import "server-only";
import type { z } from "zod";
import type { JobsOptions } from "bullmq";
import { AppError } from "@/server/errors/app-error";
import type { JobDefinition } from "./define-job";
import { getQueue } from "./queues";

function jobOptions(job: JobDefinition<z.ZodType>): JobsOptions {
  return {
    attempts: 5,
    backoff: { type: "exponential", delay: 2_000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
    ...job.options,
  };
}

export type EnqueueOptions = { jobId?: string; delayMs?: number };

export async function enqueue<TPayload extends z.ZodType>(
  job: JobDefinition<TPayload>,
  payload: z.input<TPayload>,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", { job: job.name, issues: parsed.error.issues });
  }
  const added = await getQueue(job.queue).add(job.name, parsed.data, {
    ...jobOptions(job),
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.delayMs ? { delay: options.delayMs } : {}),
  });
  return added.id!;
}

/** Many jobs of one kind in one round trip (validated like enqueue). */
export async function enqueueMany<TPayload extends z.ZodType>(
  job: JobDefinition<TPayload>,
  items: Array<{ payload: z.input<TPayload>; jobId?: string }>,
): Promise<void> {
  if (items.length === 0) return;
  const bulk = items.map(({ payload, jobId }) => {
    const parsed = job.payload.safeParse(payload);
    if (!parsed.success) throw new AppError("VALIDATION_FAILED", { job: job.name, issues: parsed.error.issues });
    return { name: job.name, data: parsed.data, opts: { ...jobOptions(job), ...(jobId ? { jobId } : {}) } };
  });
  await getQueue(job.queue).addBulk(bulk);
}
