// The transactional outbox. `emitEvents(tx, tenantId, events)` writes events in the same
// transaction as the change that caused them; `relayOutbox()` (worker) moves committed events
// to the notification queue, one job per event with the event id as job id, and deletes them.
// So an event is enqueued if and only if its change committed, at least once, never doubled
// while the job is kept.
import type { Prisma } from "@/server/db/generated/client";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { enqueueMany } from "@/server/jobs/enqueue";
import { deliverEventJob } from "./event.jobs";
import type { DomainEvent } from "./define-event";

type Tx = { outboxEvent: { createMany(args: { data: Prisma.OutboxEventCreateManyInput[] }): Promise<unknown> } };

export async function emitEvents(tx: Tx, tenantId: string, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.outboxEvent.createMany({
    data: events.map((e) => ({ tenantId, type: e.type, payload: e.payload as Prisma.InputJsonValue })),
  });
}

const BATCH = 500;

/** Relays committed events in batches until the outbox is empty; returns how many. */
export async function relayOutbox(): Promise<number> {
  let relayed = 0;
  for (;;) {
    const count = await unsafeSystemDb().$transaction(async (tx) => {
      // SKIP LOCKED: two relays at once take different events.
      const rows = await tx.$queryRaw<{ id: string; tenantId: string; type: string; payload: unknown; createdAt: Date }[]>`
        DELETE FROM "OutboxEvent" WHERE id IN (
          SELECT id FROM "OutboxEvent" ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
        ) RETURNING id, "tenantId", type, payload, "createdAt"`;
      if (rows.length === 0) return 0;
      await enqueueMany(
        deliverEventJob,
        rows.map((r) => ({
          payload: { eventId: r.id, tenantId: r.tenantId, type: r.type, payload: r.payload, occurredAt: r.createdAt.toISOString() },
          jobId: `event-${r.id}`,
        })),
      );
      return rows.length;
    }, { timeout: 60_000 });
    relayed += count;
    if (count < BATCH) return relayed;
  }
}
