// The notification queue's send job: the messages written together (an event batch, a broadcast)
// go as one job naming up to SEND_BATCH of them, sent by one run (send.service.ts sendMessages);
// a single message keeps the job id `wa-send-<id>`. When a message must wait (throttle slot,
// quiet hours, backoff) the job enqueues its next run, delayed and alone, under a job id naming
// that time; running twice is harmless (each message is claimed before its provider call).
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { forTenant } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { enqueue, enqueueMany } from "@/server/jobs/enqueue";
import { defaultSendDeps, sendMessage, sendMessages, type SendDeps, type SendStep } from "./send.service";

/** How many messages one send job carries: one claim, one settings read, one record per batch. */
export const SEND_BATCH = 100;

const ZSendPayload = z.union([z.object({ tenantId: z.uuid(), messageId: z.uuid() }), z.object({ tenantId: z.uuid(), messageIds: z.array(z.uuid()).min(1).max(SEND_BATCH) })]);

let deps: SendDeps = defaultSendDeps;
/** Tests and the benchmark point the worker's sends at simulators and a faster clock. */
export function setSendDeps(next: Partial<SendDeps>): void {
  deps = { ...defaultSendDeps, ...next };
}

export const sendMessageJob = defineJob({
  name: "notifications.send",
  queue: "notification",
  payload: ZSendPayload,
  options: { attempts: 8, backoff: { type: "exponential", delay: 5_000 }, removeOnComplete: { age: 3 * 24 * 3600 } },
  async handler(payload, ctx) {
    const db = forTenant(payload.tenantId);
    const steps: Array<[string, SendStep]> = "messageId" in payload ? [[payload.messageId, await sendMessage(db, payload.messageId, deps)]] : [...(await sendMessages(db, payload.messageIds, deps))];
    let waiting = 0;
    for (const [messageId, step] of steps) {
      if (step.done) continue;
      waiting++;
      const delayMs = Math.max(0, step.at.getTime() - Date.now());
      await enqueue(sendMessageJob, { tenantId: payload.tenantId, messageId }, { jobId: `wa-send-${messageId}-${step.at.getTime()}`, delayMs });
      ctx.log.debug({ message_id: messageId, at: step.at.toISOString() }, "whatsapp message waits");
    }
    return { messages: steps.length, waiting };
  },
});

/**
 * Queues the sends of freshly written messages, SEND_BATCH to a job, in one round trip. Job ids
 * are derived from the ids, so queueing the same messages again (a retried delivery) adds nothing.
 */
export async function enqueueSends(tenantId: string, messageIds: string[]): Promise<void> {
  const items = [];
  for (let i = 0; i < messageIds.length; i += SEND_BATCH) {
    const chunk = messageIds.slice(i, i + SEND_BATCH);
    items.push(
      chunk.length === 1
        ? { payload: { tenantId, messageId: chunk[0]! }, jobId: `wa-send-${chunk[0]}` }
        : { payload: { tenantId, messageIds: chunk }, jobId: `wa-send-batch-${createHash("sha256").update(chunk.join(",")).digest("hex").slice(0, 32)}` },
    );
  }
  await enqueueMany(sendMessageJob, items);
}

export const NOTIFICATION_JOBS = [sendMessageJob];
