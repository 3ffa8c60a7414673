// SQL of the outbox relay (system code: events of every tenant).
import "server-only";
import type { SystemDb } from "@/server/db/unsafe-system-db";

export type OutboxRow = { id: string; tenantId: string; type: string; payload: unknown; trace: unknown; createdAt: Date };

/**
 * Deletes up to `limit` of the oldest committed events and returns them; inside the relay's
 * transaction, so a failed enqueue puts them back. SKIP LOCKED: two relays at once take
 * different events.
 */
export function takeCommittedEvents(tx: Pick<SystemDb, "$queryRaw">, limit: number): Promise<OutboxRow[]> {
  return tx.$queryRaw<OutboxRow[]>`
    DELETE FROM "OutboxEvent" WHERE id IN (
      SELECT id FROM "OutboxEvent" ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) RETURNING id, "tenantId", type, payload, trace, "createdAt"`;
}
