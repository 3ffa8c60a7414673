// SQL of isolation: the set-based statement that isolates a tenant's customers with overdue
// invoices, records their desired network state and writes their events, all at once.
import "server-only";
import { currentTraceJson } from "@/server/telemetry/job-trace";
import type { TenantTx } from "@/server/db";
import { customerIsolated } from "./billing.events";

/** Isolates every active customer with an overdue invoice; returns how many. Already isolated ones are left alone. */
export async function isolateOverdueCustomers(tx: TenantTx, input: { reason: string; now: Date }): Promise<number> {
  const { reason, now } = input;
  const tenantId = tx.tenantId;
  const rows = await tx.$queryRaw<{ n: number }[]>`
    WITH target AS (
      UPDATE "Customer" c SET status = 'isolated', "updatedAt" = ${now}
      WHERE c."tenantId" = ${tenantId}::uuid AND c.status = 'active'
        AND EXISTS (SELECT 1 FROM "Invoice" i WHERE i."tenantId" = ${tenantId}::uuid AND i."customerId" = c.id AND i.status = 'overdue')
      RETURNING c.id
    ),
    state AS (
      INSERT INTO "CustomerNetworkState" ("id", "tenantId", "customerId", "desired", "reason", "changedAt")
      SELECT gen_random_uuid(), ${tenantId}::uuid, target.id, 'isolated', ${reason}, ${now} FROM target
      ON CONFLICT ("tenantId", "customerId") DO UPDATE SET "desired" = 'isolated', "reason" = EXCLUDED."reason", "changedAt" = EXCLUDED."changedAt", "appliedAt" = NULL
      RETURNING 1
    ),
    events AS (
      INSERT INTO "OutboxEvent" ("id", "tenantId", "type", "payload", "trace")
      SELECT gen_random_uuid(), ${tenantId}::uuid, ${customerIsolated.type}, jsonb_build_object('customerId', target.id, 'reason', ${reason}::text), ${currentTraceJson()}::jsonb
      FROM target
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM target`;
  return rows[0]!.n;
}
