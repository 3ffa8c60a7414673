import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import type { Context } from "@/server/trpc/context";
import type { TenantSession } from "@/server/modules/identity/session.service";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import { ZPackageInput, ZPackageList, ZPackageTarget, ZRemovePackageResult, ZServicePackage, ZUpdatePackageInput } from "./packages.schema";
import { createPackage, listPackages, removePackage, updatePackage, type PackageActor } from "./package.service";

const actorOf = (ctx: Context & { tenant: TenantSummary; session: TenantSession }): PackageActor => ({
  tenantId: ctx.tenant.id,
  userId: ctx.session.userId,
  role: ctx.session.role,
  email: ctx.session.email,
  requestId: ctx.requestId,
  ip: ctx.ip,
});

const manage = requireCapability("billing.manage");

export const packagesRouter = router({
  /** Staff who see customers see the packages they are on. */
  list: requireCapability("customers.read").output(ZPackageList).query(({ ctx }) => listPackages(ctx.db)),
  create: manage.input(ZPackageInput).output(ZServicePackage).mutation(({ ctx, input }) => createPackage(ctx.db, actorOf(ctx), input)),
  update: manage.input(ZUpdatePackageInput).output(ZServicePackage).mutation(({ ctx, input }) => updatePackage(ctx.db, actorOf(ctx), input)),
  /** Deletes a package never subscribed to; deactivates one that has subscriptions. */
  remove: manage.input(ZPackageTarget).output(ZRemovePackageResult).mutation(({ ctx, input }) => removePackage(ctx.db, actorOf(ctx), input.id)),
});
