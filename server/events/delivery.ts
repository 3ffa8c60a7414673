// The delivery job's name, queue and payload, without its handler: the outbox relay enqueues
// it (outbox.ts) without importing what delivery does (delivery.jobs.ts), which reaches the
// notification module, whose dependencies emit events themselves.
import "server-only";
import { z } from "zod";
import type { JobTarget } from "@/server/jobs/enqueue";

export const ZEventEnvelope = z.object({
  eventId: z.uuid(),
  tenantId: z.uuid(),
  type: z.string().min(1),
  payload: z.unknown(),
  occurredAt: z.iso.datetime({ offset: true }),
});

export const DELIVER_EVENT = {
  name: "events.deliver",
  queue: "notification",
  payload: ZEventEnvelope,
  // Kept by age only: while a delivered event's job exists, a second relay of it (after a
  // relay transaction failed late) is dropped by its job id. A count cap would let a big
  // billing run push early ids out and allow doubles.
  options: { removeOnComplete: { age: 3 * 24 * 3600 } },
} as const satisfies JobTarget<typeof ZEventEnvelope>;
