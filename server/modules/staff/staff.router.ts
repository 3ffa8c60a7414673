import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import type { Context } from "@/server/trpc/context";
import type { TenantSession } from "@/server/modules/identity/session.service";
import type { TenantSummary } from "@/server/tenancy/tenant-directory";
import { ZChangeRoleInput, ZCreateStaffInput, ZStaffList, ZStaffMember, ZStaffTarget, ZStaffWithPassword } from "./staff.schema";
import { changeRole, createStaff, deactivateStaff, listStaff, reactivateStaff, resetStaffPassword, type StaffActor } from "./staff.service";

const actorOf = (ctx: Context & { tenant: TenantSummary; session: TenantSession }): StaffActor => ({
  tenantId: ctx.tenant.id,
  userId: ctx.session.userId,
  role: ctx.session.role,
  email: ctx.session.email,
  requestId: ctx.requestId,
  ip: ctx.ip,
});

const manage = requireCapability("staff.manage");

export const staffRouter = router({
  list: requireCapability("staff.read").output(ZStaffList).query(({ ctx }) => listStaff(ctx.db, actorOf(ctx))),
  /** Returns the generated initial password once; it is not stored in clear anywhere. */
  create: manage.input(ZCreateStaffInput).output(ZStaffWithPassword).mutation(({ ctx, input }) => createStaff(ctx.db, actorOf(ctx), input)),
  changeRole: manage.input(ZChangeRoleInput).output(ZStaffMember).mutation(({ ctx, input }) => changeRole(ctx.db, actorOf(ctx), input)),
  deactivate: manage.input(ZStaffTarget).output(ZStaffMember).mutation(({ ctx, input }) => deactivateStaff(ctx.db, actorOf(ctx), input.userId)),
  reactivate: manage.input(ZStaffTarget).output(ZStaffMember).mutation(({ ctx, input }) => reactivateStaff(ctx.db, actorOf(ctx), input.userId)),
  /** Returns the new password once; the user's sessions end. */
  resetPassword: manage.input(ZStaffTarget).output(ZStaffWithPassword).mutation(({ ctx, input }) => resetStaffPassword(ctx.db, actorOf(ctx), input.userId)),
});
