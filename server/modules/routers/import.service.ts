// Moving an ISP onto RRNET from what its router already holds: the PPP secrets and hotspot
// users RRNET did not make, grouped by profile. Each profile maps to a package (one whose
// router profile or speeds match, or a new one at the price the owner gives); importing
// creates a customer and a subscription per entry (paused when the entry is disabled, so the
// converge keeps it cut off) and adopts the entry (comment marks it
// RRNET's, profile set to the package's — same rate limit, no session kicked). Every database
// row of one import is written in one transaction: it lands whole or not at all. The router is
// changed after the commit; an entry imported but not yet adopted (router unreachable then) is
// adopted by the next import, so importing again finishes the job and otherwise changes nothing.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantDb, TenantTx } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { seal as sealSecret } from "@/server/crypto/secret-box";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { createCustomerInTx } from "@/server/modules/customers/customer.service";
import { createPackage, listPackages } from "@/server/modules/packages/package.service";
import { MAX_SPEED_KBPS } from "@/server/modules/packages/packages.schema";
import { createSubscription, updateSubscription } from "@/server/modules/subscriptions/subscription.service";
import { HOTSPOT_PROFILE, HOTSPOT_USER, PPP_PROFILE, PPP_SECRET, type RouterClient } from "./driver/router-client";
import { PROFILE_COMMENT_PREFIX, profileNameOf, rateLimitOf } from "./package-profiles";
import { commentOf, isOurs } from "./account-plan";
import { menusOf } from "./account-sync";
import { findAccountsByUsername, insertAccount } from "./network-account.repository";
import { getRouterRowOrThrow, withRouter } from "./router.service";
import type { TImportInput, TImportPreview, TImportResult } from "./network.schema";

type Kind = "pppoe" | "hotspot";
type Entry = { id: string; name?: string; password?: string; profile?: string; disabled?: boolean; comment?: string };

/** "5M/10M" (rx/tx: upload/download) -> kbps; null when RouterOS's syntax is not understood or a
 * speed is outside what a package may hold (1 kbps to MAX_SPEED_KBPS). */
export function speedsOf(rateLimit: string | undefined): { speedUpKbps: number; speedDownKbps: number } | null {
  const m = /^(\d+)([kKMG]?)\/(\d+)([kKMG]?)/.exec(rateLimit ?? "");
  if (!m) return null;
  const kbps = (n: string, unit: string) => (unit === "G" ? Number(n) * 1_000_000 : unit === "M" ? Number(n) * 1000 : unit ? Number(n) : Math.round(Number(n) / 1000));
  const up = kbps(m[1]!, m[2]!);
  const down = kbps(m[3]!, m[4]!);
  const fits = (n: number) => n >= 1 && n <= MAX_SPEED_KBPS;
  return fits(up) && fits(down) ? { speedUpKbps: up, speedDownKbps: down } : null;
}

async function readRouter(client: RouterClient) {
  return {
    pppoe: { entries: (await client.list(PPP_SECRET)) as Entry[], profiles: await client.list(PPP_PROFILE) },
    hotspot: { entries: (await client.list(HOTSPOT_USER)) as Entry[], profiles: await client.list(HOTSPOT_PROFILE) },
  };
}

