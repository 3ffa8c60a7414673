// The fold of radacct into radius_usage_days as one statement (see usage.service): the sessions
// with octets not folded yet, locked, marked folded up to their counters, and their new octets
// added to their users' days in the tenant's zone. Scoped by tenant_id in the first WHERE.
import "server-only";
import type { TenantDb } from "@/server/db";

/** Folds up to `limit` sessions; returns how many it folded. */
export async function foldUsageBatch(db: TenantDb, timeZone: string, limit: number): Promise<number> {
  const rows = await db.$queryRaw<Array<{ sessions: bigint }>>`
      WITH due AS (
        SELECT radacctid, username,
          (COALESCE(acctupdatetime, acctstarttime, now()) AT TIME ZONE ${timeZone})::date AS day,
          GREATEST(COALESCE(acctinputoctets, 0) - usage_input_folded, 0) AS input_delta,
          GREATEST(COALESCE(acctoutputoctets, 0) - usage_output_folded, 0) AS output_delta,
          COALESCE(acctinputoctets, 0) AS input_total, COALESCE(acctoutputoctets, 0) AS output_total
        FROM radacct
        WHERE tenant_id = ${db.tenantId}::uuid AND (acctinputoctets > usage_input_folded OR acctoutputoctets > usage_output_folded)
        ORDER BY radacctid
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ), marked AS (
        UPDATE radacct r SET usage_input_folded = due.input_total, usage_output_folded = due.output_total
        FROM due WHERE r.radacctid = due.radacctid AND r.tenant_id = ${db.tenantId}::uuid
        RETURNING r.radacctid
      ), added AS (
        INSERT INTO radius_usage_days (tenant_id, username, day, input_octets, output_octets, updated_at)
        SELECT ${db.tenantId}::uuid, username, day, SUM(input_delta), SUM(output_delta), now() FROM due GROUP BY username, day
        ON CONFLICT (tenant_id, username, day) DO UPDATE SET
          input_octets = radius_usage_days.input_octets + EXCLUDED.input_octets,
          output_octets = radius_usage_days.output_octets + EXCLUDED.output_octets,
          updated_at = now()
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM marked) AS sessions`;
  return Number(rows[0]?.sessions ?? 0);
}
