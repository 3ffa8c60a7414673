// Drift between what RRNET wants on a router and what the router holds: one read of each
// managed table (/ppp/secret, /ip/hotspot/user), compared with every account placed on the
// router. Kinds: missing (RRNET has it, the router not), extra (marked as RRNET's but no longer
// wanted), wrong profile / password / disabled state; entries RRNET did not make are listed as
// unmanaged (candidates for import) and never touched. Repair sends one write per difference
// (plus one read of the profiles, and of the sessions when one must be kicked), so a converged
// router costs two reads whatever its size. A router that fails is reported, never blocking others.
import "server-only";
import type { Actor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { HOTSPOT_ACTIVE, HOTSPOT_PROFILE, HOTSPOT_USER, PPP_ACTIVE, PPP_PROFILE, PPP_SECRET, type RouterClient } from "./driver/router-client";
import { PROFILE_COMMENT_PREFIX } from "./package-profiles";
import { ISOLATION_PROFILE_COMMENT, commentOf, entryChanges, isOurs, type AccountTarget, type IsolationSettings, type RouterEntry } from "./account-plan";
import { menusOf } from "./account-sync";
import { listAccountsOfRouter, updateAccounts } from "./network-account.repository";
import { getIsolationSettings, targetsOf } from "./provisioning.service";
import { getRouterRowOrThrow, listRouters, withRouter } from "./router.service";
import { updateRouterDrift } from "./router.repository";
import type { TDriftItem, TDriftReport } from "./network.schema";

type Kind = "pppoe" | "hotspot";
type Planned = TDriftItem & { target: AccountTarget | null; entry: RouterEntry | null };

const MENU = { pppoe: menusOf("pppoe").entry, hotspot: menusOf("hotspot").entry } as const;

/** Compares the router's entries with the accounts' targets (pure once both are read). */
export function planDrift(targets: readonly AccountTarget[], tables: Record<Kind, readonly RouterEntry[]>): { items: Planned[]; unmanaged: Array<{ kind: Kind; username: string }> } {
  const items: Planned[] = [];
  const unmanaged: Array<{ kind: Kind; username: string }> = [];
  for (const kind of ["pppoe", "hotspot"] as const) {
    const wanted = new Map(targets.filter((t) => t.kind === kind).map((t) => [t.username, t]));
    const seen = new Set<string>();
    for (const entry of tables[kind]) {
      const name = entry.name ?? "";
      const target = wanted.get(name);
      if (!isOurs(entry)) {
        if (!target || target.access === "removed") unmanaged.push({ kind, username: name });
        else {
          // Someone else's entry has the account's name: reported, never overwritten.
          seen.add(name);
          unmanaged.push({ kind, username: name });
        }
        continue;
      }
      seen.add(name);
      if (!target || target.access === "removed" || entry.comment !== commentOf(target.subscriptionId)) {
        items.push({ key: `${kind}:${name}`, kind, username: name, kinds: ["extra"], accountId: target?.accountId ?? null, customerId: target?.customerId ?? null, expectedProfile: null, actualProfile: entry.profile ?? null, target: null, entry });
        continue;
      }
      const { kinds } = entryChanges(target, entry);
      if (kinds.length) items.push({ key: `${kind}:${name}`, kind, username: name, kinds, accountId: target.accountId, customerId: target.customerId, expectedProfile: target.profile, actualProfile: entry.profile ?? null, target, entry });
    }
    for (const [name, target] of wanted) {
      if (seen.has(name) || target.access === "removed") continue;
      items.push({ key: `${kind}:${name}`, kind, username: name, kinds: ["missing"], accountId: target.accountId, customerId: target.customerId, expectedProfile: target.profile, actualProfile: null, target, entry: null });
    }
  }
  return { items, unmanaged };
}

export type ReconcileOptions = { routerId: string; fix: "none" | "all" | string[] };

/** Reads the router once per table, reports drift and (fix) repairs all or the chosen items. */
export async function reconcileRouter(db: TenantDb, actor: Actor, options: ReconcileOptions): Promise<TDriftReport> {
  const router = await getRouterRowOrThrow(db, options.routerId);
  const accounts = await listAccountsOfRouter(db, router.id);
  const settings = await getIsolationSettings(db);
  const targets = [...(await targetsOf(db, accounts, settings)).values()].map((t) => t.target);
  const started = Date.now();
  const outcome = await withRouter(db, actor, router, async (client) => {
    const tables = { pppoe: (await client.list(PPP_SECRET)) as RouterEntry[], hotspot: (await client.list(HOTSPOT_USER)) as RouterEntry[] };
    const plan = planDrift(targets, tables);
    const keys = Array.isArray(options.fix) ? new Set(options.fix) : null;
    const chosen = options.fix === "none" ? [] : keys ? plan.items.filter((i) => keys.has(i.key)) : plan.items;
    const fixed = chosen.length ? await repair(client, chosen, settings) : [];
    return { plan, fixed, commands: client.commandCount };
  });
  const fixedKeys = new Set(outcome.fixed);
  // Repaired accounts are applied: one update per (access, profile) they were brought to.
  const groups = new Map<string, { access: string; profile: string; ids: string[] }>();
  for (const item of outcome.plan.items) {
    if (!fixedKeys.has(item.key) || !item.accountId || !item.target) continue;
    const key = `${item.target.access}\u0000${item.target.profile}`;
    const group = groups.get(key) ?? { access: item.target.access, profile: item.target.profile, ids: [] };
    group.ids.push(item.accountId);
    groups.set(key, group);
  }
  const now = new Date();
  for (const g of groups.values()) {
    await updateAccounts(db, g.ids, { status: "applied", lastError: null, isolationProblem: null, appliedAccess: g.access, appliedProfile: g.profile, appliedAt: now, attempts: 0 });
  }
  const remaining = outcome.plan.items.filter((i) => !fixedKeys.has(i.key));
  await updateRouterDrift(db, router.id, { driftCount: remaining.length, driftCheckedAt: new Date() });
  if (outcome.fixed.length > 0) {
    await recordAudit(db, actor, { action: "network.drift_fixed", target: { type: "router", id: router.id }, details: { name: router.name, fixed: outcome.fixed.length } });
  }
  return {
    routerId: router.id,
    checkedAt: new Date().toISOString(),
    items: outcome.plan.items.map(({ target: _t, entry: _e, ...item }) => item),
    unmanaged: outcome.plan.unmanaged,
    managed: targets.length,
    fixed: outcome.fixed,
    commands: outcome.commands,
    elapsedMs: Date.now() - started,
  };
}

async function repair(client: RouterClient, items: readonly Planned[], settings: IsolationSettings): Promise<string[]> {
  const fixed: string[] = [];
  const needsProfiles = items.filter((i) => i.target && (i.kinds.includes("missing") || i.kinds.includes("wrong_profile")));
  if (needsProfiles.length) await ensureProfiles(client, needsProfiles.map((i) => i.target!), settings);
  const kick: Record<Kind, string[]> = { pppoe: [], hotspot: [] };
  for (const item of items) {
    const menu = MENU[item.kind];
    if (item.kinds.includes("extra")) {
      await client.remove(menu, [item.entry!.id]);
      kick[item.kind].push(item.username);
    } else if (item.kinds.includes("missing")) {
      const t = item.target!;
      const values = { name: t.username, password: t.password, profile: t.profile, disabled: t.access === "suspended", comment: commentOf(t.subscriptionId) };
      if (item.kind === "pppoe") await client.add(PPP_SECRET, { ...values, service: "pppoe" });
      else await client.add(HOTSPOT_USER, values);
    } else {
      const { values } = entryChanges(item.target!, item.entry!);
      await client.set(menu, item.entry!.id, values);
      kick[item.kind].push(item.username);
    }
    fixed.push(item.key);
  }
  // Sessions dialled with the old profile or password keep them until they redial.
  if (kick.pppoe.length) {
    const names = new Set(kick.pppoe);
    const sessions = (await client.list(PPP_ACTIVE)).filter((s) => names.has(s.name ?? ""));
    await client.remove(PPP_ACTIVE, sessions.map((s) => s.id));
  }
  if (kick.hotspot.length) {
    const names = new Set(kick.hotspot);
    const sessions = (await client.list(HOTSPOT_ACTIVE)).filter((s) => names.has(s.user ?? ""));
    await client.remove(HOTSPOT_ACTIVE, sessions.map((s) => s.id));
  }
  return fixed;
}

/** Profiles the repaired entries name, made when missing: one read per profile table. */
async function ensureProfiles(client: RouterClient, targets: readonly AccountTarget[], settings: IsolationSettings): Promise<void> {
  for (const kind of ["pppoe", "hotspot"] as const) {
    const wanted = targets.filter((t) => t.kind === kind);
    if (!wanted.length) continue;
    const existing = new Set((kind === "pppoe" ? await client.list(PPP_PROFILE) : await client.list(HOTSPOT_PROFILE)).map((p) => p.name));
    const toMake = new Map<string, { rateLimit: string; comment: string; addressList?: string }>();
    for (const t of wanted) {
      if (t.profile === settings.isolationProfile) toMake.set(t.profile, { rateLimit: settings.isolationRateLimit, comment: ISOLATION_PROFILE_COMMENT, addressList: settings.isolationAddressList });
      else toMake.set(t.packageProfile.name, { rateLimit: t.packageProfile.rateLimit, comment: `${PROFILE_COMMENT_PREFIX}${t.packageProfile.packageId}` });
    }
    for (const [name, p] of toMake) {
      if (existing.has(name)) continue;
      if (kind === "pppoe") await client.add(PPP_PROFILE, { name, rateLimit: p.rateLimit, comment: p.comment, ...(p.addressList ? { addressList: p.addressList } : {}) });
      else await client.add(HOTSPOT_PROFILE, { name, rateLimit: p.rateLimit, ...(p.addressList ? { addressList: p.addressList } : {}) });
    }
  }
}

/** The scheduled report: every router of the tenant, each on its own (a failure is recorded, the rest go on). */
export async function reconcileAllRouters(db: TenantDb, actor: Actor): Promise<Array<{ routerId: string; ok: boolean; drift: number; error: string | null }>> {
  const routers = await listRouters(db);
  return Promise.all(
    routers.map(async (r) => {
      try {
        const report = await reconcileRouter(db, actor, { routerId: r.id, fix: "none" });
        return { routerId: r.id, ok: true, drift: report.items.length, error: null };
      } catch (error) {
        return { routerId: r.id, ok: false, drift: 0, error: error instanceof AppError ? error.code : "INTERNAL" };
      }
    }),
  );
}