export async function previewImport(db: TenantDb, actor: UserActor, routerId: string): Promise<TImportPreview> {
  const router = await getRouterRowOrThrow(db, routerId);
  const tables = await withRouter(db, actor, router, readRouter);
  const packages = await listPackages(db);
  const candidates = (["pppoe", "hotspot"] as const).flatMap((kind) => tables[kind].entries.filter((e) => !isOurs(e) && e.name).map((e) => ({ kind, entry: e })));
  // Usernames are unique in the tenant whatever the kind (as importFromRouter skips them).
  const imported = new Set((await findAccountsByUsername(db, candidates.map((c) => c.entry.name!))).map((a) => a.username));
  const groups = new Map<string, TImportPreview["profiles"][number]>();
  for (const { kind, entry } of candidates) {
    const profile = entry.profile ?? "default";
    const key = `${kind}:${profile}`;
    const existing = groups.get(key);
    if (existing) {
      existing.entries++;
      continue;
    }
    const routerProfile = (tables[kind].profiles as Array<{ name?: string; rateLimit?: string; comment?: string }>).find((p) => p.name === profile);
    const rateLimit = routerProfile?.rateLimit ?? null;
    const speeds = speedsOf(rateLimit ?? undefined);
    const match =
      packages.find((p) => p.type === kind && (routerProfile?.comment === `${PROFILE_COMMENT_PREFIX}${p.id}` || profileNameOf(p) === profile)) ??
      packages.find((p) => p.type === kind && p.active && rateLimit !== null && rateLimitOf(p) === rateLimit);
    groups.set(key, { kind, profile, rateLimit, entries: 1, packageId: match?.id ?? null, packageName: match?.name ?? null, speedDownKbps: speeds?.speedDownKbps ?? null, speedUpKbps: speeds?.speedUpKbps ?? null });
  }
  return {
    routerId: router.id,
    profiles: [...groups.values()],
    entries: candidates.map(({ kind, entry }) => ({ kind, username: entry.name!, profile: entry.profile ?? "default", disabled: entry.disabled ?? false, comment: entry.comment ?? null, alreadyImported: imported.has(entry.name!) })),
  };
}

export async function importFromRouter(db: TenantDb, actor: UserActor, input: TImportInput): Promise<TImportResult> {
  const router = await getRouterRowOrThrow(db, input.routerId);
  const tables = await withRouter(db, actor, router, readRouter);
  const packages = await listPackages(db);
  const candidates = (["pppoe", "hotspot"] as const).flatMap((kind) => tables[kind].entries.filter((e) => !isOurs(e) && e.name).map((e) => ({ kind, entry: e })));
  const accounts = await findAccountsByUsername(db, candidates.map((c) => c.entry.name!));
  const adopt: Array<{ kind: Kind; id: string; comment: string; profile: string }> = [];
  const result = await db.$transaction(
    (tx) => importRows(tx, actor, { input, tables, packages, candidates, accounts, routerId: router.id, adopt }),
    // One import may hold thousands of entries: the default 5 s is for request-sized work.
    { timeout: 10 * 60_000, maxWait: 10_000 },
  );
  // Entries imported earlier whose adoption did not reach the router: this run adopts them.
  for (const { kind, entry } of candidates) {
    const account = accounts.find((a) => a.username === entry.name && a.kind === kind && a.routerId === router.id);
    if (!account) continue;
    // Its profile stays as it is: the next converge moves it to the package's once it is RRNET's.
    adopt.push({ kind, id: entry.id, comment: commentOf(account.subscriptionId), profile: entry.profile ?? "default" });
  }
  if (adopt.length) {
    try {
      await adoptOnRouter(db, actor, router, tables, adopt);
      result.adopted = adopt.length;
    } catch (error) {
      if (!(error instanceof AppError) || !error.code.startsWith("ROUTER_")) throw error;
      // The customers are saved; the user is told the router still has to take them.
      result.adoptPending = adopt.length;
      result.routerError = error.code;
    }
  }
  if (result.customers > 0 || result.adopted > 0) await recordAudit(db, actor, { action: "network.imported", target: { type: "router", id: router.id }, details: { name: router.name, customers: result.customers, subscriptions: result.subscriptions, packages: result.packages, skipped: result.skipped, adopted: result.adopted, adoptPending: result.adoptPending } });
  return result;
}

type Tables = Awaited<ReturnType<typeof readRouter>>;
type ImportPackage = { id: string; name: string; type: string; active: boolean; speedDownKbps: number; speedUpKbps: number };

