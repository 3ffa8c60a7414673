// Shapes of the HR module: employees (with their sealed identity, tax and bank fields), HR
// settings (office geofence, minimum wage, THR month), shifts, attendance and leave. No server
// imports: shared with the UI. Sealed fields travel inward in clear and outward only to hr/owner.
import { z } from "zod";
import { v } from "@/i18n/keys";

/** PTKP (non-taxable income) status at the start of the tax year: single/married and dependants. */
export const PTKP_STATUSES = ["TK/0", "TK/1", "TK/2", "TK/3", "K/0", "K/1", "K/2", "K/3"] as const;
export type PtkpStatus = (typeof PTKP_STATUSES)[number];
/** BPJS JKK (work accident) risk group of the employee's work. */
export const JKK_RISK_CLASSES = ["very_low", "low", "medium", "high", "very_high"] as const;
export type JkkRiskClass = (typeof JKK_RISK_CLASSES)[number];

export const EMPLOYMENT_TYPES = ["permanent", "contract", "probation", "intern"] as const;
export const ZEmploymentType = z.enum(EMPLOYMENT_TYPES);
export type TEmploymentType = z.infer<typeof ZEmploymentType>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, v("validation.format"));
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
const idr = z.number().int().min(0).max(1_000_000_000);

/** NIK: 16 digits (KTP). */
const NIK = /^\d{16}$/;
/** NPWP: 15 digits (old format, dots and dashes allowed) or the 16-digit NIK-based one. */
const NPWP = /^(\d[.\-]?){14}\d$|^\d{16}$/;

export const ZAllowance = z.object({ label: text(60), amountIdr: idr, fixed: z.boolean() });
export const ZDeduction = z.object({ label: text(60), amountIdr: idr });
export type TAllowance = z.infer<typeof ZAllowance>;
export type TDeduction = z.infer<typeof ZDeduction>;

export const ZEmployeeFields = z.object({
  userId: z.uuid().nullish().transform((x) => x ?? null),
  shiftId: z.uuid().nullish().transform((x) => x ?? null),
  employeeNo: text(20),
  name: text(100),
  nik: z.string().trim().regex(NIK, v("hr.validation.nik")),
  npwp: z
    .string()
    .trim()
    .regex(NPWP, v("hr.validation.npwp"))
    .nullish()
    .or(z.literal(""))
    .transform((x) => (x ? x.replace(/[.\-]/g, "") : null)),
  ptkpStatus: z.enum(PTKP_STATUSES),
  position: text(80),
  department: text(80),
  joinDate: isoDate,
  /** The last day of employment (resignation, end of contract): its month is the final payslip. */
  endDate: isoDate.nullish().or(z.literal("")).transform((x) => x || null),
  employmentType: ZEmploymentType,
  bankName: text(40),
  bankAccount: z.string().trim().regex(/^\d{5,20}$/, v("hr.validation.bankAccount")),
  bankAccountHolder: text(100),
  bpjsKesehatanNo: optionalText(20),
  bpjsTkNo: optionalText(20),
  bpjsKesehatan: z.boolean(),
  bpjsKetenagakerjaan: z.boolean(),
  bpjsPension: z.boolean(),
  jkkRiskClass: z.enum(JKK_RISK_CLASSES),
  baseSalaryIdr: idr,
  allowances: z.array(ZAllowance).max(20),
  deductions: z.array(ZDeduction).max(20),
  annualLeaveDays: z.number().int().min(0).max(60),
});
const endNotBeforeJoin = (x: { joinDate: string; endDate: string | null }) => !x.endDate || x.endDate >= x.joinDate;
const endBeforeJoin = { path: ["endDate"], message: v("hr.validation.endBeforeJoin") };
export const ZCreateEmployeeInput = ZEmployeeFields.refine(endNotBeforeJoin, endBeforeJoin);
export type TEmployeeFormInput = z.input<typeof ZEmployeeFields>;
export type TCreateEmployeeInput = z.output<typeof ZEmployeeFields>;
export const ZUpdateEmployeeInput = ZEmployeeFields.extend({ id: z.uuid(), active: z.boolean() }).refine(endNotBeforeJoin, endBeforeJoin);
export type TUpdateEmployeeInput = z.output<typeof ZUpdateEmployeeInput>;
export const ZEmployeeTarget = z.object({ id: z.uuid() });

