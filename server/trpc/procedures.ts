// Base procedures. Every procedure starts from one of these:
//   publicProcedure       anyone, on any host
//   tenantProcedure       an active tenant's host; ctx.tenant and ctx.db are that tenant's
//   authedProcedure       a tenant host with a signed-in user of that tenant
//   requireRole(...)      authedProcedure limited to some roles (FORBIDDEN otherwise, logged)
import { AppError } from "@/server/errors/app-error";
import type { Role } from "@/server/db/generated/enums";
import { t } from "./init";

export const publicProcedure = t.procedure;

export const tenantProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.tenant) throw new AppError("TENANT_NOT_FOUND", { host: ctx.host.kind });
  if (ctx.tenant.status === "suspended") throw new AppError("TENANT_SUSPENDED", { tenant: ctx.tenant.slug });
  return next({ ctx: { ...ctx, tenant: ctx.tenant } });
});

export const authedProcedure = tenantProcedure.use(({ ctx, next }) => {
  const session = ctx.session;
  if (!session || session.tenantId !== ctx.tenant.id) throw new AppError("AUTH_REQUIRED");
  return next({ ctx: { ...ctx, session } });
});

export function requireRole(...roles: Role[]) {
  return authedProcedure.use(({ ctx, path, next }) => {
    if (!roles.includes(ctx.session.role as Role)) {
      ctx.log.warn({ path, role: ctx.session.role, allowed: roles }, "forbidden call");
      throw new AppError("FORBIDDEN", { required: roles });
    }
    return next();
  });
}
