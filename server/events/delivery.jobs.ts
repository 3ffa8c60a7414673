// The delivery of one event (the relay puts one such job per event on the notification queue:
// relay.jobs.ts, outbox.ts). For now delivery validates the event and logs it; the notification
// module will send WhatsApp messages from here.
import "server-only";
import { z } from "zod";
import { defineJob } from "@/server/jobs/define-job";
import { findEventDefinition } from "./registry";

export const ZEventEnvelope = z.object({
  eventId: z.uuid(),
  tenantId: z.uuid(),
  type: z.string().min(1),
  payload: z.unknown(),
  occurredAt: z.iso.datetime({ offset: true }),
});

export const deliverEventJob = defineJob({
  name: "events.deliver",
  queue: "notification",
  payload: ZEventEnvelope,
  // Kept by age only: while a delivered event's job exists, a second relay of it (after a
  // relay transaction failed late) is dropped by its job id. A count cap would let a big
  // billing run push early ids out and allow doubles.
  options: { removeOnComplete: { age: 3 * 24 * 3600 } },
  async handler(envelope, ctx) {
    const definition = findEventDefinition(envelope.type);
    if (!definition) {
      ctx.log.warn({ event_id: envelope.eventId, type: envelope.type }, "event of unknown type dropped");
      return { delivered: false };
    }
    const parsed = definition.payload.safeParse(envelope.payload);
    if (!parsed.success) {
      // Retrying cannot fix a malformed payload: log it once and drop it.
      ctx.log.error({ event_id: envelope.eventId, type: envelope.type, issues: parsed.error.issues }, "event with an invalid payload dropped");
      return { delivered: false };
    }
    ctx.log.info({ event_id: envelope.eventId, tenant_id: envelope.tenantId, type: envelope.type, payload: parsed.data }, "event");
    return { delivered: true };
  },
});
