// HR end to end through the real router and services: sealed employee fields, audited views of
// salaries, privacy (the operator console and every role but hr/owner see nothing; a staff member
// only their own), clock-in flags in the tenant's zone, leave balances and their effect on the
// recap. Payroll runs: server/modules/payroll/__tests__/payroll-run.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userActor } from "@/server/actor/actor";
import { platformCaller, userWithRole } from "@/server/testing/callers";
import { failure } from "@/server/testing/errors";
import { employeeInput, hrTenant, loadPayrollRules } from "@/server/testing/hr";
import { closeConnections } from "@/server/testing/lifecycle";
import { clockIn, clockOut, monthlyRecap } from "../attendance.service";

beforeAll(loadPayrollRules);
afterAll(closeConnections);

// A 1×1 PNG.
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

describe("employee records", () => {
  it("seal NIK, NPWP, bank account and BPJS numbers at rest and open them only in the full record", async () => {
    const { hr, db } = await hrTenant("hr-seal");
    const created = await hr.caller.hr.employees.create(employeeInput());
    const row = await db.employee.findFirstOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain("3273014501900001");
    expect(JSON.stringify(row)).not.toContain("8800123456");
    expect(JSON.stringify(await hr.caller.hr.employees.list())).not.toContain("3273014501900001");
    const full = await hr.caller.hr.employees.get({ id: created.id });
    expect([full.nik, full.bankAccount, full.bpjsKesehatanNo, full.baseSalaryIdr]).toEqual(["3273014501900001", "8800123456", "0001234567890", 10_000_000]);
  });

  it("audits a view of someone else's record, not of one's own", async () => {
    const { hr, db } = await hrTenant("hr-audit");
    const other = await hr.caller.hr.employees.create(employeeInput());
    const own = await hr.caller.hr.employees.create(employeeInput({ employeeNo: "E-2", userId: hr.user.id }));
    await hr.caller.hr.employees.get({ id: other.id });
    await hr.caller.hr.employees.get({ id: own.id });
    const views = await db.auditEvent.findMany({ where: { action: "hr.employee_viewed" } });
    expect(views.map((v) => v.targetId)).toEqual([other.id]);
  });

  it("refuses a second employee with the same number", async () => {
    const { hr } = await hrTenant("hr-dup");
    await hr.caller.hr.employees.create(employeeInput());
    expect((await failure(hr.caller.hr.employees.create(employeeInput()))).code).toBe("CONFLICT");
  });
});

describe("privacy", () => {
  it("refuses every HR and payroll read to admin, finance, technician and collector", async () => {
    const { tenant, hr } = await hrTenant("hr-priv");
    const e = await hr.caller.hr.employees.create(employeeInput());
    for (const role of ["admin", "finance", "technician", "collector"] as const) {
      const { caller } = await userWithRole(tenant, role);
      for (const call of [() => caller.hr.employees.list(), () => caller.hr.employees.get({ id: e.id }), () => caller.hr.attendance.recap({ period: "2026-03" }), () => caller.hr.leave.list({}), () => caller.payroll.runs.list(), () => caller.payroll.summary({ period: "2026-03" })]) {
        const error = await failure(call());
        expect([role, error.code]).toEqual([role, "FORBIDDEN"]);
      }
    }
  });

  it("gives the operator console no HR procedure, and its tenant figures no HR data", async () => {
    const { caller } = await platformCaller();
    expect(Object.keys(caller.platform)).not.toContain("hr");
    expect((await failure(caller.hr.employees.list())).code).toMatch(/TENANT_NOT_FOUND|AUTH_REQUIRED|FORBIDDEN/);
    expect((await failure(caller.payroll.runs.list())).code).toMatch(/TENANT_NOT_FOUND|AUTH_REQUIRED|FORBIDDEN/);
  });

  it("shows another tenant's employee to nobody", async () => {
    const a = await hrTenant("hr-x-a");
    const b = await hrTenant("hr-x-b");
    const e = await a.hr.caller.hr.employees.create(employeeInput());
    expect((await failure(b.hr.caller.hr.employees.get({ id: e.id }))).code).toBe("NOT_FOUND");
    expect(await b.hr.caller.hr.employees.list()).toEqual([]);
  });
});

