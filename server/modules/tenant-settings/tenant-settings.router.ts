// Tenant settings on the tenant's own host: custom domains (owner/admin) and the two-factor
// policy (owner).
import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { addDomain, listDomains, removeDomain, verifyDomain } from "./domain.service";
import { getSecurityPolicy, setRequireTwoFactor } from "./security-policy.service";
import { getLanguageSettings, setDefaultLocale } from "./language.service";
import { ZCustomDomain, ZDomainInput, ZDomainTarget, ZLanguageSettings, ZSecurityPolicy } from "./tenant-settings.schema";

const domains = requireCapability("tenant.domains");

export const settingsRouter = router({
  securityPolicy: requireCapability("tenant.settings").output(ZSecurityPolicy).query(({ ctx }) => getSecurityPolicy(ctx.db, ctx.actor)),
  setRequireTwoFactor: requireCapability("tenant.security_policy")
    .input(z.boolean())
    .output(ZSecurityPolicy)
    .mutation(({ ctx, input }) => setRequireTwoFactor(ctx.db, ctx.actor, input)),
  language: requireCapability("tenant.settings").output(ZLanguageSettings).query(({ ctx }) => getLanguageSettings(ctx.db)),
  setDefaultLocale: requireCapability("tenant.settings")
    .input(ZLanguageSettings)
    .output(ZLanguageSettings)
    .mutation(({ ctx, input }) => setDefaultLocale(ctx.db, ctx.actor, input.defaultLocale)),
  domains: router({
    list: domains.output(z.array(ZCustomDomain)).query(({ ctx }) => listDomains(ctx.db)),
    add: domains.input(ZDomainInput).output(ZCustomDomain).mutation(({ ctx, input }) => addDomain(ctx.db, ctx.actor, input.domain)),
    verify: domains.input(ZDomainTarget).output(ZCustomDomain).mutation(({ ctx, input }) => verifyDomain(ctx.db, ctx.actor, input.domainId)),
    remove: domains.input(ZDomainTarget).output(z.object({ removed: z.literal(true) })).mutation(({ ctx, input }) => removeDomain(ctx.db, ctx.actor, input.domainId)),
  }),
});
