// The super-admin console's API on admin.<ROOT_DOMAIN>: tenants, catalog, platform audit.
// Every procedure starts from platformProcedure(cap). Outputs are tenant facts and aggregate
// counts only: a test walks this router and checks no tenant's people data comes out.
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { platformProcedure } from "@/server/trpc/procedures";
import type { Context } from "@/server/trpc/context";
import type { PlatformSession } from "./platform-session.service";
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
import { saasBillingConsoleRouter } from "@/server/modules/saas-billing/saas-billing-console.router";
import { changePlan, createTenant, getTenantOrThrow, listTenants, removeTenantDomain, setAddOns, transitionTenant, type PlatformActor } from "./tenants.service";

const actorOf = (ctx: Context & { session: PlatformSession }): PlatformActor => ({
  adminId: ctx.session.adminId,
  email: ctx.session.email,
  requestId: ctx.requestId,
  ip: ctx.ip,
});

const read = platformProcedure("platform.tenants.read");
const manage = platformProcedure("platform.tenants.manage");
const catalog = platformProcedure("platform.catalog.manage");

const transition = (kind: "suspend" | "reactivate" | "archive" | "restore") =>
  manage.input(ZTenantTarget).output(ZTenantDetail).mutation(({ ctx, input }) => transitionTenant(actorOf(ctx), input.tenantId, kind));

export const platformRouter = router({
  tenants: router({
    list: read.input(ZTenantListInput).output(ZTenantPage).query(({ input }) => listTenants(input)),
    get: read.input(ZTenantTarget).output(ZTenantDetail).query(({ input }) => getTenantOrThrow(input.tenantId)),
    /** Returns the first owner's generated password once; only its hash is stored. */
    create: manage.input(ZCreateTenantInput).output(ZCreatedTenant).mutation(({ ctx, input }) => createTenant(actorOf(ctx), input)),
    suspend: transition("suspend"),
    reactivate: transition("reactivate"),
    /** Soft, reversible delete: the tenant's hosts stop answering; restore brings it back. */
    archive: transition("archive"),
    restore: transition("restore"),
    changePlan: manage.input(ZChangePlanInput).output(ZTenantDetail).mutation(({ ctx, input }) => changePlan(actorOf(ctx), input.tenantId, input.planId)),
    setAddOns: manage.input(ZSetAddOnsInput).output(ZTenantDetail).mutation(({ ctx, input }) => setAddOns(actorOf(ctx), input)),
    removeDomain: manage.input(ZRemoveDomainInput).output(ZTenantDetail).mutation(({ ctx, input }) => removeTenantDomain(actorOf(ctx), input.tenantId, input.domainId)),
  }),
  catalog: router({
    listPlans: read.output(z.array(ZPlan)).query(() => listPlans()),
    listAddOns: read.output(z.array(ZAddOn)).query(() => listAddOns()),
    savePlan: catalog.input(ZSavePlanInput).output(ZPlan).mutation(({ ctx, input }) => savePlan(actorOf(ctx), input)),
    saveAddOn: catalog.input(ZSaveAddOnInput).output(ZAddOn).mutation(({ ctx, input }) => saveAddOn(actorOf(ctx), input)),
    /** Deletes an unused item; one in use is deactivated instead. */
    deletePlan: catalog.input(ZCatalogTarget).output(ZCatalogDeleteResult).mutation(({ ctx, input }) => deletePlan(actorOf(ctx), input.id)),
    deleteAddOn: catalog.input(ZCatalogTarget).output(ZCatalogDeleteResult).mutation(({ ctx, input }) => deleteAddOn(actorOf(ctx), input.id)),
  }),
  /** RRNET's own billing of the ISPs (server/modules/saas-billing). */
  saasBilling: saasBillingConsoleRouter,
  audit: router({
    list: platformProcedure("platform.audit.read").input(ZPlatformAuditListInput).output(ZPlatformAuditPage).query(({ input }) => listPlatformAudit(input)),
  }),
});
