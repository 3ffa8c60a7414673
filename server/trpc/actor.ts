// The acting staff user of a signed-in tenant procedure, for services (rules + audit).
import type { TenantActor } from "@/server/modules/audit/actor";
import type { TenantSession } from "@/server/modules/identity/session.service";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import type { Context } from "./context";

export function tenantActor(ctx: Context & { tenant: TenantSummary; session: TenantSession }): TenantActor {
  return { tenantId: ctx.tenant.id, userId: ctx.session.userId, role: ctx.session.role, email: ctx.session.email, requestId: ctx.requestId, ip: ctx.ip };
}
