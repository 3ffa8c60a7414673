import { router } from "@/server/trpc/init";
import "server-only";
import { requireCapability } from "@/server/trpc/procedures";
import { listAuditLog } from "./audit-log.service";
import { ZAuditListInput, ZAuditPage } from "./audit.schema";

export const auditRouter = router({
  /** The tenant's audit log, newest first, one page at a time; optionally one action only. */
  list: requireCapability("audit.read").input(ZAuditListInput).output(ZAuditPage).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
});
