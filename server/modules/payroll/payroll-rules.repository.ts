// The national payroll rules in the database (PayrollRule): platform reference data, the same
// for every tenant, so it is read on the system client (this file is listed as system code in
// .dependency-cruiser.cjs). Seeded from prisma/data/payroll-rules.json; a new rate is a new row.
import "server-only";
import type { SystemDb } from "@/server/db/unsafe-system-db";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import { parseRuleList, type TPayrollRuleEntry } from "./payroll-rules";

const CACHE_MS = 60_000;
let cached: { at: number; entries: TPayrollRuleEntry[] } | null = null;

/** Every rule with its validity period, checked as a list (overlaps refused). Cached a minute per process. */
export async function loadPayrollRuleEntries(): Promise<TPayrollRuleEntry[]> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.entries;
  const rows = await unsafeSystemDb().payrollRule.findMany({ orderBy: [{ kind: "asc" }, { validFrom: "asc" }] });
  const entries = parseRuleList(rows.map((r) => ({ kind: r.kind, validFrom: fromDbDate(r.validFrom), validTo: r.validTo ? fromDbDate(r.validTo) : null, source: r.source, value: r.value })));
  cached = { at: Date.now(), entries };
  return entries;
}

/** Writes a checked rule list: each (kind, validFrom) inserted or brought up to date. Idempotent. */
export async function syncPayrollRuleEntries(entries: TPayrollRuleEntry[], db: SystemDb = unsafeSystemDb()): Promise<number> {
  for (const e of entries) {
    const data = { validTo: e.validTo ? toDbDate(e.validTo) : null, source: e.source, value: e.value };
    await db.payrollRule.upsert({ where: { kind_validFrom: { kind: e.kind, validFrom: toDbDate(e.validFrom) } }, create: { kind: e.kind, validFrom: toDbDate(e.validFrom), ...data }, update: data });
  }
  cached = null;
  return entries.length;
}
