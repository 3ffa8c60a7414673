// The delivery of one event (the relay puts one such job per event on the notification queue:
// relay.jobs.ts, outbox.ts): validated, logged, and handed to the notification module, which
// writes the WhatsApp messages it means (once per event and recipient) and queues their sends;
// events that change a customer's network access also queue a converge of their router accounts,
// and a router's status change moves the FTTH nodes that stand for it.
import "server-only";
import { defineJob } from "@/server/jobs/define-job";
import { DELIVER_EVENT } from "./delivery";
import { findEventDefinition } from "./registry";
import { forTenant } from "@/server/db";
import { notifyForEvent } from "@/server/modules/notifications/dispatch.service";
import { convergeForEvent } from "@/server/modules/routers/provisioning.service";
import { followRouterEvent } from "@/server/modules/ftth/router-health-link.service";

export const deliverEventJob = defineJob({
  ...DELIVER_EVENT,
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
    const db = forTenant(envelope.tenantId);
    // The network first: a converge job is cheap to add, and an isolation must not wait on a message.
    const converging = await convergeForEvent(db, { type: envelope.type, payload: parsed.data });
    const plantNodes = await followRouterEvent(db, { type: envelope.type, payload: parsed.data });
    const messages = await notifyForEvent(db, { eventId: envelope.eventId, type: envelope.type, payload: parsed.data });
    ctx.log.info({ event_id: envelope.eventId, tenant_id: envelope.tenantId, type: envelope.type, payload: parsed.data, messages, converging, plantNodes }, "event");
    return { delivered: true };
  },
});
