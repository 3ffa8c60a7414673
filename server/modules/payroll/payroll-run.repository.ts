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

type LineData = Omit<Prisma.PayrollLineUncheckedCreateInput, "tenantId" | "id" | "runId"> & { employeeId: string };

/**
 * Brings a draft run's lines to `rows` (one per employee) inside the caller's transaction: an
 * employee's existing line is updated in place, so its id (in audit entries, links, HR's
 * bookmarks) stays; new employees get a line; lines of employees no longer in the run go. The
 * run's row is locked first (a touch of updatedAt while still draft), so a concurrent review or
 * lock waits for this to finish. False, writing nothing, when the run is no longer a draft.
 */
export async function replaceDraftLines(tx: TenantScope, runId: string, rows: LineData[]): Promise<boolean> {
  const { count } = await tx.payrollRun.updateMany({ where: { id: runId, status: "draft" }, data: { updatedAt: new Date() } });
  if (count !== 1) return false;
  const existing = new Map((await tx.payrollLine.findMany({ where: { runId }, select: { id: true, employeeId: true } })).map((l) => [l.employeeId, l.id]));
  const keep = new Set(rows.map((r) => r.employeeId));
  const gone = [...existing.entries()].filter(([employeeId]) => !keep.has(employeeId)).map(([, id]) => id);
  if (gone.length > 0) await tx.payrollLine.deleteMany({ where: { runId, id: { in: gone } } });
  const fresh = rows.filter((r) => !existing.has(r.employeeId));
  if (fresh.length > 0) await tx.payrollLine.createMany({ data: fresh.map((r) => ({ ...r, runId, tenantId: tx.tenantId })) });
  for (const r of rows) {
    const id = existing.get(r.employeeId);
    if (id) await tx.payrollLine.updateMany({ where: { id, runId }, data: r });
  }
  return true;
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
