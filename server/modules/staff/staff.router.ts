import "server-only";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { ZChangeRoleInput, ZCreateStaffInput, ZStaffList, ZStaffMember, ZStaffTarget, ZStaffWithPassword } from "./staff.schema";
import { changeRole, createStaff, deactivateStaff, listStaff, reactivateStaff, resetStaffPassword } from "./staff.service";

const manage = requireCapability("staff.manage");

export const staffRouter = router({
  list: requireCapability("staff.read").output(ZStaffList).query(({ ctx }) => listStaff(ctx.db, ctx.actor)),
  /** Returns the generated initial password once; it is not stored in clear anywhere. */
  create: manage.input(ZCreateStaffInput).output(ZStaffWithPassword).mutation(({ ctx, input }) => createStaff(ctx.db, ctx.actor, input)),
  changeRole: manage.input(ZChangeRoleInput).output(ZStaffMember).mutation(({ ctx, input }) => changeRole(ctx.db, ctx.actor, input)),
  deactivate: manage.input(ZStaffTarget).output(ZStaffMember).mutation(({ ctx, input }) => deactivateStaff(ctx.db, ctx.actor, input.userId)),
  reactivate: manage.input(ZStaffTarget).output(ZStaffMember).mutation(({ ctx, input }) => reactivateStaff(ctx.db, ctx.actor, input.userId)),
  /** Returns the new password once; the user's sessions end. */
  resetPassword: manage.input(ZStaffTarget).output(ZStaffWithPassword).mutation(({ ctx, input }) => resetStaffPassword(ctx.db, ctx.actor, input.userId)),
});
