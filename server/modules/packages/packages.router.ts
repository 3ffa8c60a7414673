import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { ZPackageInput, ZPackageList, ZPackageTarget, ZRemovePackageResult, ZServicePackage, ZUpdatePackageInput } from "./packages.schema";
import { createPackage, listPackages, removePackage, updatePackage } from "./package.service";

const manage = requireCapability("billing.manage");

export const packagesRouter = router({
  /** Staff who see customers see the packages they are on. */
  list: requireCapability("customers.read").output(ZPackageList).query(({ ctx }) => listPackages(ctx.db)),
  create: manage.input(ZPackageInput).output(ZServicePackage).mutation(({ ctx, input }) => createPackage(ctx.db, ctx.actor, input)),
  update: manage.input(ZUpdatePackageInput).output(ZServicePackage).mutation(({ ctx, input }) => updatePackage(ctx.db, ctx.actor, input)),
  /** Deletes a package never subscribed to; deactivates one that has subscriptions. */
  remove: manage.input(ZPackageTarget).output(ZRemovePackageResult).mutation(({ ctx, input }) => removePackage(ctx.db, ctx.actor, input.id)),
});
