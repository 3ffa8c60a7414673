// Who is online: /ppp/active and /ip/hotspot/active per router (one read each) and per customer,
// a kick that removes a session (the client redials), and the customer's network tab — their
// accounts, what they must be, whether the router took it, and isolate / restore by hand.
import "server-only";
import { usageDaysOf } from "@/server/modules/radius/usage.service";
import { addDays, localDate } from "@/server/time/calendar-date";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { countIsolatedOnTheWire, findDesiredNetworkState, isolateCustomerByHand, restoreCustomerByHand } from "@/server/modules/billing/isolation.service";
import { getCustomerRefOrThrow, listCustomerRefs } from "@/server/modules/customers/customer.service";
import { can } from "@/server/modules/identity/capabilities";
import { HOTSPOT_ACTIVE, PPP_ACTIVE, parseUptime, type RouterClient } from "./driver/router-client";
import { menusOf } from "./account-sync";
import { countAccountsWithIsolationProblem, findAccountsByUsername, listAccountsOfCustomer, listAccountsWithProblems, updateAccount, type NetworkAccountRow } from "./network-account.repository";
import { enqueueConverge, getIsolationSettings, openAccountPassword, targetsOf } from "./provisioning.service";
import { getRouterRowOrThrow, listRouters, withRouter } from "./router.service";
import type { TCustomerNetwork, TNetworkAccount, TNetworkOverview, TSession } from "./network.schema";

const num = (v: string | undefined) => (v === undefined || v === "" || Number.isNaN(Number(v)) ? null : Number(v));

async function readSessions(client: RouterClient, routerId: string, filter?: { pppoe?: string[]; hotspot?: string[] }): Promise<TSession[]> {
  const out: TSession[] = [];
  const ppp = filter ? await Promise.all((filter.pppoe ?? []).map((name) => client.list(PPP_ACTIVE, { name }))).then((r) => r.flat()) : await client.list(PPP_ACTIVE);
  for (const s of ppp) out.push({ id: s.id, routerId, kind: "pppoe", username: s.name ?? "", address: s.address ?? null, callerId: s.callerId ?? null, uptimeSeconds: s.uptime ? parseUptime(s.uptime) : null, bytesIn: null, bytesOut: null, customerId: null, customerName: null });
  const hs = filter ? await Promise.all((filter.hotspot ?? []).map((user) => client.list(HOTSPOT_ACTIVE, { user }))).then((r) => r.flat()) : await client.list(HOTSPOT_ACTIVE);
  for (const s of hs) out.push({ id: s.id, routerId, kind: "hotspot", username: s.user ?? "", address: s.address ?? null, callerId: s.macAddress ?? null, uptimeSeconds: s.uptime ? parseUptime(s.uptime) : null, bytesIn: num(s.bytesIn), bytesOut: num(s.bytesOut), customerId: null, customerName: null });
  return out;
}

/** Every live session on the router, with the customer each belongs to when RRNET knows them. */
export async function listRouterSessions(db: TenantDb, actor: UserActor, routerId: string): Promise<{ routerId: string; sessions: TSession[] }> {
  const router = await getRouterRowOrThrow(db, routerId);
  const sessions = await withRouter(db, actor, router, (client) => readSessions(client, router.id));
  const accounts = await findAccountsByUsername(db, [...new Set(sessions.map((s) => s.username))]);
  const byName = new Map(accounts.map((a) => [`${a.kind}:${a.username}`, a]));
  const customers = new Map((await listCustomerRefs(db, [...new Set(accounts.map((a) => a.customerId))])).map((c) => [c.id, c]));
  for (const s of sessions) {
    const account = byName.get(`${s.kind}:${s.username}`);
    if (!account) continue;
    s.customerId = account.customerId;
    s.customerName = customers.get(account.customerId)?.name ?? null;
  }
  return { routerId: router.id, sessions };
}

/** Removes a live session: the client is disconnected (and redials into its current profile). */
export async function kickSession(db: TenantDb, actor: UserActor, input: { routerId: string; kind: "pppoe" | "hotspot"; sessionId: string }): Promise<{ kicked: boolean }> {
  const router = await getRouterRowOrThrow(db, input.routerId);
  const username = await withRouter(db, actor, router, async (client) => {
    const session = (await readSessions(client, router.id)).find((s) => s.kind === input.kind && s.id === input.sessionId);
    if (!session) return null;
    await client.remove(menusOf(input.kind).active, [session.id]);
    return session.username;
  });
  if (username === null) throw new AppError("NOT_FOUND", { sessionId: input.sessionId }, "network.errors.sessionGone");
  await recordAudit(db, actor, { action: "network.session_kicked", target: { type: "router", id: router.id }, details: { name: router.name, username: username ?? "" } });
  return { kicked: true };
}

function toAccountView(account: NetworkAccountRow, extra: { routerName: string | null; packageName: string | null; wantedAccess: TNetworkAccount["wantedAccess"]; wantedProfile: string | null; showPassword: boolean }): TNetworkAccount {
  return {
    id: account.id,
    subscriptionId: account.subscriptionId,
    kind: account.kind,
    username: account.username,
    password: extra.showPassword ? openAccountPassword(account) : null,
    routerId: account.routerId,
    routerName: extra.routerName,
    packageName: extra.packageName,
    wantedAccess: extra.wantedAccess,
    wantedProfile: extra.wantedProfile,
    status: account.status,
    lastError: account.lastError,
    isolationProblem: account.isolationProblem,
    appliedAccess: account.appliedAccess,
    appliedProfile: account.appliedProfile,
    appliedAt: account.appliedAt?.toISOString() ?? null,
    lastSeenAt: account.lastSeenAt?.toISOString() ?? null,
  };
}

