// The tenant's isolation settings: isolate (walled garden: the isolation profile's rate limit
// and address list, which the onboarding script's firewall rules redirect to the pay page) or
// suspend (the entry disabled: login refused); the profile and address list names; the page the
// walled garden redirects to (the ISP's own RRNET host unless another pay page is set).
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { tenantOrigin } from "@/server/modules/billing/gateway/gateway.service";
import { findIsolationSettings, updateIsolationSettings } from "./network-account.repository";
import type { TIsolationSettings, TNetworkSettings } from "./network.schema";

/** Where isolated customers land when no other pay page is set: the ISP's RRNET host. */
export function defaultPayPageUrl(slug: string): string {
  return `${tenantOrigin(slug)}/`;
}

export async function getNetworkSettings(db: TenantDb): Promise<TNetworkSettings> {
  const [settings, tenant] = await Promise.all([findIsolationSettings(db), db.tenant.findFirstOrThrow({ select: { slug: true } })]);
  return { ...settings, defaultRedirectUrl: defaultPayPageUrl(tenant.slug) };
}

export async function updateNetworkSettings(db: TenantDb, actor: UserActor, input: TIsolationSettings): Promise<TNetworkSettings> {
  const before = await findIsolationSettings(db);
  await updateIsolationSettings(db, input);
  const changed = (Object.keys(input) as Array<keyof TIsolationSettings>).filter((k) => before[k] !== input[k]);
  if (changed.length) await recordAudit(db, actor, { action: "network.settings_changed", target: { type: "tenant", id: db.tenantId }, details: { fields: changed.join(",") } });
  return getNetworkSettings(db);
}
