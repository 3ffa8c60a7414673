// The transactional outbox. `emitEvents(tx, events)` writes events in the same
// transaction as the change that caused them; `relayOutbox(db)` (worker) moves committed events
// to the notification queue, one job per event with the event id as job id, and deletes them.
// So an event is enqueued if and only if its change committed, at least once, never doubled
// while the job is kept. Each event keeps the trace context of the work that wrote it, and its
// delivery job continues that trace (a request -> event -> WhatsApp send is one trace).
import "server-only";
import type { Prisma } from "@/server/db/generated/client";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { enqueueMany } from "@/server/jobs/enqueue";
import { asTraceCarrier, currentTraceCarrier } from "@/server/telemetry/job-trace";
import { DELIVER_EVENT } from "./delivery";
import { takeCommittedEvents } from "./outbox.repository";
import type { DomainEvent } from "./define-event";

/** A transaction on a tenant-scoped handle: the events are the handle's tenant's. */
type Tx = { tenantId: string; outboxEvent: { createMany(args: { data: Prisma.OutboxEventCreateManyInput[] }): Promise<unknown> } };

export async function emitEvents(tx: Tx, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const trace = currentTraceCarrier();
  await tx.outboxEvent.createMany({
    data: events.map((e) => ({ tenantId: tx.tenantId, type: e.type, payload: e.payload as Prisma.InputJsonValue, ...(trace ? { trace } : {}) })),
  });
}

const BATCH = 500;

/**
 * Relays committed events of every tenant (system code: `db` is the system handle) in batches
 * until the outbox is empty; returns how many.
 */
export async function relayOutbox(db: SystemDb): Promise<number> {
  let relayed = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const rows = await takeCommittedEvents(tx, BATCH);
      if (rows.length === 0) return 0;
      await enqueueMany(
        DELIVER_EVENT,
        rows.map((r) => ({
          payload: { eventId: r.id, tenantId: r.tenantId, type: r.type, payload: r.payload, occurredAt: r.createdAt.toISOString() },
          jobId: `event-${r.id}`,
          trace: asTraceCarrier(r.trace),
        })),
      );
      return rows.length;
    }, { timeout: 60_000 });
    relayed += count;
    if (count < BATCH) return relayed;
  }
}
