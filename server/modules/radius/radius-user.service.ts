// What FreeRADIUS answers for one user, as rows of radcheck / radreply, and the one way those
// rows change: the network module says what each of its accounts must be (accepted with a rate
// limit and maybe the isolation address list, or rejected with a reason) and this writes only
// the users whose rows differ, each user's rows replaced in one transaction.
import "server-only";
import type { TenantDb } from "@/server/db";
import { listItemsOf, listUsernamesWithItems, replaceItemsOf, type RadiusItemRow } from "./radius-user.repository";
import { enqueueSessionRequests, recordSessionRequests } from "./session-request.service";

/** Why FreeRADIUS refuses a user; written to radpostauth.reason by the server (sites-enabled/rrnet). */
export const RADIUS_REJECT_REASONS = ["terminated", "subscription_ended", "paused", "isolated"] as const;
export type RadiusRejectReason = (typeof RADIUS_REJECT_REASONS)[number];

export type RadiusUser =
  | { username: string; accept: { password: string; rateLimit: string; addressList: string | null; simultaneousUse: number } }
  | { username: string; reject: RadiusRejectReason };

type Items = { check: RadiusItemRow[]; reply: RadiusItemRow[] };

/** The rows of a user: what FreeRADIUS's `sql` module reads for it (sites-enabled/rrnet). */
export function radiusItemsOf(user: RadiusUser): Items {
  const row = (attribute: string, value: string | number) => ({ username: user.username, attribute, op: ":=", value: String(value) });
  if ("reject" in user) return { check: [row("RRNET-Reject-Reason", user.reject)], reply: [] };
  const { password, rateLimit, addressList, simultaneousUse } = user.accept;
  return {
    check: [row("Cleartext-Password", password), row("Simultaneous-Use", simultaneousUse)],
    reply: [row("Mikrotik-Rate-Limit", rateLimit), ...(addressList ? [row("Mikrotik-Address-List", addressList)] : [])],
  };
}

const key = (r: RadiusItemRow) => `${r.attribute}\u0000${r.op}\u0000${r.value}`;
const sameItems = (a: RadiusItemRow[], b: RadiusItemRow[]) => a.length === b.length && a.map(key).sort().join("\u0001") === b.map(key).sort().join("\u0001");

function groupByUser(items: Items): Map<string, Items> {
  const out = new Map<string, Items>();
  const of = (username: string) => out.get(username) ?? out.set(username, { check: [], reply: [] }).get(username)!;
  for (const r of items.check) of(r.username).check.push(r);
  for (const r of items.reply) of(r.username).reply.push(r);
  return out;
}

export type RadiusDifference = { username: string; kind: "missing" | "extra" | "different" };

/** Which of these users' rows differ from what they must be (null: the user must have none). */
export async function diffRadiusUsers(db: TenantDb, wanted: ReadonlyMap<string, RadiusUser | null>): Promise<RadiusDifference[]> {
  return (await currentAndDifferences(db, wanted)).differences;
}

async function currentAndDifferences(db: TenantDb, wanted: ReadonlyMap<string, RadiusUser | null>): Promise<{ current: Map<string, Items>; differences: RadiusDifference[] }> {
  if (wanted.size === 0) return { current: new Map(), differences: [] };
  const current = groupByUser(await listItemsOf(db, [...wanted.keys()]));
  const differences: RadiusDifference[] = [];
  for (const [username, user] of wanted) {
    const have = current.get(username);
    if (!user) {
      if (have) differences.push({ username, kind: "extra" });
      continue;
    }
    if (!have) {
      differences.push({ username, kind: "missing" });
      continue;
    }
    const want = radiusItemsOf(user);
    if (!sameItems(want.check, have.check) || !sameItems(want.reply, have.reply)) differences.push({ username, kind: "different" });
  }
  return { current, differences };
}

/**
 * Brings these users' rows to what they must be (null: none); returns the users whose rows
 * changed. Users already right are not written, so repeating it writes nothing. Their open
 * sessions are told in the same transaction (a CoA or Disconnect request each, sent after it).
 */
export async function syncRadiusUsers(db: TenantDb, wanted: ReadonlyMap<string, RadiusUser | null>): Promise<RadiusDifference[]> {
  const { current, differences } = await currentAndDifferences(db, wanted);
  if (differences.length === 0) return [];
  const requests = await db.$transaction(async (tx) => {
    for (const { username } of differences) {
      const user = wanted.get(username);
      await replaceItemsOf(tx, username, user ? radiusItemsOf(user) : { check: [], reply: [] });
    }
    return recordSessionRequests(tx, differences.map(({ username }) => ({ username, before: current.get(username)?.reply ?? null, after: wanted.get(username) ?? null })));
  });
  await enqueueSessionRequests(db, requests);
  return differences;
}

/** Every username that has rows (the consistency check looks for rows nobody wants). */
export function listRadiusUsernames(db: TenantDb): Promise<string[]> {
  return listUsernamesWithItems(db);
}
