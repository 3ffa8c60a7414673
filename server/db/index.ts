// Application code's door to the database: `forTenant(tenantId)` returns a client whose every
// query on a tenant-owned model is confined to that tenant (see tenant-scope.ts). With a null
// tenant, any query on a tenant-owned model throws TENANT_CONTEXT_MISSING.
import { unsafeSystemDb, type SystemDb } from "./unsafe-system-db";
import { readModelMeta, type ModelMeta } from "./model-meta";
import { scopeArgs } from "./tenant-scope";

function scopedClient(base: SystemDb, meta: ModelMeta, tenantId: string | null) {
  return base.$extends({
    name: "tenant-scope",
    query: {
      $allOperations({ model, operation, args, query }) {
        return query(scopeArgs(meta, tenantId, model, operation, args as Record<string, unknown>) as typeof args);
      },
    },
  });
}

export type TenantDb = ReturnType<typeof scopedClient>;

// Extending a client is cheap but not free: keep one scoped client per tenant (bounded).
const MAX_CACHED = 1000;
const holder = globalThis as unknown as { __rrnetScoped?: { meta: ModelMeta; byTenant: Map<string, TenantDb>; none: TenantDb } };

function state() {
  if (!holder.__rrnetScoped) {
    const base = unsafeSystemDb();
    const meta = readModelMeta(base);
    holder.__rrnetScoped = { meta, byTenant: new Map(), none: scopedClient(base, meta, null) };
  }
  return holder.__rrnetScoped;
}

export function forTenant(tenantId: string | null): TenantDb {
  const s = state();
  if (tenantId === null) return s.none;
  let db = s.byTenant.get(tenantId);
  if (!db) {
    if (s.byTenant.size >= MAX_CACHED) s.byTenant.delete(s.byTenant.keys().next().value!);
    db = scopedClient(unsafeSystemDb(), s.meta, tenantId);
    s.byTenant.set(tenantId, db);
  }
  return db;
}

export function tenantModels(): ReadonlySet<string> {
  return state().meta.tenantOwned;
}

/** The client inside `db.$transaction(async (tx) => …)` of a tenant-scoped client. */
export type TenantTx = Parameters<Extract<Parameters<TenantDb["$transaction"]>[0], (...args: never[]) => unknown>>[0];
