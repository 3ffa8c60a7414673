// The customer's line as the technician at the site needs it: their network accounts (router,
// profile, state, last seen), who is online now (asked of the router), the ODP port their drop
// hangs on and the outages they are inside. Read for an order the actor may work, so a
// technician sees the facts of their own orders' customers only.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { customerPath } from "@/server/modules/ftth/map.service";
import { customerIncidents } from "@/server/modules/ftth/outage.service";
import { customerNetwork } from "@/server/modules/routers/sessions.service";
import { getOrderOrThrow } from "./workorder.service";
import type { TSiteFacts } from "./workorders.schema";

export async function siteFacts(db: TenantDb, actor: UserActor, workOrderId: string, timeZone: string): Promise<TSiteFacts | null> {
  const order = await getOrderOrThrow(db, actor, workOrderId);
  if (!order.customerId) return null;
  const [network, path, incidents] = await Promise.all([customerNetwork(db, actor, order.customerId, timeZone), customerPath(db, order.customerId), customerIncidents(db, order.customerId)]);
  const odp = path.nodes[0];
  return {
    customerId: order.customerId,
    customerStatus: network.customerStatus,
    accounts: network.accounts.map((a) => ({ username: a.username, kind: a.kind, profile: a.appliedProfile ?? a.wantedProfile, routerName: a.routerName, status: a.status, lastSeenAt: a.lastSeenAt })),
    online: network.sessions === null ? null : network.sessions.length > 0,
    sessions: (network.sessions ?? []).map((s) => ({ username: s.username, address: s.address, uptimeSeconds: s.uptimeSeconds })),
    routerError: network.routerError,
    drop: odp && path.port !== null ? { odpId: odp.id, odpCode: odp.code, port: path.port, lossDb: path.lossDb } : null,
    openIncidents: incidents.filter((i) => i.status === "open" || i.status === "suspected").map((i) => ({ id: i.id, number: i.number, status: i.status, cause: i.causeNode.code })),
  };
}
