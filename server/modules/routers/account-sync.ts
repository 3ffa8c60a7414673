// Brings one account's router entry to its target on an open router connection: the package's
// profile (and the isolation profile) made when missing, the PPP secret / hotspot user added,
// set (only what differs), disabled or removed, the isolation address list for a static
// address, the active session kicked when what it was dialled with changed — then read back.
// A second run against a converged router sends reads only.
import "server-only";
import { ADDRESS_LIST, HOTSPOT_ACTIVE, HOTSPOT_PROFILE, HOTSPOT_USER, PPP_ACTIVE, PPP_PROFILE, PPP_SECRET, type RouterClient } from "./driver/router-client";
import { PROFILE_COMMENT_PREFIX } from "./package-profiles";
import { ISOLATION_PROFILE_COMMENT, commentOf, entryChanges, isOurs, type AccountTarget, type IsolationSettings, type RouterEntry } from "./account-plan";

export type IsolationProblem = "entry_missing" | "wrong_profile" | "not_disabled" | "static_address" | "session_kept" | "name_taken";

export type ApplyResult = {
  /** Writes sent (add, set, remove). */
  writes: number;
  kicked: number;
  /** Set when the read-back shows the router is not as wanted. */
  problem: IsolationProblem | null;
  online: boolean;
};

// Hotspot users share the fields RRNET writes (name, password, profile, disabled, comment) with
// PPP secrets; sessions are only removed by id. So one menu type serves both kinds here.
type EntryMenu = typeof PPP_SECRET;
type ActiveMenu = typeof PPP_ACTIVE;
export const menusOf = (kind: AccountTarget["kind"]) =>
  kind === "pppoe" ? { entry: PPP_SECRET, active: PPP_ACTIVE } : { entry: HOTSPOT_USER as unknown as EntryMenu, active: HOTSPOT_ACTIVE as unknown as ActiveMenu };

/** Makes the profile when the router has none of that name (never changes someone else's). */
export async function ensureProfile(client: RouterClient, kind: AccountTarget["kind"], profile: { name: string; rateLimit: string; addressList?: string; comment: string }): Promise<number> {
  if (kind === "pppoe") {
    const [found] = await client.list(PPP_PROFILE, { name: profile.name });
    if (found) {
      if (found.comment === profile.comment && (found.rateLimit !== profile.rateLimit || (profile.addressList && found.addressList !== profile.addressList))) {
        await client.set(PPP_PROFILE, found.id, { rateLimit: profile.rateLimit, ...(profile.addressList ? { addressList: profile.addressList } : {}) });
        return 1;
      }
      return 0;
    }
    await client.add(PPP_PROFILE, { name: profile.name, rateLimit: profile.rateLimit, comment: profile.comment, ...(profile.addressList ? { addressList: profile.addressList } : {}) });
    return 1;
  }
  const [found] = await client.list(HOTSPOT_PROFILE, { name: profile.name });
  if (found) return 0;
  await client.add(HOTSPOT_PROFILE, { name: profile.name, rateLimit: profile.rateLimit, ...(profile.addressList ? { addressList: profile.addressList } : {}) });
  return 1;
}

export function isolationProfileOf(settings: IsolationSettings) {
  return { name: settings.isolationProfile, rateLimit: settings.isolationRateLimit, addressList: settings.isolationAddressList, comment: ISOLATION_PROFILE_COMMENT };
}

export async function applyAccount(client: RouterClient, target: AccountTarget, settings: IsolationSettings): Promise<ApplyResult> {
  const m = menusOf(target.kind);
  const comment = commentOf(target.subscriptionId);
  let writes = 0;
  const [entry] = (await client.list(m.entry, { name: target.username })) as RouterEntry[];
  if (entry && !isOurs(entry)) return { writes, kicked: 0, problem: "name_taken", online: false };
  const sessionsOf = () => (target.kind === "pppoe" ? client.list(PPP_ACTIVE, { name: target.username }) : client.list(HOTSPOT_ACTIVE, { user: target.username }));

  if (target.access === "removed") {
    if (entry) {
      await client.remove(m.entry, [entry.id]);
      writes++;
    }
    writes += await syncStaticIsolation(client, target, settings, entry?.remoteAddress, false);
    const sessions = await sessionsOf();
    await client.remove(m.active, sessions.map((s) => s.id));
    return { writes: writes + sessions.length, kicked: sessions.length, problem: null, online: false };
  }

  writes += await ensureProfile(client, target.kind, { ...target.packageProfile, comment: `${PROFILE_COMMENT_PREFIX}${target.packageProfile.packageId}` });
  if (target.access === "isolated") writes += await ensureProfile(client, target.kind, isolationProfileOf(settings));

  let kick = false;
  if (!entry) {
    const values = { name: target.username, password: target.password, profile: target.profile, disabled: target.access === "suspended", comment };
    if (target.kind === "pppoe") await client.add(PPP_SECRET, { ...values, service: "pppoe" });
    else await client.add(HOTSPOT_USER, values);
    writes++;
  } else {
    const { values } = entryChanges(target, entry);
    if (Object.keys(values).length > 0) {
      await client.set(m.entry, entry.id, values);
      writes++;
      kick = true;
    }
  }
  writes += await syncStaticIsolation(client, target, settings, entry?.remoteAddress, target.access === "isolated");

  let kicked = 0;
  let before: string[] = [];
  if (kick) {
    // The session keeps what it dialled in with: drop it so the client redials into the new state.
    const sessions = await sessionsOf();
    before = sessions.map((s) => ("sessionId" in s && s.sessionId ? s.sessionId : s.id));
    await client.remove(m.active, sessions.map((s) => s.id));
    kicked = sessions.length;
    writes += kicked;
  }

  // Read back: what the router holds now.
  const [after] = (await client.list(m.entry, { name: target.username })) as RouterEntry[];
  let problem: IsolationProblem | null = null;
  if (!after) problem = "entry_missing";
  else if ((after.profile ?? "default") !== target.profile) problem = "wrong_profile";
  else if ((after.disabled ?? false) !== (target.access === "suspended")) problem = "not_disabled";
  else if (target.access === "isolated" && after.remoteAddress) {
    const listed = await client.list(ADDRESS_LIST, { list: settings.isolationAddressList, address: after.remoteAddress });
    if (listed.length === 0) problem = "static_address";
  }
  let online = false;
  if (!problem) {
    const sessions = await sessionsOf();
    online = sessions.length > 0;
    if (kick && sessions.some((s) => before.includes("sessionId" in s && s.sessionId ? s.sessionId : s.id))) problem = "session_kept";
  }
  return { writes, kicked, problem, online };
}

/** A static remote address is put on the isolation list while isolated (the profile's list covers dynamic ones). */
async function syncStaticIsolation(client: RouterClient, target: AccountTarget, settings: IsolationSettings, remoteAddress: string | undefined, want: boolean): Promise<number> {
  if (target.kind !== "pppoe") return 0;
  const comment = commentOf(target.subscriptionId);
  if (!want && !remoteAddress) return 0;
  const entries = await client.list(ADDRESS_LIST, { list: settings.isolationAddressList, comment });
  let writes = 0;
  const keep = want && remoteAddress ? entries.find((e) => e.address === remoteAddress) : undefined;
  const stale = entries.filter((e) => e !== keep && !e.dynamic);
  if (stale.length) {
    await client.remove(ADDRESS_LIST, stale.map((e) => e.id));
    writes++;
  }
  if (want && remoteAddress && !keep) {
    await client.add(ADDRESS_LIST, { list: settings.isolationAddressList, address: remoteAddress, comment });
    writes++;
  }
  return writes;
}
