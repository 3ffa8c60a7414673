// The console's System page (mounted as platform.system by server/trpc/root.ts): platform facts
// only, no tenant data.
import "server-only";
import { router } from "@/server/trpc/init";
import { platformProcedure } from "@/server/trpc/procedures";
import { buildInfo } from "./build-info";
import { checkHealth } from "./health.service";
import { ZSystemStatus } from "./system.schema";

export const systemConsoleRouter = router({
  /** Database, Redis, the worker's last heartbeat and the running build, checked now. */
  status: platformProcedure("platform.system")
    .output(ZSystemStatus)
    .query(async () => ({ ...(await checkHealth()), build: buildInfo(), checkedAt: new Date().toISOString() })),
});
