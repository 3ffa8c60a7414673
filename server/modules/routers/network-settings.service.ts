// The tenant's isolation settings: isolate (walled garden: the isolation profile's rate limit
// and address list, which the onboarding script's firewall rules redirect to the pay page) or
// suspend (the entry disabled: login refused); the profile and address list names.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { findIsolationSettings, updateIsolationSettings } from "./network-account.repository";
import type { TIsolationSettings } from "./network.schema";

export function getNetworkSettings(db: TenantDb): Promise<TIsolationSettings> {
  return findIsolationSettings(db);
}

export async function updateNetworkSettings(db: TenantDb, actor: UserActor, input: TIsolationSettings): Promise<TIsolationSettings> {
  const before = await findIsolationSettings(db);
  await updateIsolationSettings(db, input);
  const changed = (Object.keys(input) as Array<keyof TIsolationSettings>).filter((k) => before[k] !== input[k]);
  if (changed.length) await recordAudit(db, actor, { action: "network.settings_changed", target: { type: "tenant", id: db.tenantId }, details: { fields: changed.join(",") } });
  return findIsolationSettings(db);
}