describe("clocking in", () => {
  it("flags outside-the-fence and missing-selfie entries for review instead of refusing them, in the tenant's zone (WITA)", async () => {
    const { tenant, hr, staff, db } = await hrTenant("hr-clock", "Asia/Makassar");
    await hr.caller.hr.settings.save({ officeName: "Kantor", officeLat: -8.65, officeLng: 115.2167, geofenceRadiusM: 100, graceMinutes: 5, minimumWageIdr: 0, thrMonth: null, thrHolidayDate: null });
    const shift = await hr.caller.hr.settings.saveShift({ name: "Kantor", startMinute: 8 * 60, endMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5] });
    await hr.caller.hr.employees.create(employeeInput({ userId: staff.user.id, shiftId: shift.id }));
    const actor = userActor({ tenantId: tenant.id, userId: staff.user.id, role: "technician", email: staff.user.email, name: staff.user.name });
    // 08:30 WITA on Tuesday 10 March 2026, 2 km from the office, no selfie.
    const day = await clockIn(db, actor, { position: { lat: -8.668, lng: 115.2167, accuracyM: 15 }, selfie: null }, new Date("2026-03-10T00:30:00Z"));
    expect({ workDate: day.workDate, flags: day.flags, review: day.review, late: day.lateMinutes }).toEqual({ workDate: "2026-03-10", flags: ["outside_geofence", "missing_selfie"], review: "flagged", late: 30 });
    const out = await clockOut(db, actor, { position: { lat: -8.6501, lng: 115.2167, accuracyM: 10 }, selfie: PNG }, new Date("2026-03-10T08:40:00Z"));
    expect({ early: out.earlyLeaveMinutes, photo: out.clockOutPhotoId !== null }).toEqual({ early: 20, photo: true });
    expect((await failure(clockIn(db, actor, { position: null, selfie: PNG }, new Date("2026-03-10T01:00:00Z")))).code).toBe("CONFLICT");
    const flagged = await hr.caller.hr.attendance.list({ from: "2026-03-01", to: "2026-03-31", onlyFlagged: true });
    expect(flagged.map((d) => d.id)).toEqual([day.id]);
    const corrected = await hr.caller.hr.attendance.review({ id: day.id, decision: "correct", clockIn: "08:02", note: "GPS melenceng, dicek CCTV" });
    expect({ review: corrected.review, late: corrected.lateMinutes }).toEqual({ review: "corrected", late: 0 });
    expect(await db.auditEvent.count({ where: { action: "hr.attendance_corrected", targetId: day.id } })).toBe(1);
  });

  it("accepts the site of a work order assigned for that day as a geofence, and still flags a clock-in far from both", async () => {
    const { tenant, hr, staff, db } = await hrTenant("hr-site", "Asia/Makassar");
    const owner = await userWithRole(tenant, "owner");
    await hr.caller.hr.settings.save({ officeName: "Kantor", officeLat: -8.65, officeLng: 115.2167, geofenceRadiusM: 100, graceMinutes: 5, minimumWageIdr: 0, thrMonth: null, thrHolidayDate: null });
    await hr.caller.hr.employees.create(employeeInput({ userId: staff.user.id }));
    const actor = userActor({ tenantId: tenant.id, userId: staff.user.id, role: "technician", email: staff.user.email, name: staff.user.name });
    // An installation 2 km from the office, scheduled for 09:00 WITA on 10 March 2026.
    await owner.caller.workOrders.create({ kind: "installation", title: "Pasang baru", latitude: -8.668, longitude: 115.2167, scheduledAt: "2026-03-10T01:00:00.000Z", assigneeIds: [staff.user.id] });
    const atSite = await clockIn(db, actor, { position: { lat: -8.6681, lng: 115.2167, accuracyM: 10 }, selfie: PNG }, new Date("2026-03-10T00:30:00Z"));
    expect({ flags: atSite.flags, distance: atSite.clockInDistanceM }).toEqual({ flags: [], distance: 11 });
    // The next day has no order there: the same spot is outside every fence.
    const nextDay = await clockIn(db, actor, { position: { lat: -8.6681, lng: 115.2167, accuracyM: 10 }, selfie: PNG }, new Date("2026-03-11T00:30:00Z"));
    expect(nextDay.flags).toEqual(["outside_geofence"]);
  });

  it("refuses a selfie whose bytes are not the image it claims to be", async () => {
    const { tenant, hr, staff, db } = await hrTenant("hr-selfie");
    await hr.caller.hr.employees.create(employeeInput({ userId: staff.user.id }));
    const actor = userActor({ tenantId: tenant.id, userId: staff.user.id, role: "technician", email: staff.user.email, name: staff.user.name });
    const fake = `data:image/jpeg;base64,${Buffer.from("<script>").toString("base64")}`;
    const error = await failure(clockIn(db, actor, { position: null, selfie: fake }));
    expect(error.details).toEqual({ fields: { selfie: ["hr.validation.selfieType"] } });
  });

  it("tells a staff member without an employee record so", async () => {
    const { staff } = await hrTenant("hr-norec");
    expect((await failure(staff.caller.hr.me.clockIn({ position: null, selfie: null }))).code).toBe("NOT_FOUND");
    expect((await staff.caller.hr.me.today()).employee).toBeNull();
  });
});

