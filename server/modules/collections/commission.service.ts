// Collectors' commission and daily figures. The rule is the tenant's data: none, a share of the
// cash collected (basis points, rounded down to the rupiah), or an amount for each invoice a
// collector's cash finished paying. Computed per period for payroll, and per day for the report.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantScope } from "@/server/db";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { addDays, startOfLocalDay } from "@/server/time/calendar-date";
import type { TCommissionRow, TCommissionRule, TDailyReportRow, TPeriodRange } from "./collections.schema";
import { collectedByDay, custodyByDay, depositsByDay, findCommissionRule, saveCommissionRule, totalHeld, usersByIds } from "./collections.repository";

const NO_RULE: TCommissionRule = { kind: "none", percentBp: 0, amountPerInvoiceIdr: 0 };

export async function getCommissionRule(db: TenantScope): Promise<TCommissionRule> {
  return (await findCommissionRule(db)) ?? NO_RULE;
}

export async function updateCommissionRule(db: TenantDb, actor: UserActor, rule: TCommissionRule): Promise<TCommissionRule> {
  return db.$transaction(async (tx) => {
    const saved = await saveCommissionRule(tx, rule);
    await recordAudit(tx, actor, { action: "collection.commission_rule_changed", details: { kind: rule.kind, percentBp: rule.percentBp, amountPerInvoiceIdr: rule.amountPerInvoiceIdr } });
    return { kind: saved.kind, percentBp: saved.percentBp, amountPerInvoiceIdr: saved.amountPerInvoiceIdr };
  });
}

/** The commission the rule gives for what was collected and how many invoices that cash finished. */
export function commissionFor(rule: TCommissionRule, figures: { collectedIdr: number; paidInvoices: number }): number {
  switch (rule.kind) {
    case "none":
      return 0;
    case "percent_of_collected":
      return Math.floor((figures.collectedIdr * rule.percentBp) / 10_000);
    case "per_paid_invoice":
      return figures.paidInvoices * rule.amountPerInvoiceIdr;
  }
}

const bounds = (range: TPeriodRange, timeZone: string) => ({ from: startOfLocalDay(range.from, timeZone), to: startOfLocalDay(addDays(range.to, 1), timeZone) });

/** Per collector, over local dates [from, to] inclusive: collected, invoices finished, commission. */
export async function commissionsForPeriod(db: TenantScope, input: TPeriodRange & { timeZone: string; collectorId?: string }): Promise<TCommissionRow[]> {
  const rule = await getCommissionRule(db);
  const { collected, paid } = await collectedByDay(db, { ...bounds(input, input.timeZone), timeZone: input.timeZone, collectorId: input.collectorId });
  const totals = new Map<string, { collectedIdr: number; paidInvoices: number }>();
  const of = (id: string) => totals.get(id) ?? totals.set(id, { collectedIdr: 0, paidInvoices: 0 }).get(id)!;
  for (const c of collected) of(c.collectorId).collectedIdr += c.amountIdr;
  for (const p of paid) of(p.collectorId).paidInvoices += p.count;
  const names = new Map((await usersByIds(db, [...totals.keys()])).map((u) => [u.id, u.name]));
  return [...totals.entries()]
    .map(([collectorId, t]) => ({ collectorId, collectorName: names.get(collectorId) ?? "", ...t, commissionIdr: commissionFor(rule, t) }))
    .sort((a, b) => a.collectorName.localeCompare(b.collectorName));
}

/**
 * Per collector and local day: collected, deposited (what finance received), variance, held at
 * the end of the day, and the day's commission. Days without movement are left out unless the
 * collector still holds cash.
 */
export async function dailyReport(db: TenantDb, input: TPeriodRange & { timeZone: string; collectorId?: string }): Promise<TDailyReportRow[]> {
  const rule = await getCommissionRule(db);
  const span = { ...bounds(input, input.timeZone), timeZone: input.timeZone, collectorId: input.collectorId };
  const [{ collected, paid }, deposits, custody] = await Promise.all([collectedByDay(db, span), depositsByDay(db, span), custodyByDay(db, span)]);
  const key = (collectorId: string, day: string) => `${collectorId}|${day}`;
  const collectedAt = new Map(collected.map((c) => [key(c.collectorId, c.day), c]));
  const paidAt = new Map(paid.map((p) => [key(p.collectorId, p.day), p.count]));
  const depositAt = new Map(deposits.map((d) => [key(d.collectorId, d.day), d]));
  const moveAt = new Map(custody.moves.map((m) => [key(m.collectorId, m.day), m.amountIdr]));
  const held = new Map(custody.opening.map((o) => [o.collectorId, o.heldIdr]));
  const collectors = new Set([...held.keys(), ...collected.map((c) => c.collectorId), ...deposits.map((d) => d.collectorId), ...custody.moves.map((m) => m.collectorId)]);
  const names = new Map((await usersByIds(db, [...collectors])).map((u) => [u.id, u.name]));
  const rows: TDailyReportRow[] = [];
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) {
    for (const collectorId of collectors) {
      const k = key(collectorId, day);
      const balance = (held.get(collectorId) ?? 0) + (moveAt.get(k) ?? 0);
      held.set(collectorId, balance);
      const c = collectedAt.get(k);
      const d = depositAt.get(k);
      if (!c && !d && !moveAt.has(k) && balance === 0) continue;
      const collectedIdr = c?.amountIdr ?? 0;
      rows.push({
        date: day,
        collectorId,
        collectorName: names.get(collectorId) ?? "",
        collectedIdr,
        collections: c?.count ?? 0,
        depositedIdr: d?.receivedIdr ?? 0,
        varianceIdr: d?.varianceIdr ?? 0,
        heldIdr: balance,
        commissionIdr: commissionFor(rule, { collectedIdr, paidInvoices: paidAt.get(k) ?? 0 }),
      });
    }
  }
  return rows.sort((a, b) => (a.date === b.date ? a.collectorName.localeCompare(b.collectorName) : a.date < b.date ? 1 : -1));
}

/** The owner's dashboard figure: cash held by collectors right now. */
export async function cashHeldByCollectors(db: TenantDb): Promise<{ heldIdr: number; collectors: number }> {
  return totalHeld(db);
}
