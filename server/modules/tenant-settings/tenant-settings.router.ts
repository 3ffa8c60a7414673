// Tenant settings on the tenant's own host: custom domains (owner/admin) and the two-factor
// policy (owner).
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { addDomain, listDomains, removeDomain, verifyDomain } from "./domain.service";
import { getSecurityPolicy, setRequireTwoFactor } from "./security-policy.service";
import { ZCustomDomain, ZDomainInput, ZDomainTarget, ZSecurityPolicy } from "./tenant-settings.schema";
import { tenantActor } from "@/server/trpc/actor";

const domains = requireCapability("tenant.domains");

export const settingsRouter = router({
  securityPolicy: requireCapability("tenant.settings").output(ZSecurityPolicy).query(({ ctx }) => getSecurityPolicy(ctx.db)),
  setRequireTwoFactor: requireCapability("tenant.security_policy")
    .input(z.boolean())
    .output(ZSecurityPolicy)
    .mutation(({ ctx, input }) => setRequireTwoFactor(ctx.db, tenantActor(ctx), input)),
  domains: router({
    list: domains.output(z.array(ZCustomDomain)).query(({ ctx }) => listDomains(ctx.db)),
    add: domains.input(ZDomainInput).output(ZCustomDomain).mutation(({ ctx, input }) => addDomain(ctx.db, tenantActor(ctx), input.domain)),
    verify: domains.input(ZDomainTarget).output(ZCustomDomain).mutation(({ ctx, input }) => verifyDomain(ctx.db, tenantActor(ctx), input.domainId)),
    remove: domains.input(ZDomainTarget).output(z.object({ removed: z.literal(true) })).mutation(({ ctx, input }) => removeDomain(ctx.db, tenantActor(ctx), input.domainId)),
  }),
});
