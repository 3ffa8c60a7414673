// Writes to the platform audit log (system code: not tenant-scoped).
import type { Prisma } from "@/server/db/generated/client";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import type { AuditAction } from "@/server/modules/audit/audit.actions";

export type PlatformAuditInput = {
  action: AuditAction;
  actorId?: string | null;
  actorLabel?: string | null;
  targetTenantId?: string | null;
  targetType?: string;
  targetId?: string;
  requestId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function recordPlatformAudit(input: PlatformAuditInput): Promise<void> {
  await unsafeSystemDb().platformAuditEvent.create({ data: input });
}