describe("leave", () => {
  it("keeps the yearly balance, refuses more than is left, and turns approved days from absent into leave", async () => {
    const { hr, staff, db } = await hrTenant("hr-leave");
    await hr.caller.hr.employees.create(employeeInput({ userId: staff.user.id, annualLeaveDays: 3, joinDate: "2026-01-01" }));
    // Mon 2 – Wed 4 March 2026: three working days (Mon–Fri).
    // Attendance is tracked from the first recorded day (Friday 27 February).
    const employee = await db.employee.findFirstOrThrow();
    await db.attendanceRecord.create({ data: { tenantId: db.tenantId, employeeId: employee.id, workDate: new Date("2026-02-27T00:00:00Z"), clockInAt: new Date("2026-02-27T01:00:00Z") } });
    const req = await staff.caller.hr.me.requestLeave({ kind: "annual", startDate: "2026-03-02", endDate: "2026-03-04", reason: "Mudik", document: null });
    expect(req.days).toBe(3);
    expect((await staff.caller.hr.me.leave({ year: 2026 })).balance).toEqual({ year: 2026, entitledDays: 3, usedDays: 0, pendingDays: 3, remainingDays: 0 });
    expect((await failure(staff.caller.hr.me.requestLeave({ kind: "annual", startDate: "2026-03-09", endDate: "2026-03-09", reason: "Lagi", document: null }))).code).toBe("CONFLICT");
    expect((await failure(staff.caller.hr.me.requestLeave({ kind: "sick", startDate: "2026-03-09", endDate: "2026-03-09", reason: "Demam", document: null }))).code).toBe("VALIDATION_FAILED");
    await staff.caller.hr.me.requestLeave({ kind: "sick", startDate: "2026-03-09", endDate: "2026-03-09", reason: "Demam", document: PNG });
    for (const r of await hr.caller.hr.leave.list({ status: "pending" })) await hr.caller.hr.leave.decide({ id: r.id, decision: "approve", note: null });
    expect((await staff.caller.hr.me.leave({ year: 2026 })).balance).toMatchObject({ usedDays: 3, pendingDays: 0, remainingDays: 0 });
    const [recap] = await monthlyRecap(db, "2026-03", { today: "2026-03-11" });
    // 2–11 March: 8 working days, none attended: 3 annual, 1 sick, 3 absent (the 11th is today).
    expect(recap).toMatchObject({ scheduledDays: 8, presentDays: 0, annualLeaveDays: 3, sickDays: 1, absentDays: 3 });
  });

  it("counts no absence for an employee whose attendance was never recorded", async () => {
    const { hr, db } = await hrTenant("hr-untracked");
    await hr.caller.hr.employees.create(employeeInput({ joinDate: "2026-01-01" }));
    const [recap] = await monthlyRecap(db, "2026-03", { today: "2026-04-01" });
    expect(recap).toMatchObject({ scheduledDays: 22, presentDays: 0, absentDays: 0 });
  });

  it("lets nobody but an owner decide their own request", async () => {
    const { hr } = await hrTenant("hr-ownleave");
    await hr.caller.hr.employees.create(employeeInput({ userId: hr.user.id }));
    const req = await hr.caller.hr.me.requestLeave({ kind: "permission", startDate: "2026-04-06", endDate: "2026-04-06", reason: "Urusan keluarga", document: null });
    expect((await failure(hr.caller.hr.leave.decide({ id: req.id, decision: "approve", note: null }))).code).toBe("FORBIDDEN");
  });
});
