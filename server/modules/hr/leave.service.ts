// Leave: annual leave from a yearly balance (the employee's entitlement per calendar year, less
// approved and pending days), sick leave with a document, and permission (unpaid). HR or the
// owner approve or reject; nobody but an owner decides their own request. Approved leave turns a
// scheduled day from absent into leave in the attendance recap, and unpaid permission days are
// deducted in payroll.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import { scheduledDaysBetween } from "./attendance-rules";
import { findOwnEmployee, getEmployeeRowOrThrow, weekdaysOf } from "./employee.service";
import { decideLeaveRow, findLeaveDocument, findLeaveRow, insertLeave, leaveOverlapping, listLeaveRows, type EmployeeRow, type LeaveRow } from "./hr.repository";
import type { TDecideLeaveInput, TLeaveBalance, TLeaveRequest, TRequestLeaveInput } from "./hr.schema";
import { decodeUpload, toDataUrl } from "./upload";

const DOCUMENT_MAX_BYTES = 2_000_000;

function toRequest(row: Omit<LeaveRow, "document">): TLeaveRequest {
  return {
    id: row.id,
    employeeId: row.employeeId,
    employeeName: row.employee.name,
    kind: row.kind,
    startDate: fromDbDate(row.startDate),
    endDate: fromDbDate(row.endDate),
    days: row.days,
    reason: row.reason,
    hasDocument: row.documentMime !== null,
    status: row.status,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Annual leave of a calendar year: entitled, approved (used), pending, remaining. */
export async function leaveBalance(db: TenantScope, employee: Pick<EmployeeRow, "id" | "annualLeaveDays">, year: number): Promise<TLeaveBalance> {
  const rows = await leaveOverlapping(db, [employee.id], toDbDate(`${year}-01-01`), toDbDate(`${year}-12-31`), ["approved", "pending"]);
  const annual = rows.filter((r) => r.kind === "annual");
  const usedDays = annual.filter((r) => r.status === "approved").reduce((s, r) => s + r.days, 0);
  const pendingDays = annual.filter((r) => r.status === "pending").reduce((s, r) => s + r.days, 0);
  return { year, entitledDays: employee.annualLeaveDays, usedDays, pendingDays, remainingDays: employee.annualLeaveDays - usedDays - pendingDays };
}

async function ownEmployeeOrThrow(db: TenantScope, actor: UserActor): Promise<EmployeeRow> {
  const row = await findOwnEmployee(db, actor.userId);
  if (!row) throw new AppError("NOT_FOUND", { reason: "no_employee_record" }, "hr.errors.noEmployeeRecord");
  return row;
}

export async function requestLeave(db: TenantScope, actor: UserActor, input: TRequestLeaveInput): Promise<TLeaveRequest> {
  const employee = await ownEmployeeOrThrow(db, actor);
  const days = scheduledDaysBetween(input.startDate, input.endDate, weekdaysOf(employee)).length;
  if (days === 0) throw new AppError("VALIDATION_FAILED", { fields: { endDate: ["hr.validation.noWorkingDays"] } });
  if (input.kind === "annual" && input.startDate.slice(0, 4) !== input.endDate.slice(0, 4)) throw new AppError("VALIDATION_FAILED", { fields: { endDate: ["hr.validation.oneYear"] } });
  const overlapping = await leaveOverlapping(db, [employee.id], toDbDate(input.startDate), toDbDate(input.endDate), ["approved", "pending"]);
  if (overlapping.length > 0) throw new AppError("CONFLICT", { reason: "leave_overlaps" }, "hr.errors.leaveOverlaps");
  if (input.kind === "annual") {
    const balance = await leaveBalance(db, employee, Number(input.startDate.slice(0, 4)));
    if (balance.remainingDays < days) throw new AppError("CONFLICT", { reason: "leave_balance", remaining: balance.remainingDays, requested: days }, "hr.errors.leaveBalanceShort");
  }
  const document = input.document ? decodeUpload(input.document, "document", DOCUMENT_MAX_BYTES, { type: "hr.validation.documentType", size: "hr.validation.documentTooLarge" }) : null;
  const row = await insertLeave(db, {
    employeeId: employee.id,
    kind: input.kind,
    startDate: toDbDate(input.startDate),
    endDate: toDbDate(input.endDate),
    days,
    reason: input.reason,
    documentMime: document?.mime ?? null,
    document: document ? new Uint8Array(document.bytes) : null,
  });
  return toRequest(row);
}

export async function cancelOwnLeave(db: TenantScope, actor: UserActor, id: string): Promise<TLeaveRequest> {
  const employee = await ownEmployeeOrThrow(db, actor);
  const row = await findLeaveRow(db, id);
  if (!row || row.employeeId !== employee.id) throw new AppError("NOT_FOUND", { leaveId: id }, "hr.errors.leaveNotFound");
  if (!(await decideLeaveRow(db, id, "pending", { status: "cancelled" }))) throw new AppError("CONFLICT", { reason: "leave_decided" }, "hr.errors.leaveDecided");
  return toRequest((await findLeaveRow(db, id))!);
}

export async function decideLeave(db: TenantScope, actor: UserActor, input: TDecideLeaveInput): Promise<TLeaveRequest> {
  const row = await findLeaveRow(db, input.id);
  if (!row) throw new AppError("NOT_FOUND", { leaveId: input.id }, "hr.errors.leaveNotFound");
  const employee = await getEmployeeRowOrThrow(db, row.employeeId);
  if (employee.userId === actor.userId && actor.role !== "owner") throw new AppError("FORBIDDEN", { reason: "own_leave" }, "hr.errors.ownLeave");
  if (input.decision === "approve" && row.kind === "annual") {
    const balance = await leaveBalance(db, employee, row.startDate.getUTCFullYear());
    // The request itself is among the pending days.
    if (balance.remainingDays + (row.status === "pending" ? row.days : 0) < row.days) throw new AppError("CONFLICT", { reason: "leave_balance", remaining: balance.remainingDays }, "hr.errors.leaveBalanceShort");
  }
  const status = input.decision === "approve" ? "approved" : "rejected";
  const moved = await decideLeaveRow(db, row.id, "pending", { status, decidedById: actor.userId, decidedAt: new Date(), decisionNote: input.note });
  if (!moved) throw new AppError("CONFLICT", { reason: "leave_decided" }, "hr.errors.leaveDecided");
  await recordAudit(db, actor, { action: status === "approved" ? "hr.leave_approved" : "hr.leave_rejected", target: { type: "leave", id: row.id }, details: { kind: row.kind, days: row.days } });
  return toRequest((await findLeaveRow(db, row.id))!);
}

export async function listLeave(db: TenantScope, input: { status?: TLeaveRequest["status"]; year?: number }): Promise<TLeaveRequest[]> {
  const rows = await listLeaveRows(db, {
    ...(input.status ? { status: input.status } : {}),
    ...(input.year ? { startDate: { gte: toDbDate(`${input.year}-01-01`), lte: toDbDate(`${input.year}-12-31`) } } : {}),
  });
  return rows.map(toRequest);
}

export async function myLeave(db: TenantScope, actor: UserActor, year: number): Promise<{ balance: TLeaveBalance | null; requests: TLeaveRequest[] }> {
  const employee = await findOwnEmployee(db, actor.userId);
  if (!employee) return { balance: null, requests: [] };
  const [balance, rows] = await Promise.all([leaveBalance(db, employee, year), listLeaveRows(db, { employeeId: employee.id })]);
  return { balance, requests: rows.map(toRequest) };
}

/** A sick note: HR sees any, the employee their own. */
export async function leaveDocument(db: TenantScope, actor: UserActor, id: string, mayReadAll: boolean): Promise<string> {
  const doc = await findLeaveDocument(db, id);
  const own = mayReadAll ? null : await findOwnEmployee(db, actor.userId);
  if (!doc?.document || !doc.documentMime || (!mayReadAll && own?.id !== doc.employeeId)) throw new AppError("NOT_FOUND", { leaveId: id }, "hr.errors.leaveNotFound");
  return toDataUrl(doc.documentMime, doc.document);
}

/** Approved leave per employee and scheduled date within [from, to]: employeeId → date → kind. */
export async function approvedLeaveDays(db: TenantScope, employees: EmployeeRow[], from: string, to: string): Promise<Map<string, Map<string, string>>> {
  const rows = await leaveOverlapping(db, employees.map((e) => e.id), toDbDate(from), toDbDate(to));
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const e = employees.find((x) => x.id === r.employeeId)!;
    const start = fromDbDate(r.startDate) < from ? from : fromDbDate(r.startDate);
    const end = fromDbDate(r.endDate) > to ? to : fromDbDate(r.endDate);
    const map = out.get(e.id) ?? new Map<string, string>();
    for (const d of scheduledDaysBetween(start, end, weekdaysOf(e))) map.set(d, r.kind);
    out.set(e.id, map);
  }
  return out;
}
