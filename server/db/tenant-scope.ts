// The one tenant-scoping path. A Prisma query extension that, for every tenant-owned model,
// adds `tenantId` to every filter (including nested connect/update/delete targets) and stamps
// it on every create. The `Tenant` model itself is reduced to the one row of the tenant.
// Compound foreign keys (tenantId, id) in the schema make nested reads and nested creates
// safe by construction. One way out remains: through a platform model (Plan, AddOn) back into
// other tenants (plan -> tenants -> users); relation paths that do that are refused, in
// select/include/where/_count and in nested writes. `$queryRaw` is NOT covered: raw SQL takes
// tenantId by hand.
import "server-only";
import { AppError } from "@/server/errors/app-error";
import type { ModelMeta } from "./model-meta";

type Args = Record<string, unknown>;
const TENANT_MODEL = "Tenant";

const WHERE_OPS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy",
  "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany",
]);
const TENANT_ROW_OPS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy",
  "update", "updateMany", "updateManyAndReturn",
]);

/** Adds a condition without overriding the caller's own filter on the same field. */
function withCondition(where: unknown, condition: Args): Args {
  const base = isObject(where) ? where : {};
  const and = base.AND === undefined ? [] : Array.isArray(base.AND) ? base.AND : [base.AND];
  return { ...base, AND: [...and, condition] };
}

const isObject = (v: unknown): v is Args => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
const eachOf = (v: unknown, fn: (item: unknown) => unknown) => (Array.isArray(v) ? v.map(fn) : fn(v));

export function scopeArgs(meta: ModelMeta, tenantId: string | null, model: string | undefined, operation: string, args: Args | undefined): Args | undefined {
  if (!model) return args; // $queryRaw & co: see the header comment.
  const owned = meta.tenantOwned.has(model);
  if (!owned && model !== TENANT_MODEL) {
    if (tenantId === null) return args; // platform models are fine without a tenant
    throw new AppError("FORBIDDEN", { model, operation, reason: "platform_model" });
  }
  if (tenantId === null) {
    throw new AppError("TENANT_CONTEXT_MISSING", { model, operation });
  }
  guardRelationPaths(meta, model, args);
  const scoped: Args = { ...(args ?? {}) };

  if (model === TENANT_MODEL) {
    if (!TENANT_ROW_OPS.has(operation)) {
      throw new AppError("FORBIDDEN", { model, operation, reason: "system_only" });
    }
    scoped.where = withCondition(scoped.where, { id: tenantId });
    if (scoped.data !== undefined) scoped.data = scopeWriteData(meta, tenantId, model, scoped.data, "update");
    return scoped;
  }

  if (WHERE_OPS.has(operation)) scoped.where = withCondition(scoped.where, { tenantId });
  switch (operation) {
    case "create":
      scoped.data = scopeWriteData(meta, tenantId, model, scoped.data, "create");
      break;
    case "createMany":
    case "createManyAndReturn":
      scoped.data = eachOf(scoped.data, (row) => scopeWriteData(meta, tenantId, model, row, "create"));
      break;
    case "update":
    case "updateMany":
    case "updateManyAndReturn":
      scoped.data = scopeWriteData(meta, tenantId, model, scoped.data, "update");
      break;
    case "upsert":
      scoped.create = scopeWriteData(meta, tenantId, model, scoped.create, "create");
      scoped.update = scopeWriteData(meta, tenantId, model, scoped.update, "update");
      break;
  }
  return scoped;
}

/** Top-level or nested write data of `model`: pin tenantId, scope relation writes. */
function scopeWriteData(meta: ModelMeta, tenantId: string, model: string, data: unknown, mode: "create" | "update"): unknown {
  if (!isObject(data)) return data;
  const out: Args = { ...data };
  const owned = meta.tenantOwned.has(model);
  if (owned && "tenantId" in out && out.tenantId !== tenantId) {
    throw new AppError("CROSS_TENANT_WRITE", { model });
  }
  const relations = meta.relations.get(model);
  for (const [field, value] of Object.entries(out)) {
    const target = relations?.get(field);
    if (!target || !isObject(value)) continue;
    if (target === TENANT_MODEL) {
      out[field] = pinTenantRelation(tenantId, value);
      if (owned && out[field] === undefined) delete out[field];
      continue;
    }
    if (meta.tenantOwned.has(target)) out[field] = scopeRelationWrite(meta, tenantId, target, value);
    else if (Object.keys(value).some((op) => op !== "connect")) {
      // A platform row (a plan, an add-on) can be referred to, never written, from a tenant.
      throw new AppError("FORBIDDEN", { relation: field, reason: "platform_record" });
    }
  }
  if (owned && mode === "create" && !("tenant" in out)) out.tenantId = tenantId;
  if (owned && mode === "update" && "tenantId" in out) delete out.tenantId; // same value: a no-op
  return out;
}

