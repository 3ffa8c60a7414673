import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability, requireFeature } from "@/server/trpc/procedures";
import { attendancePhoto, clockIn, clockOut, listAttendance, monthlyRecap, myAttendance, myToday, reviewAttendance } from "./attendance.service";
import { createEmployee, getEmployee, listEmployees, updateEmployee } from "./employee.service";
import { getHrSettings, listShifts, saveHrSettings, saveShift } from "./hr-settings.service";
import {
  ZAttendanceDay,
  ZAttendanceListInput,
  ZClockInput,
  ZCreateEmployeeInput,
  ZDecideLeaveInput,
  ZEmployee,
  ZEmployeeSummary,
  ZEmployeeTarget,
  ZHrSettings,
  ZLeaveBalance,
  ZLeaveListInput,
  ZLeaveRequest,
  ZMyToday,
  ZRecapInput,
  ZRecapRow,
  ZRequestLeaveInput,
  ZReviewAttendanceInput,
  ZSaveShiftInput,
  ZShift,
  ZUpdateEmployeeInput,
} from "./hr.schema";
import { cancelOwnLeave, decideLeave, leaveDocument, listLeave, myLeave, requestLeave } from "./leave.service";

// Every HR procedure needs the plan's "hr" feature.
const read = requireCapability("hr.read").use(requireFeature("hr"));
const manage = requireCapability("hr.manage").use(requireFeature("hr"));
const self = requireCapability("hr.self").use(requireFeature("hr"));
const ZId = z.object({ id: z.uuid() });

export const hrRouter = router({
  employees: router({
    list: read.output(z.array(ZEmployeeSummary)).query(({ ctx }) => listEmployees(ctx.db)),
    /** Sealed fields opened, salary included: audited unless it is the viewer's own record. */
    get: read.input(ZEmployeeTarget).output(ZEmployee).query(({ ctx, input }) => getEmployee(ctx.db, ctx.actor, input.id)),
    create: manage.input(ZCreateEmployeeInput).output(ZEmployeeSummary).mutation(({ ctx, input }) => createEmployee(ctx.db, ctx.actor, input)),
    update: manage.input(ZUpdateEmployeeInput).output(ZEmployeeSummary).mutation(({ ctx, input }) => updateEmployee(ctx.db, ctx.actor, input)),
  }),
  settings: router({
    get: read.output(ZHrSettings).query(({ ctx }) => getHrSettings(ctx.db)),
    save: manage.input(ZHrSettings).output(ZHrSettings).mutation(({ ctx, input }) => saveHrSettings(ctx.db, ctx.actor, input)),
    shifts: read.output(z.array(ZShift)).query(({ ctx }) => listShifts(ctx.db)),
    saveShift: manage.input(ZSaveShiftInput).output(ZShift).mutation(({ ctx, input }) => saveShift(ctx.db, ctx.actor, input)),
  }),
  attendance: router({
    list: read.input(ZAttendanceListInput).output(z.array(ZAttendanceDay)).query(({ ctx, input }) => listAttendance(ctx.db, input)),
    review: manage.input(ZReviewAttendanceInput).output(ZAttendanceDay).mutation(({ ctx, input }) => reviewAttendance(ctx.db, ctx.actor, input)),
    recap: read.input(ZRecapInput).output(z.array(ZRecapRow)).query(({ ctx, input }) => monthlyRecap(ctx.db, input.period)),
    photo: read.input(ZId).output(z.string()).query(({ ctx, input }) => attendancePhoto(ctx.db, ctx.actor, input.id, true)),
  }),
  leave: router({
    list: read.input(ZLeaveListInput).output(z.array(ZLeaveRequest)).query(({ ctx, input }) => listLeave(ctx.db, input)),
    decide: manage.input(ZDecideLeaveInput).output(ZLeaveRequest).mutation(({ ctx, input }) => decideLeave(ctx.db, ctx.actor, input)),
    document: read.input(ZId).output(z.string()).query(({ ctx, input }) => leaveDocument(ctx.db, ctx.actor, input.id, true)),
  }),
  /** The signed-in staff member's own attendance and leave (hr.self: own rows only). */
  me: router({
    today: self.output(ZMyToday).query(({ ctx }) => myToday(ctx.db, ctx.actor)),
    clockIn: self.input(ZClockInput).output(ZAttendanceDay).mutation(({ ctx, input }) => clockIn(ctx.db, ctx.actor, input)),
    clockOut: self.input(ZClockInput).output(ZAttendanceDay).mutation(({ ctx, input }) => clockOut(ctx.db, ctx.actor, input)),
    attendance: self.input(ZRecapInput).output(z.array(ZAttendanceDay)).query(({ ctx, input }) => myAttendance(ctx.db, ctx.actor, input.period)),
    photo: self.input(ZId).output(z.string()).query(({ ctx, input }) => attendancePhoto(ctx.db, ctx.actor, input.id, false)),
    leave: self.input(z.object({ year: z.number().int().min(2000).max(2100) })).output(z.object({ balance: ZLeaveBalance.nullable(), requests: z.array(ZLeaveRequest) })).query(({ ctx, input }) => myLeave(ctx.db, ctx.actor, input.year)),
    requestLeave: self.input(ZRequestLeaveInput).output(ZLeaveRequest).mutation(({ ctx, input }) => requestLeave(ctx.db, ctx.actor, input)),
    cancelLeave: self.input(ZId).output(ZLeaveRequest).mutation(({ ctx, input }) => cancelOwnLeave(ctx.db, ctx.actor, input.id)),
    leaveDocument: self.input(ZId).output(z.string()).query(({ ctx, input }) => leaveDocument(ctx.db, ctx.actor, input.id, false)),
  }),
});