async function importRows(
  db: TenantTx,
  actor: UserActor,
  ctx: { input: TImportInput; tables: Tables; packages: ImportPackage[]; candidates: Array<{ kind: Kind; entry: Entry }>; accounts: Array<{ username: string }>; routerId: string; adopt: Array<{ kind: Kind; id: string; comment: string; profile: string }> },
): Promise<TImportResult> {
  const { input, tables, packages, candidates, adopt } = ctx;
  const result: TImportResult = { customers: 0, subscriptions: 0, packages: 0, skipped: 0, adopted: 0, adoptPending: 0, routerError: null };
  // Each profile's package: the mapping's, or a new one named after the profile.
  const packageOf = new Map<string, { id: string; name: string; speedDownKbps: number; speedUpKbps: number }>();
  for (const m of input.mappings) {
    const key = `${m.kind}:${m.profile}`;
    if (m.packageId) {
      const pkg = packages.find((p) => p.id === m.packageId && p.type === m.kind);
      if (!pkg) throw new AppError("VALIDATION_FAILED", { fields: { mappings: ["network.import.packageMismatch"] }, profile: m.profile });
      packageOf.set(key, pkg);
      continue;
    }
    if (m.newPackagePriceIdr === null) continue;
    const routerProfile = (tables[m.kind].profiles as Array<{ name?: string; rateLimit?: string }>).find((p) => p.name === m.profile);
    const speeds = speedsOf(routerProfile?.rateLimit);
    if (!speeds) throw new AppError("VALIDATION_FAILED", { fields: { mappings: ["network.import.noRateLimit"] }, profile: m.profile });
    // A package of that name is reused only when it is of the entries' kind (names are unique in
    // the tenant: one of the other kind makes createPackage answer CONFLICT nameTaken).
    const sameName = packages.find((p) => p.name === m.profile && p.type === m.kind);
    const pkg = sameName ?? (await createPackage(db, actor, { name: m.profile, priceIdr: m.newPackagePriceIdr, ...speeds, type: m.kind, taxable: false, description: null, active: true }));
    if (!sameName) result.packages++;
    packageOf.set(key, pkg);
  }

  const already = new Set(ctx.accounts.map((a) => a.username));
  for (const { kind, entry } of candidates) {
    const pkg = packageOf.get(`${kind}:${entry.profile ?? "default"}`);
    if (!pkg || already.has(entry.name!)) {
      result.skipped++;
      continue;
    }
    const customer = await createCustomerInTx(db, actor, { name: (entry.comment?.trim() || entry.name!).slice(0, 120), status: "prospect", billingDay: 1 });
    result.customers++;
    // The account first: the subscription's event then finds it and converges nothing new.
    const subscription = await createSubscription(db, actor, { customerId: customer.id, packageId: pkg.id, startDate: input.startDate, prorateFirstPeriod: false, discountIdr: 0, installationFeeIdr: 0 });
    // Disabled on the router (the old system cut them off): paused, so the converge keeps it disabled.
    if (entry.disabled) await updateSubscription(db, actor, { id: subscription.id, status: "paused" });
    result.subscriptions++;
    await insertAccount(db, { subscriptionId: subscription.id, customerId: customer.id, routerId: ctx.routerId, kind, username: entry.name!, passwordSealed: sealSecret(entry.password ?? "") });
    adopt.push({ kind, id: entry.id, comment: commentOf(subscription.id), profile: profileNameOf(pkg) });
    // A PPP secret and a hotspot user of the same name: the second is skipped, not a unique violation.
    already.add(entry.name!);
  }
  return result;
}

/** Marks the imported entries RRNET's and puts them on their package's profile (made when missing). */
async function adoptOnRouter(db: TenantDb, actor: UserActor, router: Awaited<ReturnType<typeof getRouterRowOrThrow>>, tables: Tables, adopt: Array<{ kind: Kind; id: string; comment: string; profile: string }>): Promise<void> {
  const packages = await listPackages(db);
  await withRouter(db, actor, router, async (client) => {
    for (const kind of ["pppoe", "hotspot"] as const) {
      const names = new Set(tables[kind].profiles.map((p) => p.name));
      for (const profile of new Set(adopt.filter((a) => a.kind === kind).map((a) => a.profile))) {
        const pkg = packages.find((p) => p.type === kind && profileNameOf(p) === profile);
        if (names.has(profile) || !pkg) continue;
        if (kind === "pppoe") await client.add(PPP_PROFILE, { name: profile, rateLimit: rateLimitOf(pkg), comment: `${PROFILE_COMMENT_PREFIX}${pkg.id}` });
        else await client.add(HOTSPOT_PROFILE, { name: profile, rateLimit: rateLimitOf(pkg) });
        names.add(profile);
      }
    }
    for (const a of adopt) await client.set(menusOf(a.kind).entry, a.id, { comment: a.comment, profile: a.profile });
  });
}
