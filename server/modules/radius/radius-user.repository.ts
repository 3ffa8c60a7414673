// Prisma queries of a user's rows in radcheck / radreply (the per-user rlm_sql tables). The
// tenant comes from the handle; FreeRADIUS reads these rows scoped by the NAS's tenant.
import "server-only";
import type { TenantDb, TenantScope } from "@/server/db";

export type RadiusItemRow = { username: string; attribute: string; op: string; value: string };

export async function listItemsOf(db: TenantScope, usernames: string[]): Promise<{ check: RadiusItemRow[]; reply: RadiusItemRow[] }> {
  const select = { username: true, attribute: true, op: true, value: true } as const;
  const where = { username: { in: usernames } };
  const [check, reply] = await Promise.all([
    db.radiusCheck.findMany({ where, select, orderBy: { id: "asc" } }),
    db.radiusReply.findMany({ where, select, orderBy: { id: "asc" } }),
  ]);
  return { check, reply };
}

/** Every username with a row in radcheck or radreply (the consistency check's other side). */
export async function listUsernamesWithItems(db: TenantDb): Promise<string[]> {
  const [check, reply] = await Promise.all([
    db.radiusCheck.findMany({ select: { username: true }, distinct: ["username"] }),
    db.radiusReply.findMany({ select: { username: true }, distinct: ["username"] }),
  ]);
  return [...new Set([...check, ...reply].map((r) => r.username))];
}

/** The user's rows become exactly these (none: the user is gone from RADIUS). */
export async function replaceItemsOf(tx: TenantScope, username: string, items: { check: RadiusItemRow[]; reply: RadiusItemRow[] }): Promise<void> {
  await tx.radiusCheck.deleteMany({ where: { username } });
  await tx.radiusReply.deleteMany({ where: { username } });
  if (items.check.length) await tx.radiusCheck.createMany({ data: items.check.map((r) => ({ tenantId: tx.tenantId, ...r })) });
  if (items.reply.length) await tx.radiusReply.createMany({ data: items.reply.map((r) => ({ tenantId: tx.tenantId, ...r })) });
}
