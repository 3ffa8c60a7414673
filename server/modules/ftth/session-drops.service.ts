// The one entry point for session-drop data: router sessions that vanished with a carrier-loss
// cause and RADIUS Acct-Stop records (Lost-Carrier…) both arrive here. Carrier-loss stops are
// kept for the tenant's detection window, so a burst reported one stop at a time is still seen.
import "server-only";
import type { Actor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { ZSessionStop, type TSessionStop } from "./ftth.schema";
import { CARRIER_LOSS, detectSuspectedOutages, getFtthSettings, type Suspicion } from "./outage.service";

/** Records `stops` and opens suspected incidents for any burst now inside the window. */
export async function reportSessionDrops(db: TenantDb, actor: Actor, stops: TSessionStop[], now = new Date()): Promise<Suspicion[]> {
  const lost = ZSessionStop.array().parse(stops).filter((s) => CARRIER_LOSS.has(s.cause.toLowerCase()));
  if (lost.length === 0) return [];
  const { suspectWindowSeconds } = await getFtthSettings(db);
  const since = new Date(now.getTime() - suspectWindowSeconds * 1000);
  await db.ftthSessionDrop.createMany({
    data: lost.map((s) => ({ tenantId: db.tenantId, customerId: s.customerId, stoppedAt: new Date(s.stoppedAt), cause: s.cause })),
    skipDuplicates: true,
  });
  await db.ftthSessionDrop.deleteMany({ where: { stoppedAt: { lt: since } } });
  const recent = await db.ftthSessionDrop.findMany({ where: { stoppedAt: { gte: since, lte: now } }, select: { customerId: true, stoppedAt: true, cause: true } });
  return detectSuspectedOutages(db, actor, recent.map((r) => ({ customerId: r.customerId, stoppedAt: r.stoppedAt.toISOString(), cause: r.cause })), now);
}
