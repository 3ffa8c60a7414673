// The tenant's two-factor policy: when the owner requires it, every staff user without 2FA can
// only reach the account security page until they set it up (see session.service.ts). The owner
// turning it on must have set it up first (otherwise they would lock themselves out too); the
// policy names who else it will stop, so the page can say so before it applies.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { hasTwoFactor, staffWithoutTwoFactor } from "@/server/modules/staff/staff.service";
import { publishTenantChange } from "@/server/tenancy/tenant-directory";
import type { TSecurityPolicy } from "./tenant-settings.schema";

export async function getSecurityPolicy(db: TenantDb, actor: UserActor): Promise<TSecurityPolicy> {
  const [tenant, without, self] = await Promise.all([db.tenant.findFirst({ select: { requireTwoFactor: true } }), staffWithoutTwoFactor(db), hasTwoFactor(db, actor.userId)]);
  if (!tenant) throw new AppError("TENANT_NOT_FOUND");
  return { requireTwoFactor: tenant.requireTwoFactor, staffWithoutTwoFactor: without.count, withoutTwoFactor: without.people, selfHasTwoFactor: self };
}

export async function setRequireTwoFactor(db: TenantDb, actor: UserActor, requireTwoFactor: boolean): Promise<TSecurityPolicy> {
  if (requireTwoFactor && !(await hasTwoFactor(db, actor.userId))) {
    throw new AppError("CONFLICT", { reason: "enroll_first" }, "settings.errors.enrollFirst");
  }
  // The tenant scope pins Tenant updates to the own row whatever the where says.
  const before = await db.tenant.findFirst({ select: { requireTwoFactor: true } });
  await db.tenant.update({ where: { id: db.tenantId }, data: { requireTwoFactor } });
  // The tenant directory caches requireTwoFactor: every process drops it now.
  await publishTenantChange(db.tenantId);
  if (before?.requireTwoFactor !== requireTwoFactor) {
    await recordAudit(db, actor, { action: "tenant.security_policy_changed", target: { type: "tenant", id: db.tenantId }, details: { requireTwoFactor } });
  }
  return getSecurityPolicy(db, actor);
}
