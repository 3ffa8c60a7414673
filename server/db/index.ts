// Application code's door to the database: `forTenant(tenantId)` returns a handle whose every
// query on a tenant-owned model is confined to that tenant (see tenant-scope.ts), and which
// knows its tenant (`db.tenantId`, also inside `db.$transaction(async (tx) => …)`), for raw SQL
// and for creates. Only the edges call forTenant() — the tRPC context, job handlers, endpoints,
// next-auth, system code, the seed; services are given the handle. A handle made with a null
// tenant throws TENANT_CONTEXT_MISSING on any tenant-owned model.
import "server-only";
import { unsafeSystemDb, type SystemDb } from "./unsafe-system-db";
import { readModelMeta, type ModelMeta } from "./model-meta";
import { scopeArgs } from "./tenant-scope";

function scopedClient<T extends string | null>(base: SystemDb, meta: ModelMeta, tenantId: T) {
  return base.$extends({
    name: "tenant-scope",
    client: { tenantId },
    query: {
      $allOperations({ model, operation, args, query }) {
        return query(scopeArgs(meta, tenantId, model, operation, args as Record<string, unknown>) as typeof args);
      },
    },
  });
}

/** A tenant-scoped database handle; `db.tenantId` is its tenant. */
export type TenantDb = ReturnType<typeof scopedClient<string>>;
/** The client inside `db.$transaction(async (tx) => …)` of a tenant-scoped handle (it knows its tenant too). */
export type TenantTx = Parameters<Extract<Parameters<TenantDb["$transaction"]>[0], (...args: never[]) => unknown>>[0];
/** A tenant-scoped handle or a transaction opened on one: what repositories take. */
export type TenantScope = TenantDb | TenantTx;
type NoTenantDb = ReturnType<typeof scopedClient<null>>;

// Extending a client is cheap but not free: keep one scoped client per tenant (bounded).
const MAX_CACHED = 1000;
const holder = globalThis as unknown as { __rrnetScoped?: { meta: ModelMeta; byTenant: Map<string, TenantDb>; none: NoTenantDb } };

function state() {
  if (!holder.__rrnetScoped) {
    const base = unsafeSystemDb();
    const meta = readModelMeta(base);
    holder.__rrnetScoped = { meta, byTenant: new Map(), none: scopedClient(base, meta, null) };
  }
  return holder.__rrnetScoped;
}

export function forTenant(tenantId: string): TenantDb;
/** A handle without a tenant: every tenant-owned model throws TENANT_CONTEXT_MISSING. */
export function forTenant(tenantId: null): NoTenantDb;
export function forTenant(tenantId: string | null): TenantDb | NoTenantDb {
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