async function accountViews(db: TenantDb, actor: UserActor, accounts: NetworkAccountRow[]): Promise<TNetworkAccount[]> {
  const settings = await getIsolationSettings(db);
  const targets = await targetsOf(db, accounts, settings);
  const routers = new Map((await listRouters(db)).map((r) => [r.id, r.name]));
  const showPassword = can(actor.role, "network.manage");
  return accounts.map((a) => {
    const t = targets.get(a.id);
    return toAccountView(a, { routerName: a.routerId ? (routers.get(a.routerId) ?? null) : null, packageName: t?.facts.subscription.package.name ?? null, wantedAccess: t?.target.access ?? null, wantedProfile: t && t.target.access !== "removed" ? t.target.profile : null, showPassword });
  });
}

/** The accounts' bytes per day over the last 30 days and this month, from RADIUS accounting. */
async function usageOfAccounts(db: TenantDb, accounts: NetworkAccountRow[], timeZone: string): Promise<TCustomerNetwork["usage"]> {
  const today = localDate(new Date(), timeZone);
  const from = addDays(today, -29);
  const month = `${today.slice(0, 7)}-01`;
  const days = await usageDaysOf(db, [...new Set(accounts.map((a) => a.username))], { from: month < from ? month : from, to: today });
  const inMonth = days.filter((d) => d.day >= month);
  return {
    days: days.filter((d) => d.day >= from),
    month,
    monthDownloadBytes: inMonth.reduce((sum, d) => sum + d.downloadBytes, 0),
    monthUploadBytes: inMonth.reduce((sum, d) => sum + d.uploadBytes, 0),
  };
}

/** The customer's network tab: accounts, billing's wish, and who is online now. */
export async function customerNetwork(db: TenantDb, actor: UserActor, customerId: string, timeZone: string): Promise<TCustomerNetwork> {
  const customer = await getCustomerRefOrThrow(db, customerId);
  const accounts = await listAccountsOfCustomer(db, customerId);
  const state = await findDesiredNetworkState(db, customerId);
  const views = await accountViews(db, actor, accounts);
  let sessions: TSession[] | null = [];
  let routerError: string | null = null;
  const byRouter = new Map<string, NetworkAccountRow[]>();
  for (const a of accounts) if (a.routerId && a.appliedAccess !== "removed") byRouter.set(a.routerId, [...(byRouter.get(a.routerId) ?? []), a]);
  for (const [routerId, list] of byRouter) {
    try {
      const found = await withRouter(db, actor, routerId, (client) =>
        readSessions(client, routerId, { pppoe: list.filter((a) => a.kind === "pppoe").map((a) => a.username), hotspot: list.filter((a) => a.kind === "hotspot").map((a) => a.username) }),
      );
      for (const s of found) Object.assign(s, { customerId, customerName: customer.name });
      // Once one router could not be asked the list is incomplete: it stays null (routerError says why).
      if (sessions) sessions.push(...found);
      const now = new Date();
      for (const a of list) if (found.some((s) => s.username === a.username)) await updateAccount(db, a.id, { lastSeenAt: now });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sessions = null;
      routerError = error.code;
    }
  }
  if (sessions) for (const v of views) if (sessions.some((s) => s.username === v.username)) v.lastSeenAt = new Date().toISOString();
  return { customerId, customerStatus: customer.status, billingWants: state?.desired ?? null, billingReason: state?.reason ?? null, accounts: views, sessions, routerError, usage: await usageOfAccounts(db, accounts, timeZone) };
}

export async function isolateCustomer(db: TenantDb, actor: UserActor, customerId: string): Promise<void> {
  await isolateCustomerByHand(db, actor, { customerId });
  // The outbox event converges too; this one does not wait for the relay.
  await enqueueConverge(db, customerId, "isolated_by_hand");
}

export async function restoreCustomer(db: TenantDb, actor: UserActor, customerId: string): Promise<void> {
  await restoreCustomerByHand(db, actor, { customerId });
  await enqueueConverge(db, customerId, "restored_by_hand");
}

/** Converge now (the tab's "apply again"). */
export async function retryCustomer(db: TenantDb, _actor: UserActor, customerId: string): Promise<void> {
  await getCustomerRefOrThrow(db, customerId);
  await enqueueConverge(db, customerId, "retry_by_hand");
}

/** Dashboard and network page: isolated customers, how many are isolated on the wire, and problems. */
export async function networkOverview(db: TenantDb, actor: UserActor): Promise<TNetworkOverview> {
  const [wire, problems, rows] = await Promise.all([countIsolatedOnTheWire(db), countAccountsWithIsolationProblem(db), listAccountsWithProblems(db, 50)]);
  const views = await accountViews(db, actor, rows);
  return { isolated: wire.isolated, isolatedOnWire: wire.applied, problems, problemAccounts: views.map((v, i) => ({ ...v, customerId: rows[i]!.customerId })) };
}
