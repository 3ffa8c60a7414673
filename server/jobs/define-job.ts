// A job is a name, a queue, a zod payload schema and an idempotent handler. Domains declare
// theirs in `<domain>.jobs.ts`; the registry lists them; `enqueue()` is the one way to add work.
import "server-only";
import type { z } from "zod";
import type { JobsOptions } from "bullmq";
import type { Logger } from "@/server/log/logger";

export const QUEUE_NAMES = ["default", "billing", "notification"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export type JobContext = { jobId: string; attempt: number; log: Logger };

export type JobDefinition<TPayload extends z.ZodType = z.ZodType> = {
  name: string;
  queue: QueueName;
  payload: TPayload;
  /** At-least-once delivery: handlers must be idempotent. */
  handler: (payload: z.infer<TPayload>, ctx: JobContext) => Promise<unknown>;
  options?: JobsOptions;
};

export function defineJob<TPayload extends z.ZodType>(job: JobDefinition<TPayload>): JobDefinition<TPayload> {
  return job;
}
