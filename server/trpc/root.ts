// The application router: one sub-router per domain module.
import { router, createCallerFactory } from "./init";
import { tenantRouter } from "@/server/modules/tenant/tenant.router";
import { identityRouter } from "@/server/modules/identity/identity.router";

export const appRouter = router({
  tenant: tenantRouter,
  identity: identityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
