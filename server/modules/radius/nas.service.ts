// The `nas` row of a router: FreeRADIUS knows a router (and its tenant) by it. Kept in step with
// the router in the transaction that saves the router: a router in RADIUS or both mode with a
// RADIUS secret and an IP address has exactly one row; any other router none (its removal
// cascades). The address is unique across RRNET, so a second router claiming it is refused.
import "server-only";
import { isIP } from "node:net";
import type { TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";

export type NasRouter = { id: string; name: string; host: string; mode: "api" | "radius" | "both"; radiusSecret: string | null };

/** Why a RADIUS-mode router has no `nas` row (null: it has one, or needs none). */
export function nasGap(router: NasRouter): "no_secret" | "host_not_ip" | null {
  if (router.mode === "api") return null;
  if (!router.radiusSecret) return "no_secret";
  return isIP(router.host) === 0 ? "host_not_ip" : null;
}

export async function syncRouterNas(db: TenantScope, router: NasRouter): Promise<"saved" | "removed"> {
  if (router.mode === "api" || nasGap(router)) {
    await db.radiusNas.deleteMany({ where: { routerId: router.id } });
    return "removed";
  }
  const data = { nasname: router.host, shortname: router.name.slice(0, 64), secret: router.radiusSecret!, description: `router ${router.id}`, updatedAt: new Date() };
  const taken = await db.radiusNas.findFirst({ where: { nasname: router.host, NOT: { routerId: router.id } }, select: { id: true } });
  if (taken) throw radiusAddressTaken(router.host);
  try {
    const existing = await db.radiusNas.findFirst({ where: { routerId: router.id }, select: { id: true } });
    if (existing) await db.radiusNas.update({ where: { id: existing.id }, data });
    else await db.radiusNas.create({ data: { tenantId: db.tenantId, routerId: router.id, ...data } });
  } catch (error) {
    // Another tenant's router holds the address (not visible through this tenant's handle).
    if ((error as { code?: string }).code === "P2002") throw radiusAddressTaken(router.host);
    throw error;
  }
  return "saved";
}

const radiusAddressTaken = (host: string) => new AppError("CONFLICT", { field: "host", host }, "routers.errors.radiusAddressTaken");
