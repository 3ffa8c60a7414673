// Router health -> the plant. A node linked to a router (FtthNode.routerId) follows what the
// routers module's polls see, told by its routers.status_changed events (the event delivery job
// hands them here, so the routers module never imports the plant): the router down marks the
// node down, which opens an incident (source "health") and tells the customers below it; the
// router up again resolves the incidents its health opened. It compares states rather than
// trusting the order of deliveries: an event no longer describing the router is left to the
// later one that does. A node in maintenance is planned work and is left alone, and so is a node
// that staff marked down themselves.
import "server-only";
import { systemActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { routerStatusChanged } from "@/server/modules/routers/routers.events";
import { findRouterRef } from "@/server/modules/routers/router.service";
import { setNodeStatus } from "./outage.service";
import { activeIncidentsCausedBy } from "./outage.repository";
import { nodesOfRouter } from "./plant.repository";

/** Brings the nodes of router `routerId` in line with its polled status; returns how many changed. */
export async function followRouterHealth(db: TenantDb, routerId: string, routerStatus: "up" | "down", now = new Date()): Promise<number> {
  const actor = systemActor("router health poll", { tenantId: db.tenantId });
  let changed = 0;
  for (const node of await nodesOfRouter(db, routerId)) {
    if (routerStatus === "down" && node.status === "up") {
      await setNodeStatus(db, actor, { id: node.id, status: "down", notes: null, source: "health" }, now);
      changed++;
    } else if (routerStatus === "up" && node.status === "down") {
      const active = await activeIncidentsCausedBy(db, node.id);
      if (active.length === 0 || active.some((i) => i.source !== "health")) continue;
      await setNodeStatus(db, actor, { id: node.id, status: "up", notes: null }, now);
      changed++;
    }
  }
  return changed;
}

/** A delivered domain event: a router's status change moves its nodes; any other event is not ours. */
export async function followRouterEvent(db: TenantDb, delivered: { type: string; payload: unknown }): Promise<number> {
  if (delivered.type !== routerStatusChanged.type) return 0;
  const change = routerStatusChanged.payload.parse(delivered.payload);
  if (change.to === "unknown") return 0;
  const router = await findRouterRef(db, change.routerId);
  if (!router || router.status !== change.to) return 0;
  return followRouterHealth(db, router.id, change.to, new Date(change.at));
}
