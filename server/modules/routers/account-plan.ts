// What a subscription's router account must be, and how a router entry differs from it. Pure:
// the converge job (one customer), the drift reconcile (a whole router) and the benchmark use
// the same rules. Access: allowed (the package's profile), isolated (the isolation profile and
// address list: walled garden), suspended (entry disabled: login refused), removed (no entry).
import "server-only";
import type { RadiusUser } from "@/server/modules/radius/radius-user.service";
import { profileNameOf, rateLimitOf, type PackageForProfile } from "./package-profiles";

export type Access = "allowed" | "isolated" | "suspended" | "removed";
export const ACCESSES: readonly Access[] = ["allowed", "isolated", "suspended", "removed"];

export const ACCOUNT_COMMENT_PREFIX = "rrnet:sub:";
export const ISOLATION_PROFILE_COMMENT = "rrnet:isolation";

export type IsolationSettings = { isolationMode: "isolate" | "suspend"; isolationProfile: string; isolationAddressList: string; isolationRateLimit: string };

/** The facts that decide access: the subscription's and customer's status, billing's wish. */
export function accessOf(facts: { subscriptionStatus: "active" | "paused" | "ended"; customerStatus: string; billingWants: "allowed" | "isolated" | null; mode: IsolationSettings["isolationMode"] }): Access {
  if (facts.subscriptionStatus === "ended" || facts.customerStatus === "terminated") return "removed";
  if (facts.subscriptionStatus === "paused") return "suspended";
  if (facts.billingWants === "isolated" || facts.customerStatus === "isolated") return facts.mode === "suspend" ? "suspended" : "isolated";
  return "allowed";
}

export type AccountTarget = {
  accountId: string;
  subscriptionId: string;
  customerId: string;
  kind: "pppoe" | "hotspot";
  username: string;
  password: string;
  access: Access;
  /** The profile the entry must name: the package's, or the isolation profile. */
  profile: string;
  /** The package's own profile and rate limit (made on the router when missing). */
  packageProfile: { name: string; rateLimit: string; packageId: string };
};

export function targetOf(input: {
  account: { id: string; subscriptionId: string; customerId: string; kind: "pppoe" | "hotspot"; username: string };
  password: string;
  access: Access;
  pkg: Pick<PackageForProfile, "id" | "name" | "speedDownKbps" | "speedUpKbps">;
  settings: IsolationSettings;
}): AccountTarget {
  const packageProfile = { name: profileNameOf(input.pkg), rateLimit: rateLimitOf(input.pkg), packageId: input.pkg.id };
  return {
    accountId: input.account.id,
    subscriptionId: input.account.subscriptionId,
    customerId: input.account.customerId,
    kind: input.account.kind,
    username: input.account.username,
    password: input.password,
    access: input.access,
    profile: input.access === "isolated" ? input.settings.isolationProfile : packageProfile.name,
    packageProfile,
  };
}

/**
 * What RADIUS answers for the account (routers in RADIUS or both mode): the same access as on
 * an API router — the package's rate limit, the isolation rate limit and address list, or a
 * reject (suspended, removed) whose reason FreeRADIUS logs. One session per account.
 */
export function radiusUserOf(target: AccountTarget, facts: { subscriptionStatus: string; customerStatus: string }, settings: IsolationSettings): RadiusUser {
  const username = target.username;
  switch (target.access) {
    case "allowed":
      return { username, accept: { password: target.password, rateLimit: target.packageProfile.rateLimit, addressList: null, simultaneousUse: 1 } };
    case "isolated":
      return { username, accept: { password: target.password, rateLimit: settings.isolationRateLimit, addressList: settings.isolationAddressList, simultaneousUse: 1 } };
    case "suspended":
      return { username, reject: facts.subscriptionStatus === "paused" ? "paused" : "isolated" };
    case "removed":
      return { username, reject: facts.customerStatus === "terminated" ? "terminated" : "subscription_ended" };
  }
}

export const commentOf = (subscriptionId: string) => `${ACCOUNT_COMMENT_PREFIX}${subscriptionId}`;

export type RouterEntry = { id: string; name?: string; password?: string; profile?: string; disabled?: boolean; comment?: string; remoteAddress?: string };

export type DriftKind = "missing" | "extra" | "wrong_profile" | "wrong_password" | "wrong_disabled";

/** The values to set so `entry` matches `target` (empty: nothing to do), and what differs. */
export function entryChanges(target: AccountTarget, entry: RouterEntry): { values: { password?: string; profile?: string; disabled?: boolean }; kinds: DriftKind[] } {
  const values: { password?: string; profile?: string; disabled?: boolean } = {};
  const kinds: DriftKind[] = [];
  if ((entry.password ?? "") !== target.password) {
    values.password = target.password;
    kinds.push("wrong_password");
  }
  if ((entry.profile ?? "default") !== target.profile) {
    values.profile = target.profile;
    kinds.push("wrong_profile");
  }
  const disabled = target.access === "suspended";
  if ((entry.disabled ?? false) !== disabled) {
    values.disabled = disabled;
    kinds.push("wrong_disabled");
  }
  return { values, kinds };
}

/** The entry RRNET made for this subscription (its comment), or null. */
export function isOurs(entry: Pick<RouterEntry, "comment">): boolean {
  return entry.comment?.startsWith(ACCOUNT_COMMENT_PREFIX) ?? false;
}

/** "Budi Santoso", 42 -> "budi42" (letters of the first name, then the customer number). */
export function usernameBase(customer: { name: string; number: number }): string {
  const first = customer.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/\s+/)[0]!
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 12);
  return `${first || "pelanggan"}${customer.number}`;
}
