// Subscriptions' PPPoE/hotspot accounts and their convergence. Every subscription of a PPPoE or
// hotspot package gets an account (username from the customer, generated password sealed at
// rest) on the customer's router. What the account must be comes from the subscription, the
// customer and billing's desired network state (accessOf); the `network.converge` job brings
// the router to it — only the differences, read back, retried with backoff — with one job per
// customer at a time (a Redis lock), and stamps billing's state applied when all took. Accounts
// that log in through RADIUS (their router in RADIUS or both mode; unplaced ones when the tenant
// has such a router) get their radcheck/radreply rows from the same job and the same rules.
import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { systemActor, type Actor, type UserActor } from "@/server/actor/actor";
import { open as openSecret, seal as sealSecret } from "@/server/crypto/secret-box";
import type { TenantDb, TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { enqueue, enqueueMany, type JobTarget } from "@/server/jobs/enqueue";
import { redis } from "@/server/redis/client";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { listDesiredNetworkStates, markNetworkApplied, type TNetworkState } from "@/server/modules/billing/isolation.service";
import { getCustomerRefOrThrow, listCustomerRefs } from "@/server/modules/customers/customer.service";
import { syncRadiusUsers, type RadiusUser } from "@/server/modules/radius/radius-user.service";
import { listNetworkSubscriptions, type NetworkSubscriptionRow } from "@/server/modules/subscriptions/subscription.service";
import { accessOf, radiusUserOf, targetOf, usernameBase, type AccountTarget, type IsolationSettings } from "./account-plan";
import { applyAccount, type ApplyResult } from "./account-sync";
import {
  customersWithUnappliedAccounts,
  findIsolationSettings,
  insertAccount,
  listAccountsOfCustomer,
  listRouterIdsOfTenant,
  listRouterModesOfTenant,
  listUsernamesLike,
  updateAccount,
  type NetworkAccountRow,
} from "./network-account.repository";
import { getRouterRowOrThrow, withRouter } from "./router.service";

export const ZConvergePayload = z.object({ tenantId: z.uuid(), customerId: z.uuid(), reason: z.string().max(80).default("change") });

/** The converge job's target (its handler is in routers.jobs.ts). Retries back off from 5 s. */
export const CONVERGE_JOB = {
  name: "network.converge",
  queue: "default",
  payload: ZConvergePayload,
  options: { attempts: 8, backoff: { type: "exponential", delay: 5_000 }, removeOnComplete: { age: 3600, count: 2000 }, removeOnFail: { age: 7 * 24 * 3600 } },
} as const satisfies JobTarget<typeof ZConvergePayload>;

export async function enqueueConverge(db: TenantDb, customerId: string, reason: string): Promise<void> {
  await enqueue(CONVERGE_JOB, { tenantId: db.tenantId, customerId, reason });
}

/** The sweep: customers whose accounts are not applied yet get another converge. */
export async function enqueuePendingConverges(db: TenantDb): Promise<number> {
  const customers = await customersWithUnappliedAccounts(db, 500);
  await enqueueMany(CONVERGE_JOB, customers.map((customerId) => ({ payload: { tenantId: db.tenantId, customerId, reason: "retry" } })));
  return customers.length;
}

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export function generatePassword(length = 10): string {
  return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("");
}

export async function getIsolationSettings(db: TenantDb): Promise<IsolationSettings> {
  return findIsolationSettings(db);
}

async function freeUsername(db: TenantScope, base: string): Promise<string> {
  const taken = new Set((await listUsernamesLike(db, base)).map((r) => r.username));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Every PPPoE/hotspot subscription of the customer has its account: missing ones are made
 * (on the router of the customer's other accounts, or the tenant's only router).
 */
export async function ensureAccounts(db: TenantScope, customerId: string): Promise<NetworkAccountRow[]> {
  const [subscriptions, accounts] = await Promise.all([listNetworkSubscriptions(db, { customerIds: [customerId] }), listAccountsOfCustomer(db, customerId)]);
  const have = new Set(accounts.map((a) => a.subscriptionId));
  const missing = subscriptions.filter((s) => !have.has(s.id) && s.status !== "ended");
  if (missing.length === 0) return accounts;
  const customer = await getCustomerRefOrThrow(db, customerId);
  const routers = await listRouterIdsOfTenant(db);
  const routerId = accounts.find((a) => a.routerId)?.routerId ?? (routers.length === 1 ? routers[0]!.id : null);
  for (const sub of missing) {
    const username = await freeUsername(db, usernameBase(customer));
    try {
      accounts.push(await insertAccount(db, { subscriptionId: sub.id, customerId, routerId, kind: sub.package.type, username, passwordSealed: sealSecret(generatePassword()) }));
    } catch (error) {
      // A converge running at the same time made it: read it back.
      if ((error as { code?: string }).code !== "P2002") throw error;
      return listAccountsOfCustomer(db, customerId);
    }
  }
  return accounts;
}

export type AccountFacts = { subscription: NetworkSubscriptionRow; customerStatus: string; billing: TNetworkState | null };

/** What each account must be on its router, from its subscription, customer and billing's state. */
export async function targetsOf(db: TenantDb, accounts: readonly NetworkAccountRow[], settings: IsolationSettings): Promise<Map<string, { target: AccountTarget; facts: AccountFacts }>> {
  const customerIds = [...new Set(accounts.map((a) => a.customerId))];
  const [subscriptions, customers, states] = await Promise.all([
    listNetworkSubscriptions(db, { ids: accounts.map((a) => a.subscriptionId) }),
    listCustomerRefs(db, customerIds),
    listDesiredNetworkStates(db, customerIds),
  ]);
  const subById = new Map(subscriptions.map((s) => [s.id, s]));
  const statusById = new Map(customers.map((c) => [c.id, c.status]));
  const out = new Map<string, { target: AccountTarget; facts: AccountFacts }>();
  for (const account of accounts) {
    const subscription = subById.get(account.subscriptionId);
    if (!subscription) continue;
    const customerStatus = statusById.get(account.customerId) ?? "terminated";
    const billing = states.get(account.customerId) ?? null;
    const access = accessOf({ subscriptionStatus: subscription.status, customerStatus, billingWants: billing?.desired ?? null, mode: settings.isolationMode });
    out.set(account.id, { target: targetOf({ account, password: openSecret(account.passwordSealed), access, pkg: subscription.package, settings }), facts: { subscription, customerStatus, billing } });
  }
  return out;
}

const LOCK_TTL_MS = 120_000;

/** One converge per customer at a time: waits for the other one (up to `waitMs`), then runs. */
async function withCustomerLock<T>(tenantId: string, customerId: string, waitMs: number, work: () => Promise<T>): Promise<T> {
  const key = `rrnet:network:converge:${tenantId}:${customerId}`;
  const token = randomBytes(12).toString("hex");
  const deadline = Date.now() + waitMs;
  while ((await redis().set(key, token, "PX", LOCK_TTL_MS, "NX")) !== "OK") {
    if (Date.now() > deadline) throw new AppError("CONFLICT", { reason: "converge_in_progress", customerId });
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    return await work();
  } finally {
    await redis().eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", 1, key, token);
  }
}

export type ConvergeResult = { accounts: number; applied: number; failed: number; writes: number; unplaced: number; radiusChanged: number };

type RouterModes = { byId: Map<string, "api" | "radius" | "both">; anyRadius: boolean };

export async function routerModes(db: TenantDb): Promise<RouterModes> {
  const rows = await listRouterModesOfTenant(db);
  return { byId: new Map(rows.map((r) => [r.id, r.mode])), anyRadius: rows.some((r) => r.mode !== "api") };
}

/** RADIUS serves the account when its router asks RADIUS, or (unplaced) when any of the tenant's routers does. */
function viaRadius(account: Pick<NetworkAccountRow, "routerId">, modes: RouterModes): boolean {
  const mode = account.routerId ? modes.byId.get(account.routerId) : undefined;
  return mode ? mode !== "api" : modes.anyRadius;
}

/** What RADIUS must hold for each account (null: nothing, its router does not ask RADIUS). */
export function radiusWanted(accounts: readonly NetworkAccountRow[], targets: Map<string, { target: AccountTarget; facts: AccountFacts }>, modes: RouterModes, settings: IsolationSettings): Map<string, RadiusUser | null> {
  const wanted = new Map<string, RadiusUser | null>();
  for (const account of accounts) {
    const entry = targets.get(account.id);
    if (!entry) continue;
    const facts = { subscriptionStatus: entry.facts.subscription.status, customerStatus: entry.facts.customerStatus };
    wanted.set(account.username, viaRadius(account, modes) ? radiusUserOf(entry.target, facts, settings) : null);
  }
  return wanted;
}

/**
 * Brings every router account of the customer to what it must be. Failures are recorded on the
 * account and rethrown after the others were tried, so the job retries (and nothing is lost).
 */
export async function convergeCustomer(db: TenantDb, actor: Actor, customerId: string, options: { lockWaitMs?: number } = {}): Promise<ConvergeResult> {
  return withCustomerLock(db.tenantId, customerId, options.lockWaitMs ?? 60_000, async () => {
    const accounts = await ensureAccounts(db, customerId);
    const settings = await getIsolationSettings(db);
    const targets = await targetsOf(db, accounts, settings);
    const modes = await routerModes(db);
    const radiusChanged = await syncRadiusUsers(db, radiusWanted(accounts, targets, modes, settings));
    const result: ConvergeResult = { accounts: accounts.length, applied: 0, failed: 0, writes: 0, unplaced: 0, radiusChanged: radiusChanged.length };
    let firstError: unknown = null;
    for (const account of accounts) {
      const entry = targets.get(account.id);
      if (!entry) continue;
      // RADIUS only (a RADIUS-mode router, or unplaced with RADIUS at hand): its rows are the account.
      if ((!account.routerId || modes.byId.get(account.routerId) === "radius") && viaRadius(account, modes)) {
        result.applied++;
        const access = entry.target.access;
        await updateAccount(db, account.id, { status: "applied", lastError: null, isolationProblem: null, appliedAccess: access, appliedProfile: access === "removed" ? null : entry.target.profile, appliedAt: new Date(), attempts: 0 });
        continue;
      }
      if (!account.routerId) {
        result.unplaced++;
        await updateAccount(db, account.id, { status: "pending", lastError: "no_router" });
        continue;
      }
      if (entry.target.access === "removed" && account.appliedAccess === "removed" && account.status === "applied") {
        result.applied++;
        continue;
      }
      try {
        const applied: ApplyResult = await withRouter(db, actor, account.routerId, (client) => applyAccount(client, entry.target, settings));
        result.writes += applied.writes;
        const now = new Date();
        await updateAccount(db, account.id, {
          status: applied.problem ? "failed" : "applied",
          lastError: applied.problem,
          isolationProblem: applied.problem && entry.target.access !== "allowed" ? applied.problem : null,
          appliedAccess: entry.target.access,
          appliedProfile: entry.target.access === "removed" ? null : entry.target.profile,
          appliedAt: applied.problem ? account.appliedAt : now,
          attempts: applied.problem ? account.attempts + 1 : 0,
          ...(applied.online ? { lastSeenAt: now } : {}),
        });
        if (applied.problem) {
          result.failed++;
          firstError ??= new AppError("ROUTER_COMMAND_FAILED", { reason: "readback", problem: applied.problem, accountId: account.id });
        } else result.applied++;
      } catch (error) {
        result.failed++;
        firstError ??= error;
        const code = error instanceof AppError ? error.code : "INTERNAL";
        await updateAccount(db, account.id, { status: "failed", lastError: code, attempts: account.attempts + 1, ...(entry.target.access !== "allowed" ? { isolationProblem: "router_unreachable" } : {}) });
      }
    }
    const billing = [...targets.values()][0]?.facts.billing;
    if (result.failed === 0 && result.unplaced === 0 && billing && !billing.appliedAt) {
      await markNetworkApplied(db, { customerId, changedAt: billing.changedAt, at: new Date() });
    }
    if (firstError) throw firstError;
    return result;
  });
}

/** The sweep's retry and the event hooks share this: system work in the tenant. */
export const NETWORK_ACTOR_LABEL = "network converge";
export const networkActor = (tenantId: string) => systemActor(NETWORK_ACTOR_LABEL, { tenantId });

// ---- staff actions on an account ------------------------------------------------------------

async function getAccountOfCustomerOrThrow(db: TenantDb, customerId: string, accountId: string): Promise<NetworkAccountRow> {
  const account = (await listAccountsOfCustomer(db, customerId)).find((a) => a.id === accountId);
  if (!account) throw new AppError("NOT_FOUND", { accountId }, "network.errors.accountNotFound");
  return account;
}

/** A new password (typed, or generated): stored sealed, then put on the router by a converge. */
export async function changeAccountPassword(db: TenantDb, actor: UserActor, input: { customerId: string; accountId: string; password: string | null }): Promise<{ password: string }> {
  const account = await getAccountOfCustomerOrThrow(db, input.customerId, input.accountId);
  const password = input.password ?? generatePassword();
  await updateAccount(db, account.id, { passwordSealed: sealSecret(password), status: "pending" });
  await recordAudit(db, actor, { action: "network.password_changed", target: { type: "customer", id: account.customerId }, details: { username: account.username } });
  await enqueueConverge(db, account.customerId, "password");
  return { password };
}

/** Places the account on a router (or moves it: the old router's entry is removed first). */
export async function placeAccount(db: TenantDb, actor: UserActor, input: { customerId: string; accountId: string; routerId: string }): Promise<void> {
  const account = await getAccountOfCustomerOrThrow(db, input.customerId, input.accountId);
  const router = await getRouterRowOrThrow(db, input.routerId);
  if (account.routerId === router.id) return;
  if (account.routerId) {
    const settings = await getIsolationSettings(db);
    const entry = (await targetsOf(db, [account], settings)).get(account.id);
    if (entry) await withRouter(db, actor, account.routerId, (client) => applyAccount(client, { ...entry.target, access: "removed" }, settings));
  }
  await recordPlacement(db, actor, account, router);
  await enqueueConverge(db, account.customerId, "router");
}

async function recordPlacement(db: TenantScope, actor: Actor, account: NetworkAccountRow, router: { id: string; name: string }): Promise<void> {
  await updateAccount(db, account.id, { routerId: router.id, status: "pending", lastError: null });
  await recordAudit(db, actor, { action: "network.account_changed", target: { type: "customer", id: account.customerId }, details: { username: account.username, router: router.name } });
}

/**
 * Puts an account that is on no router yet on `router`, in the caller's transaction (nothing to
 * take off a router first); the caller's event converges it after the commit. False, and nothing
 * changed, when it is on another router: placeAccount moves it (over the network) instead.
 */
export async function placeUnplacedAccount(tx: TenantScope, actor: Actor, account: NetworkAccountRow, router: { id: string; name: string }): Promise<boolean> {
  if (account.routerId === router.id) return true;
  if (account.routerId) return false;
  await recordPlacement(tx, actor, account, router);
  return true;
}

export function openAccountPassword(account: Pick<NetworkAccountRow, "passwordSealed">): string {
  return openSecret(account.passwordSealed);
}

const CONVERGING_EVENTS = new Set(["billing.customer_isolated", "billing.customer_restored", "subscriptions.subscription_changed", "customers.status_changed", "workorders.installation_finished"]);

/** The outbox's delivery hands every event here: those that change a customer's access converge their router accounts. */
export async function convergeForEvent(db: TenantDb, event: { type: string; payload: unknown }): Promise<boolean> {
  if (!CONVERGING_EVENTS.has(event.type)) return false;
  const customerId = (event.payload as { customerId?: unknown }).customerId;
  if (typeof customerId !== "string") return false;
  await enqueueConverge(db, customerId, event.type.split(".")[1]!.slice(0, 80));
  return true;
}