/** A list row: no sealed fields, no salary. */
export const ZEmployeeSummary = z.object({
  id: z.uuid(),
  employeeNo: z.string(),
  name: z.string(),
  position: z.string(),
  department: z.string(),
  employmentType: ZEmploymentType,
  joinDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  shiftName: z.string().nullable(),
});
export type TEmployeeSummary = z.infer<typeof ZEmployeeSummary>;

/** The full record, sealed fields opened: hr and owner only, and audited. */
export const ZEmployee = ZEmployeeSummary.extend({
  shiftId: z.string().nullable(),
  nik: z.string(),
  npwp: z.string().nullable(),
  ptkpStatus: z.enum(PTKP_STATUSES),
  bankName: z.string(),
  bankAccount: z.string(),
  bankAccountHolder: z.string(),
  bpjsKesehatanNo: z.string().nullable(),
  bpjsTkNo: z.string().nullable(),
  bpjsKesehatan: z.boolean(),
  bpjsKetenagakerjaan: z.boolean(),
  bpjsPension: z.boolean(),
  jkkRiskClass: z.enum(JKK_RISK_CLASSES),
  baseSalaryIdr: z.number().int(),
  allowances: z.array(ZAllowance),
  deductions: z.array(ZDeduction),
  annualLeaveDays: z.number().int(),
});
export type TEmployee = z.infer<typeof ZEmployee>;

// ---------------------------------------------------------------- settings and shifts

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const ZHrSettings = z.object({
  officeName: optionalText(100),
  officeLat: lat.nullable(),
  officeLng: lng.nullable(),
  geofenceRadiusM: z.number().int().min(20).max(5_000),
  graceMinutes: z.number().int().min(0).max(120),
  minimumWageIdr: idr,
  thrMonth: z.number().int().min(1).max(12).nullable(),
  thrHolidayDate: isoDate.nullable(),
});
export type THrSettings = z.infer<typeof ZHrSettings>;

const minuteOfDay = z.number().int().min(0).max(1439);
export const ZShiftFields = z.object({
  name: text(60),
  startMinute: minuteOfDay,
  endMinute: minuteOfDay,
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
});
export const ZShift = ZShiftFields.extend({ id: z.uuid() });
export type TShift = z.infer<typeof ZShift>;
export const ZSaveShiftInput = ZShiftFields.extend({ id: z.uuid().optional() });
export type TSaveShiftInput = z.infer<typeof ZSaveShiftInput>;

// ---------------------------------------------------------------- attendance

export const ATTENDANCE_FLAGS = ["outside_geofence", "no_location", "missing_selfie", "no_geofence"] as const;
export type TAttendanceFlag = (typeof ATTENDANCE_FLAGS)[number];
export const ATTENDANCE_REVIEWS = ["clear", "flagged", "accepted", "corrected"] as const;
export type TAttendanceReview = (typeof ATTENDANCE_REVIEWS)[number];

/** A selfie as a data URL: JPEG, PNG or WebP, at most 1 MB once decoded (checked again by its bytes). */
export const SELFIE_MAX_BYTES = 1_000_000;
export const ZSelfie = z
  .string()
  .max(1_400_000, v("hr.validation.selfieTooLarge"))
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, v("hr.validation.selfieType"));

export const ZClockInput = z.object({
  /** null when the phone gave no position (refused, no signal): the entry is flagged. */
  position: z.object({ lat, lng, accuracyM: z.number().min(0).max(100_000) }).nullable(),
  selfie: ZSelfie.nullable(),
});
export type TClockInput = z.infer<typeof ZClockInput>;

export const ZAttendanceDay = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  workDate: z.string(),
  clockInAt: z.string().nullable(),
  clockOutAt: z.string().nullable(),
  clockInDistanceM: z.number().int().nullable(),
  clockOutDistanceM: z.number().int().nullable(),
  clockInPhotoId: z.string().nullable(),
  clockOutPhotoId: z.string().nullable(),
  flags: z.array(z.enum(ATTENDANCE_FLAGS)),
  review: z.enum(ATTENDANCE_REVIEWS),
  lateMinutes: z.number().int(),
  earlyLeaveMinutes: z.number().int(),
  note: z.string().nullable(),
});
export type TAttendanceDay = z.infer<typeof ZAttendanceDay>;

