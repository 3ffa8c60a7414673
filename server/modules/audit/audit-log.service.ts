// Reading the audit logs, page by page (newest first): a tenant's own, and the platform log for
// the console (system handle; platform-audit-log.service.ts shapes it). Writing is audit.service.ts.
import "server-only";
import type { TenantDb } from "@/server/db";
import { AUDIT_ACTIONS } from "./audit.actions";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { findAuditEvents, findPlatformAuditEvents, type PlatformAuditPageQuery } from "./audit.repository";
import { keysetCursor } from "@/server/pagination/keyset-cursor";
import { type TAuditListInput, type TAuditPage, type TAuditRow } from "./audit.schema";

export async function listAuditLog(db: TenantDb, input: TAuditListInput): Promise<TAuditPage> {
  // One row more than asked tells whether another page exists without a count query.
  const rows = await findAuditEvents(db, { after: input.cursor ?? null, take: input.limit + 1, action: input.action });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      label: (AUDIT_ACTIONS as Record<string, string>)[row.action] ?? row.action,
      createdAt: row.createdAt.toISOString(),
      // Prisma's JsonObject allows undefined members; stored JSON never has them.
      details: (row.details ?? null) as TAuditRow["details"],
    })),
    nextCursor: rows.length > input.limit && last ? keysetCursor(last) : null,
  };
}

/** Rows of the platform log (all tenants, or one), newest first. */
export function readPlatformAudit(db: SystemDb, query: PlatformAuditPageQuery) {
  return findPlatformAuditEvents(db, query);
}
