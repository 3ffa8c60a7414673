// The super-admin console's API on admin.<ROOT_DOMAIN>: tenants, catalog, platform audit
// (mounted as `platform` by server/trpc/root.ts, beside SaaS billing's console procedures).
// Every procedure starts from platformProcedure(cap). Outputs are tenant facts and aggregate
// counts only: a test walks the router and checks no tenant's people data comes out.
import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { platformProcedure } from "@/server/trpc/procedures";
import { deleteAddOn, deletePlan, listAddOns, listPlans, saveAddOn, savePlan } from "./catalog.service";
import { listPlatformAudit } from "./platform-audit-log.service";
import {
  ZAddOn,
  ZCatalogDeleteResult,
  ZCatalogTarget,
  ZChangePlanInput,
  ZCreateTenantInput,
  ZCreatedTenant,
  ZPlan,
  ZPlatformAuditListInput,
  ZPlatformAuditPage,
  ZRemoveDomainInput,
  ZSaveAddOnInput,
  ZSavePlanInput,
  ZSetAddOnsInput,
  ZTenantDetail,
  ZTenantListInput,
  ZTenantPage,
  ZTenantTarget,
} from "./platform.schema";
import { changePlan, createTenant, getTenantOrThrow, listTenants, removeTenantDomain, setAddOns, transitionTenant } from "./tenants.service";

const read = platformProcedure("platform.tenants.read");
const manage = platformProcedure("platform.tenants.manage");
const catalog = platformProcedure("platform.catalog.manage");

const transition = (kind: "suspend" | "reactivate" | "archive" | "restore") =>
  manage.input(ZTenantTarget).output(ZTenantDetail).mutation(({ ctx, input }) => transitionTenant(ctx.db, ctx.actor, { tenantId: input.tenantId, kind }));

/** The console's sub-routers; root.ts adds SaaS billing's (`platform.saasBilling`). */
export const platformRoutes = {
  tenants: router({
    list: read.input(ZTenantListInput).output(ZTenantPage).query(({ ctx, input }) => listTenants(ctx.db, input)),
    get: read.input(ZTenantTarget).output(ZTenantDetail).query(({ ctx, input }) => getTenantOrThrow(ctx.db, input.tenantId)),
    /** Returns the first owner's generated password once; only its hash is stored. */
    create: manage.input(ZCreateTenantInput).output(ZCreatedTenant).mutation(({ ctx, input }) => createTenant(ctx.db, ctx.actor, input)),
    suspend: transition("suspend"),
    reactivate: transition("reactivate"),
    /** Soft, reversible delete: the tenant's hosts stop answering; restore brings it back. */
    archive: transition("archive"),
    restore: transition("restore"),
    changePlan: manage.input(ZChangePlanInput).output(ZTenantDetail).mutation(({ ctx, input }) => changePlan(ctx.db, ctx.actor, input)),
    setAddOns: manage.input(ZSetAddOnsInput).output(ZTenantDetail).mutation(({ ctx, input }) => setAddOns(ctx.db, ctx.actor, input)),
    removeDomain: manage.input(ZRemoveDomainInput).output(ZTenantDetail).mutation(({ ctx, input }) => removeTenantDomain(ctx.db, ctx.actor, input)),
  }),
  catalog: router({
    listPlans: read.output(z.array(ZPlan)).query(({ ctx }) => listPlans(ctx.db)),
    listAddOns: read.output(z.array(ZAddOn)).query(({ ctx }) => listAddOns(ctx.db)),
    savePlan: catalog.input(ZSavePlanInput).output(ZPlan).mutation(({ ctx, input }) => savePlan(ctx.db, ctx.actor, input)),
    saveAddOn: catalog.input(ZSaveAddOnInput).output(ZAddOn).mutation(({ ctx, input }) => saveAddOn(ctx.db, ctx.actor, input)),
    /** Deletes an unused item; one in use is deactivated instead. */
    deletePlan: catalog.input(ZCatalogTarget).output(ZCatalogDeleteResult).mutation(({ ctx, input }) => deletePlan(ctx.db, ctx.actor, input.id)),
    deleteAddOn: catalog.input(ZCatalogTarget).output(ZCatalogDeleteResult).mutation(({ ctx, input }) => deleteAddOn(ctx.db, ctx.actor, input.id)),
  }),
  audit: router({
    list: platformProcedure("platform.audit.read").input(ZPlatformAuditListInput).output(ZPlatformAuditPage).query(({ ctx, input }) => listPlatformAudit(ctx.db, input)),
  }),
};
