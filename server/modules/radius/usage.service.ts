// Usage from accounting: the `radius.fold_usage` job adds what each radacct session moved since
// it was last folded to its user's day (the day, in the tenant's zone, of the update that
// reported it) in radius_usage_days, and marks the session folded up to those counters — in one
// statement, so a re-run, or two folds at once, add nothing twice. Pages read the days.
import "server-only";
import type { TenantDb } from "@/server/db";
import { foldUsageBatch } from "./usage.repository";

/** Folds the tenant's unfolded octets into its days; returns how many sessions it folded. */
export async function foldUsage(db: TenantDb, timeZone: string): Promise<number> {
  let folded = 0;
  for (;;) {
    const sessions = await foldUsageBatch(db, timeZone, FOLD_BATCH);
    folded += sessions;
    if (sessions < FOLD_BATCH) return folded;
  }
}

/** Sessions folded per statement; the job repeats until none is left. */
const FOLD_BATCH = 5000;

export type UsageDay = { day: string; downloadBytes: number; uploadBytes: number };

/** The users' octets per day from `from` to `to` (calendar dates, inclusive), summed over the users, newest first. */
export async function usageDaysOf(db: TenantDb, usernames: string[], range: { from: string; to: string }): Promise<UsageDay[]> {
  if (usernames.length === 0) return [];
  const rows = await db.radiusUsageDay.groupBy({
    by: ["day"],
    where: { username: { in: usernames }, day: { gte: new Date(`${range.from}T00:00:00Z`), lte: new Date(`${range.to}T00:00:00Z`) } },
    _sum: { inputOctets: true, outputOctets: true },
    orderBy: { day: "desc" },
  });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), downloadBytes: Number(r._sum.outputOctets ?? 0), uploadBytes: Number(r._sum.inputOctets ?? 0) }));
}
