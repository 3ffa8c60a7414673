// The one tenant-scoping path. A Prisma query extension that, for every tenant-owned model,
// adds `tenantId` to every filter (including nested connect/update/delete targets) and stamps
// it on every create. The `Tenant` model itself is reduced to the one row of the tenant.
// Compound foreign keys (tenantId, id) in the schema make nested reads and nested creates
// safe by construction; `$queryRaw` is NOT covered: raw SQL takes tenantId by hand.
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
    throw new AppError("FORBIDDEN", { model, operation }, `${model} is not reachable from a tenant's database handle`);
  }
  if (tenantId === null) {
    throw new AppError("TENANT_CONTEXT_MISSING", { model, operation }, `${model}.${operation} needs a tenant context`);
  }
  const scoped: Args = { ...(args ?? {}) };

  if (model === TENANT_MODEL) {
    if (!TENANT_ROW_OPS.has(operation)) {
      throw new AppError("FORBIDDEN", { model, operation }, `Tenant.${operation} is system-only`);
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
    throw new AppError("CROSS_TENANT_WRITE", { model }, `${model}.tenantId cannot be set to another tenant`);
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
  throw new AppError("CROSS_TENANT_WRITE", { relation: "tenant" }, "Nested writes to Tenant are not allowed here");
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
