// The notification queue's send job: one per message (job id = message id on first enqueue).
// When a message must wait (throttle slot, quiet hours, backoff) the job enqueues its next run,
// delayed, under a job id naming that time; running twice is harmless (send.service.ts).
import "server-only";
import { z } from "zod";
import { forTenant } from "@/server/db";
import { defineJob } from "@/server/jobs/define-job";
import { enqueue } from "@/server/jobs/enqueue";
import { defaultSendDeps, sendMessage, type SendDeps } from "./send.service";

const ZSendPayload = z.object({ tenantId: z.uuid(), messageId: z.uuid() });

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
    const step = await sendMessage(forTenant(payload.tenantId), payload.messageId, deps);
    if (step.done) return step;
    const delayMs = Math.max(0, step.at.getTime() - Date.now());
    await enqueue(sendMessageJob, payload, { jobId: `wa-send-${payload.messageId}-${step.at.getTime()}`, delayMs });
    ctx.log.debug({ message_id: payload.messageId, at: step.at.toISOString() }, "whatsapp message waits");
    return { done: false, at: step.at.toISOString() };
  },
});

export const NOTIFICATION_JOBS = [sendMessageJob];