/** A nested write on a relation to `Tenant`: only connecting to the own tenant is allowed. */
function pinTenantRelation(tenantId: string, value: Args): undefined {
  const keys = Object.keys(value);
  const connect = value.connect;
  if (keys.length === 1 && isObject(connect) && Object.keys(connect).length === 1 && connect.id === tenantId) {
    return undefined; // tenantId is stamped instead
  }
  throw new AppError("CROSS_TENANT_WRITE", { relation: "tenant", reason: "nested_tenant_write" });
}

/** Nested operations on a relation whose target is tenant-owned. */
function scopeRelationWrite(meta: ModelMeta, tenantId: string, target: string, ops: Args): Args {
  const where = (w: unknown) => (isObject(w) ? withCondition(w, { tenantId }) : w);
  const data = (d: unknown, mode: "create" | "update") => eachOf(d, (row) => scopeNested(meta, tenantId, target, row, mode));
  const out: Args = {};
  for (const [op, value] of Object.entries(ops)) {
    switch (op) {
      case "connect":
      case "set":
      case "disconnect":
      case "delete":
      case "deleteMany":
        out[op] = eachOf(value, where);
        break;
      case "create":
        out[op] = data(value, "create");
        break;
      case "createMany":
        out[op] = value; // rows inherit tenantId through the compound foreign key
        break;
      case "connectOrCreate":
        out[op] = eachOf(value, (v) => (isObject(v) ? { ...v, where: where(v.where), create: scopeNested(meta, tenantId, target, v.create, "create") } : v));
        break;
      case "update":
      case "updateMany":
        out[op] = eachOf(value, (v) =>
          isObject(v) && "data" in v && Object.keys(v).every((k) => k === "where" || k === "data")
            ? { ...v, ...(v.where !== undefined ? { where: where(v.where) } : {}), data: scopeNested(meta, tenantId, target, v.data, "update") }
            : scopeNested(meta, tenantId, target, v, "update"),
        );
        break;
      case "upsert":
        out[op] = eachOf(value, (v) =>
          isObject(v)
            ? {
                ...v,
                ...(v.where !== undefined ? { where: where(v.where) } : {}),
                create: scopeNested(meta, tenantId, target, v.create, "create"),
                update: scopeNested(meta, tenantId, target, v.update, "update"),
              }
            : v,
        );
        break;
      default:
        out[op] = value;
    }
  }
  return out;
}

/** Data of a nested create/update: walk its relations, never stamp tenantId (the FK carries it). */
function scopeNested(meta: ModelMeta, tenantId: string, model: string, data: unknown, mode: "create" | "update"): unknown {
  if (!isObject(data)) return data;
  const scoped = scopeWriteData(meta, tenantId, model, data, "update") as Args;
  if (mode === "create" && isObject(data) && "tenantId" in data) scoped.tenantId = tenantId;
  return scoped;
}

const LOGICAL = new Set(["AND", "OR", "NOT"]);
const RELATION_FILTERS = new Set(["some", "every", "none", "is", "isNot"]);

/**
 * Refuses reads that step from a platform model back into tenant data (e.g. a tenant's
 * plan -> plan.tenants -> their users): from a tenant-owned model or Tenant every relation
 * stays inside the tenant (compound keys), from a platform model it would not.
 */
function guardRelationPaths(meta: ModelMeta, model: string, args: Args | undefined): void {
  if (!args) return;
  walkShape(meta, model, args.include);
  walkShape(meta, model, args.select);
  walkWhere(meta, model, args.where);
}

function step(meta: ModelMeta, from: string, field: string): string | null {
  const target = meta.relations.get(from)?.get(field);
  if (!target) return null;
  const fromPlatform = !meta.tenantOwned.has(from) && from !== TENANT_MODEL;
  if (fromPlatform && (meta.tenantOwned.has(target) || target === TENANT_MODEL)) {
    throw new AppError("FORBIDDEN", { relation: `${from}.${field}`, reason: "relation_outside_tenant" });
  }
  return target;
}

function walkShape(meta: ModelMeta, model: string, shape: unknown): void {
  if (!isObject(shape)) return;
  for (const [field, value] of Object.entries(shape)) {
    if (field === "_count") {
      const select = isObject(value) && isObject(value.select) ? value.select : {};
      for (const [relation, countArgs] of Object.entries(select)) {
        const target = step(meta, model, relation);
        if (target && isObject(countArgs)) walkWhere(meta, target, countArgs.where);
      }
      continue;
    }
    if (!value) continue;
    const target = step(meta, model, field);
    if (target && isObject(value)) guardRelationPaths(meta, target, value);
  }
}

function walkWhere(meta: ModelMeta, model: string, where: unknown): void {
  if (Array.isArray(where)) return where.forEach((w) => walkWhere(meta, model, w));
  if (!isObject(where)) return;
  for (const [field, value] of Object.entries(where)) {
    if (LOGICAL.has(field)) {
      walkWhere(meta, model, value);
      continue;
    }
    const target = step(meta, model, field);
    if (!target || !isObject(value)) continue;
    const filters = Object.keys(value).filter((k) => RELATION_FILTERS.has(k));
    if (filters.length) for (const k of filters) walkWhere(meta, target, value[k]);
    else walkWhere(meta, target, value);
  }
}

