// The consistency check between the network accounts and RADIUS: what every account of the
// tenant must be in radcheck / radreply (the converge's rules) against the rows there, and rows
// of users no account wants. Repair writes only the differing users, through the same sync.
import "server-only";
import type { TenantDb } from "@/server/db";
import { diffRadiusUsers, listRadiusUsernames, syncRadiusUsers, type RadiusDifference } from "@/server/modules/radius/radius-user.service";
import { listAccountsOfTenant } from "./network-account.repository";
import { getIsolationSettings, radiusWanted, routerModes, targetsOf } from "./provisioning.service";

export type RadiusConsistency = { users: number; differences: RadiusDifference[]; repaired: number };

export async function checkRadiusConsistency(db: TenantDb, options: { repair: boolean }): Promise<RadiusConsistency> {
  const accounts = await listAccountsOfTenant(db);
  const settings = await getIsolationSettings(db);
  const [targets, modes, present] = await Promise.all([targetsOf(db, accounts, settings), routerModes(db), listRadiusUsernames(db)]);
  const wanted = radiusWanted(accounts, targets, modes, settings);
  for (const username of present) if (!wanted.has(username)) wanted.set(username, null);
  const differences = await diffRadiusUsers(db, wanted);
  const repaired = options.repair && differences.length ? (await syncRadiusUsers(db, wanted)).length : 0;
  return { users: [...wanted.values()].filter(Boolean).length, differences, repaired };
}
