// The domain events a tenant emitted, wherever they are now: still in the outbox, or already
// relayed to the notification queue (a worker in another test may relay at any time).
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { getQueue } from "@/server/jobs/queues";
import { deliverEventJob } from "@/server/events/delivery.jobs";

export type EmittedEvent = { id: string; type: string; payload: Record<string, unknown> };

export async function eventsOf(tenantId: string): Promise<EmittedEvent[]> {
  const rows = await unsafeSystemDb().outboxEvent.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });
  const jobs = await getQueue(deliverEventJob.queue).getJobs(["waiting", "active", "completed", "delayed", "failed", "paused", "prioritized"]);
  const relayed = jobs
    .filter((j) => j?.name === deliverEventJob.name && j.data?.tenantId === tenantId)
    .map((j) => ({ id: j.data.eventId as string, type: j.data.type as string, payload: j.data.payload as Record<string, unknown> }));
  const seen = new Set(rows.map((r) => r.id));
  return [...rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload as Record<string, unknown> })), ...relayed.filter((e) => !seen.has(e.id))];
}
