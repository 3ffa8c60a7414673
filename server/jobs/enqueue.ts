// The one way to add work: validates the payload against the job's schema, then adds it to
// the job's queue. Pass a deterministic `jobId` wherever the same work must not run twice.
// The active trace context rides along in the job's data (server/telemetry/job-trace.ts), so
// the worker continues the trace of the request or job that enqueued the work.
import "server-only";
import type { z } from "zod";
import type { JobsOptions } from "bullmq";
import { SpanKind } from "@opentelemetry/api";
import { AppError } from "@/server/errors/app-error";
import { currentTraceCarrier, withTraceCarrier, type TraceCarrier } from "@/server/telemetry/job-trace";
import { withSpan } from "@/server/telemetry/span";
import type { JobDefinition } from "./define-job";
import { getQueue } from "./queues";

/** What adding work needs of a job: not its handler (so producers need not import it). */
export type JobTarget<TPayload extends z.ZodType = z.ZodType> = Omit<JobDefinition<TPayload>, "handler">;

function jobOptions(job: JobTarget): JobsOptions {
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
  job: JobTarget<TPayload>,
  payload: z.input<TPayload>,
  options: EnqueueOptions = {},
): Promise<string> {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", { job: job.name, issues: parsed.error.issues });
  }
  return withSpan(`enqueue ${job.name}`, { kind: SpanKind.PRODUCER, attributes: producerAttributes(job, 1) }, async (span) => {
    const added = await getQueue(job.queue).add(job.name, withTraceCarrier(parsed.data, currentTraceCarrier()), {
      ...jobOptions(job),
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    });
    span.setAttribute("messaging.message.id", added.id!);
    return added.id!;
  });
}

function producerAttributes(job: JobTarget, count: number) {
  return { "messaging.system": "bullmq", "messaging.operation.type": "send", "messaging.destination.name": job.queue, "rrnet.job": job.name, "messaging.batch.message_count": count };
}

/**
 * Many jobs of one kind in one round trip (validated like enqueue). An item's `trace` continues
 * another trace than the active one (the outbox relays each event in the trace that wrote it).
 */
export async function enqueueMany<TPayload extends z.ZodType>(
  job: JobTarget<TPayload>,
  items: Array<{ payload: z.input<TPayload>; jobId?: string; trace?: TraceCarrier }>,
): Promise<void> {
  if (items.length === 0) return;
  const bulk = items.map(({ payload, jobId }) => {
    const parsed = job.payload.safeParse(payload);
    if (!parsed.success) throw new AppError("VALIDATION_FAILED", { job: job.name, issues: parsed.error.issues });
    return { name: job.name, data: parsed.data as unknown, opts: { ...jobOptions(job), ...(jobId ? { jobId } : {}) } };
  });
  await withSpan(`enqueue ${job.name}`, { kind: SpanKind.PRODUCER, attributes: producerAttributes(job, items.length) }, async () => {
    const active = currentTraceCarrier();
    await getQueue(job.queue).addBulk(bulk.map((entry, i) => ({ ...entry, data: withTraceCarrier(entry.data, items[i]?.trace ?? active) })));
  });
}
