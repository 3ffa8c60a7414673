// Reading the platform audit log (operator actions and tenant-level events), newest first,
// one keyset page at a time. Writing is recordAudit (server/modules/audit/audit.service.ts).
import "server-only";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { AUDIT_ACTIONS } from "@/server/modules/audit/audit.actions";
import { readPlatformAudit } from "@/server/modules/audit/audit-log.service";
import { keysetCursor } from "@/server/pagination/keyset-cursor";
import { type TPlatformAuditListInput, type TPlatformAuditPage, type TPlatformAuditRow } from "./platform.schema";

export async function listPlatformAudit(db: SystemDb, input: TPlatformAuditListInput): Promise<TPlatformAuditPage> {
  const after = input.cursor ?? null;
  // One row more than asked tells whether another page exists without a count query.
  const rows = await readPlatformAudit(db, { tenantId: input.tenantId, after, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const tenantIds = [...new Set(page.flatMap((r) => (r.targetTenantId ? [r.targetTenantId] : [])))];
  const tenants = new Map(
    (await db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, slug: true, name: true } })).map((t) => [t.id, t]),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const tenant = row.targetTenantId ? tenants.get(row.targetTenantId) : undefined;
      return {
        id: row.id,
        action: row.action,
        label: (AUDIT_ACTIONS as Record<string, string>)[row.action] ?? row.action,
        actorLabel: row.actorLabel,
        tenant: row.targetTenantId ? { id: row.targetTenantId, slug: tenant?.slug ?? null, name: tenant?.name ?? null } : null,
        targetType: row.targetType,
        targetId: row.targetId,
        ip: row.ip,
        requestId: row.requestId,
        createdAt: row.createdAt.toISOString(),
        details: (row.details ?? null) as TPlatformAuditRow["details"],
      };
    }),
    nextCursor: rows.length > input.limit && last ? keysetCursor(last) : null,
  };
}
