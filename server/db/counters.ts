// Per-tenant sequences for human-friendly numbers (customer C-000042, invoice INV/2026/00017).
// One atomic upsert; call it inside the transaction that uses the number, so a rollback takes
// the number back and issued numbers have no gaps.
import "server-only";
import type { TenantScope } from "./index";

type Raw = Pick<TenantScope, "$queryRaw" | "tenantId">;

export async function nextTenantNumber(db: Raw, key: string): Promise<number> {
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO "TenantCounter" ("tenantId", "key", "value") VALUES (${db.tenantId}::uuid, ${key}, 1)
    ON CONFLICT ("tenantId", "key") DO UPDATE SET "value" = "TenantCounter"."value" + 1
    RETURNING "value"`;
  return rows[0]!.value;
}
