// Prisma queries of payroll runs and their lines (tenant-scoped handle). A locked run and its
// lines are never updated: every write here names the statuses it may change.
import "server-only";
import type { TenantScope } from "@/server/db";
import type { Prisma } from "@/server/db/generated/client";
import type { PayrollRunStatus } from "@/server/db/generated/enums";
export { isUniqueViolation } from "@/server/db/prisma-errors";

export function listRunRows(db: TenantScope) {
  return db.payrollRun.findMany({ orderBy: { period: "desc" }, include: { lines: { select: { grossIdr: true, employeeBpjsIdr: true, employerBpjsIdr: true, pph21Idr: true, takeHomeIdr: true, employerCostIdr: true, snapshot: true } } } });
}

export function findRunRow(db: TenantScope, where: { id: string } | { period: string }) {
  return db.payrollRun.findFirst({ where, include: { lines: { orderBy: { createdAt: "asc" } } } });
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRunRow>>>;
export type LineRow = RunRow["lines"][number];

export function insertRun(db: TenantScope, period: string, payThr: boolean) {
  return db.payrollRun.create({ data: { tenantId: db.tenantId, period, payThr } });
}

/** Moves a run between statuses only if it is still in `from`; false when someone else moved it. */
export async function moveRun(db: TenantScope, id: string, from: PayrollRunStatus, data: Prisma.PayrollRunUncheckedUpdateManyInput): Promise<boolean> {
  const { count } = await db.payrollRun.updateMany({ where: { id, status: from }, data });
  return count === 1;
}

export function deleteDraftLines(db: TenantScope, runId: string) {
  return db.payrollLine.deleteMany({ where: { runId, run: { status: "draft" } } });
}

export function insertLines(db: TenantScope, rows: Omit<Prisma.PayrollLineUncheckedCreateInput, "tenantId">[]) {
  return db.payrollLine.createMany({ data: rows.map((r) => ({ ...r, tenantId: db.tenantId })) });
}

export async function updateDraftLine(db: TenantScope, id: string, data: Prisma.PayrollLineUncheckedUpdateManyInput): Promise<boolean> {
  const { count } = await db.payrollLine.updateMany({ where: { id, run: { status: "draft" } }, data });
  return count === 1;
}

export function findLineRow(db: TenantScope, id: string) {
  return db.payrollLine.findFirst({ where: { id }, include: { run: { select: { id: true, period: true, status: true } } } });
}

/** What earlier locked runs of the year withheld and counted, per employee (the year-to-date of PPh 21). */
export function lockedLinesOfYearBefore(db: TenantScope, period: string) {
  return db.payrollLine.findMany({
    where: { run: { status: "locked", period: { gte: `${period.slice(0, 4)}-01`, lt: period } } },
    select: { employeeId: true, taxableGrossIdr: true, deductibleIdr: true, pph21Idr: true },
  });
}

export function lockedLinesOfEmployee(db: TenantScope, employeeId: string) {
  return db.payrollLine.findMany({ where: { employeeId, run: { status: "locked" } }, include: { run: { select: { id: true, period: true, status: true } } }, orderBy: { run: { period: "desc" } } });
}