export const ZMyToday = z.object({
  employee: z.object({ id: z.uuid(), name: z.string(), shift: ZShift.nullable() }).nullable(),
  workDate: z.string(),
  today: ZAttendanceDay.nullable(),
  /** The open day that a clock-out would close (today's, or last night's for a shift past midnight). */
  open: ZAttendanceDay.nullable(),
  office: z.object({ name: z.string().nullable(), lat: z.number(), lng: z.number(), radiusM: z.number().int() }).nullable(),
});
export type TMyToday = z.infer<typeof ZMyToday>;

export const ZAttendanceListInput = z.object({
  from: isoDate,
  to: isoDate,
  employeeId: z.uuid().optional(),
  onlyFlagged: z.boolean().default(false),
});

export const ZReviewAttendanceInput = z.object({
  id: z.uuid(),
  /** accept: the flagged entry stands as it is; correct: HR sets the times (local "HH:MM" on the work date). */
  decision: z.enum(["accept", "correct"]),
  clockIn: z.string().regex(/^\d{2}:\d{2}$/).nullable().optional(),
  clockOut: z.string().regex(/^\d{2}:\d{2}$/).nullable().optional(),
  note: text(300),
});
export type TReviewAttendanceInput = z.infer<typeof ZReviewAttendanceInput>;

export const ZRecapInput = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, v("validation.month")) });
export const ZRecapRow = z.object({
  employeeId: z.uuid(),
  employeeName: z.string(),
  scheduledDays: z.number().int(),
  presentDays: z.number().int(),
  lateDays: z.number().int(),
  lateMinutes: z.number().int(),
  earlyLeaveDays: z.number().int(),
  earlyLeaveMinutes: z.number().int(),
  annualLeaveDays: z.number().int(),
  sickDays: z.number().int(),
  permissionDays: z.number().int(),
  absentDays: z.number().int(),
  flaggedDays: z.number().int(),
});
export type TRecapRow = z.infer<typeof ZRecapRow>;

// ---------------------------------------------------------------- leave

export const LEAVE_KINDS = ["annual", "sick", "permission"] as const;
export const ZLeaveKind = z.enum(LEAVE_KINDS);
export type TLeaveKind = z.infer<typeof ZLeaveKind>;
export const LEAVE_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type TLeaveStatus = (typeof LEAVE_STATUSES)[number];

/** A sick note: a photo or PDF, at most 2 MB. */
export const ZLeaveDocument = z
  .string()
  .max(2_800_000, v("hr.validation.documentTooLarge"))
  .regex(/^data:(image\/(jpeg|png|webp)|application\/pdf);base64,[A-Za-z0-9+/=]+$/, v("hr.validation.documentType"));

export const ZRequestLeaveInput = z
  .object({
    kind: ZLeaveKind,
    startDate: isoDate,
    endDate: isoDate,
    reason: text(500),
    document: ZLeaveDocument.nullable(),
  })
  .refine((x) => x.endDate >= x.startDate, { path: ["endDate"], message: v("hr.validation.endBeforeStart") })
  .refine((x) => x.kind !== "sick" || x.document !== null, { path: ["document"], message: v("hr.validation.sickNeedsDocument") });
export type TRequestLeaveInput = z.infer<typeof ZRequestLeaveInput>;

export const ZDecideLeaveInput = z.object({ id: z.uuid(), decision: z.enum(["approve", "reject"]), note: optionalText(300) });
export type TDecideLeaveInput = z.output<typeof ZDecideLeaveInput>;

export const ZLeaveRequest = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  kind: ZLeaveKind,
  startDate: z.string(),
  endDate: z.string(),
  days: z.number().int(),
  reason: z.string(),
  hasDocument: z.boolean(),
  status: z.enum(LEAVE_STATUSES),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type TLeaveRequest = z.infer<typeof ZLeaveRequest>;

export const ZLeaveBalance = z.object({ year: z.number().int(), entitledDays: z.number().int(), usedDays: z.number().int(), pendingDays: z.number().int(), remainingDays: z.number().int() });
export type TLeaveBalance = z.infer<typeof ZLeaveBalance>;
export const ZLeaveListInput = z.object({ status: z.enum(LEAVE_STATUSES).optional(), year: z.number().int().min(2000).max(2100).optional() });
