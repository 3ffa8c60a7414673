// What a tenant's dashboard shows about the tenant itself.
import "server-only";
import type { TenantDb } from "@/server/db";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import { userHeadcount } from "@/server/modules/staff/staff.service";
import { ROLES, type TTenantOverview, type TTenantProfile } from "./tenant.schema";

export function toProfile(tenant: TenantSummary): TTenantProfile {
  return { slug: tenant.slug, name: tenant.name, timezone: tenant.timezone };
}

export async function getOverview(db: TenantDb, tenant: TenantSummary): Promise<TTenantOverview> {
  const rows = await userHeadcount(db);
  const byRole = Object.fromEntries(ROLES.map((role) => [role, 0])) as TTenantOverview["users"]["byRole"];
  let total = 0;
  let active = 0;
  for (const row of rows) {
    byRole[row.role] += row.count;
    total += row.count;
    if (row.active) active += row.count;
  }
  return { tenant: toProfile(tenant), users: { total, active, byRole }, generatedAt: new Date().toISOString() };
}
