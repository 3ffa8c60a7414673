import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { syncPackageProfiles } from "./profile-sync.service";
import { commandLog, healthHistory, pollRouter } from "./router-health.service";
import { createRouter, getRouter, listRouters, removeRouter, routerSummary, testUnsavedConnection, updateRouter } from "./router.service";
import { ZConnectionTestResult, ZCreateRouterInput, ZProfileSyncInput, ZProfileSyncResult, ZRouter, ZRouterDetail, ZRouterList, ZRouterSummary, ZRouterTarget, ZTestConnectionInput, ZUpdateRouterInput } from "./routers.schema";

const read = requireCapability("network.read");
const manage = requireCapability("routers.manage");

export const routersRouter = router({
  list: read.output(ZRouterList).query(({ ctx }) => listRouters(ctx.db)),
  summary: read.output(ZRouterSummary).query(({ ctx }) => routerSummary(ctx.db)),
  get: read
    .input(ZRouterTarget)
    .output(ZRouterDetail)
    .query(async ({ ctx, input }) => {
      const [r, health, commands] = await Promise.all([getRouter(ctx.db, input.id), healthHistory(ctx.db, input.id), commandLog(ctx.db, input.id)]);
      return { router: r, health, commands };
    }),
  create: manage.input(ZCreateRouterInput).output(ZRouter).mutation(({ ctx, input }) => createRouter(ctx.db, ctx.actor, input)),
  update: manage.input(ZUpdateRouterInput).output(ZRouter).mutation(({ ctx, input }) => updateRouter(ctx.db, ctx.actor, input)),
  remove: manage.input(ZRouterTarget).mutation(({ ctx, input }) => removeRouter(ctx.db, ctx.actor, input.id)),
  /** A saved router is tested by polling it now (its health is recorded); unsaved settings on a fresh connection. */
  testConnection: manage
    .input(ZTestConnectionInput)
    .output(ZConnectionTestResult)
    .mutation(({ ctx, input }) => ("id" in input ? pollRouter(ctx.db, input.id) : testUnsavedConnection(input))),
  /** Every active package as the router's profile with its rate limit; dryRun only plans. */
  syncProfiles: requireCapability("network.manage")
    .input(ZProfileSyncInput)
    .output(ZProfileSyncResult)
    .mutation(({ ctx, input }) => syncPackageProfiles(ctx.db, ctx.actor, input)),
});
