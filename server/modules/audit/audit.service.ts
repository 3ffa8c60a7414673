// recordAudit(db, actor, { action, target, details }): the one way to audit, called by services.
// Given a tenant-scoped handle (or a transaction on one), it writes the tenant's log; tenant-level
// actions (lifecycle, plan, domains, SaaS standing) are copied to the platform log, the only
// audit the super admin reads, with staff shown as "tenant staff". Given the system handle
// (operator actions that belong to no tenant: catalog, operator sign-in), it writes the platform
// log only.
import "server-only";
import { auditName, type Actor } from "@/server/actor/actor";
import type { TenantScope } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { AppError } from "@/server/errors/app-error";
import { PLATFORM_VISIBLE_ACTIONS, type AuditAction } from "./audit.actions";
import { insertAuditEvent, insertPlatformAuditEvent, type PlatformAuditRow } from "./audit.repository";

export type AuditEntry = {
  action: AuditAction;
  target?: { type: string; id: string };
  details?: Prisma.InputJsonValue;
};

const isTenantScoped = (db: TenantScope | SystemDb): db is TenantScope => typeof (db as { tenantId?: unknown }).tenantId === "string";

const ACTOR_TYPE = { user: "user", operator: "platform_admin", system: "system", visitor: "system" } as const;

/** What the super admin may read about who acted inside a tenant: operators by name, staff not. */
function platformLabel(actor: Actor): string {
  if (actor.kind === "operator") return auditName(actor);
  if (actor.kind === "user") return "tenant staff";
  return "system";
}

function platformRow(actor: Actor, entry: AuditEntry, targetTenantId: string | null, label: string): PlatformAuditRow {
  return {
    action: entry.action,
    actorId: actor.kind === "operator" ? actor.userId : null,
    actorLabel: label,
    targetTenantId,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    requestId: actor.requestId,
    // A tenant's people's addresses stay in the tenant's log.
    ip: actor.kind === "operator" || targetTenantId === null ? actor.ip : null,
    details: entry.details,
  };
}

export async function recordAudit(db: TenantScope | SystemDb, actor: Actor, entry: AuditEntry): Promise<void> {
  if (!isTenantScoped(db)) {
    await insertPlatformAuditEvent(db, platformRow(actor, entry, null, auditName(actor)));
    return;
  }
  if (actor.tenantId !== null && actor.tenantId !== db.tenantId) {
    throw new AppError("CROSS_TENANT_WRITE", { model: "AuditEvent", reason: "actor_of_another_tenant" });
  }
  await insertAuditEvent(db, {
    tenantId: db.tenantId,
    actorType: ACTOR_TYPE[actor.kind],
    actorId: actor.userId,
    actorLabel: auditName(actor),
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
    details: entry.details,
  });
  if (PLATFORM_VISIBLE_ACTIONS.has(entry.action)) await insertPlatformAuditEvent(null, platformRow(actor, entry, db.tenantId, platformLabel(actor)));
}
