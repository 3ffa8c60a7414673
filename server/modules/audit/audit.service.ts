// Recording and reading a tenant's audit log. Tenant-level actions (lifecycle, plan, domains)
// are also written to the platform log, the only audit the super admin can read.
import type { TenantDb, TenantTx } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import { recordPlatformAudit } from "@/server/modules/platform/platform-audit";
import { PLATFORM_VISIBLE_ACTIONS, type AuditAction } from "./audit.actions";

export type AuditActor =
  | { type: "user"; id: string; label: string }
  | { type: "platform_admin"; id: string; label: string }
  | { type: "system"; label?: string }
  | { type: "anonymous"; label: string };

export type AuditEntry = {
  action: AuditAction;
  actor: AuditActor;
  target?: { type: string; id: string };
  requestId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function recordAudit(db: TenantDb | TenantTx, tenantId: string, entry: AuditEntry): Promise<void> {
  const actorId = entry.actor.type === "user" || entry.actor.type === "platform_admin" ? entry.actor.id : null;
  await db.auditEvent.create({
    data: {
      tenantId,
      actorType: entry.actor.type === "anonymous" ? "system" : entry.actor.type,
      actorId,
      actorLabel: entry.actor.label ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
      details: entry.details,
    },
  });
  if (PLATFORM_VISIBLE_ACTIONS.has(entry.action)) {
    await recordPlatformAudit({
      action: entry.action,
      actorId: entry.actor.type === "platform_admin" ? entry.actor.id : null,
      actorLabel: entry.actor.type === "platform_admin" ? entry.actor.label : entry.actor.type === "user" ? "tenant staff" : "system",
      targetTenantId: tenantId,
      targetType: entry.target?.type,
      targetId: entry.target?.id,
      requestId: entry.requestId,
      details: entry.details,
    });
  }
}
