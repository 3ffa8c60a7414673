// Host -> tenant lookups with an in-process cache, so a request normally costs no database
// round trip. Entries live TENANT_CACHE_TTL_MS; any process that changes a tenant or a domain
// calls publishTenantChange(), and every process drops its cache through Redis pub/sub.
import "server-only";
import type { Locale } from "@/i18n/locales";
import { env } from "@/server/config/env";
import { logger } from "@/server/log/logger";
import { unsafeSystemDb } from "@/server/db/unsafe-system-db";
import { createRedis, redis, type Redis } from "@/server/redis/client";
import { resolveHost, type HostTarget } from "./resolve-host";

export type TenantSummary = {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended";
  timezone: string;
  requireTwoFactor: boolean;
  /** Language of the tenant's pages without a signed-in user, and of users who chose none. */
  defaultLocale: Locale;
  /** RRNET's billing of this ISP: "restricted" makes its staff's tRPC mutations read-only. */
  saasStanding: "good" | "warned" | "restricted";
};

export type HostResolution =
  | { kind: "root" }
  | { kind: "admin" }
  | { kind: "tenant"; tenant: TenantSummary }
  | { kind: "unknown"; host: string | null };

const CHANNEL = "rrnet:tenant-directory:changed";
const NEGATIVE_TTL_MS = 5_000;

type Entry = { value: TenantSummary | null; expiresAt: number };
type State = {
  entries: Map<string, Entry>;
  inflight: Map<string, Promise<TenantSummary | null>>;
  /** Other per-process tenant caches (entitlements) dropped with this one. */
  listeners: Set<(tenantId: string | null) => void>;
  subscriber?: Redis;
  /** Only while subscribed can a change reach us, so only then is anything cached. */
  listening: boolean;
};
const holder = globalThis as unknown as { __rrnetTenantDirectory?: State };

function state(): State {
  if (!holder.__rrnetTenantDirectory) {
    holder.__rrnetTenantDirectory = { entries: new Map(), inflight: new Map(), listeners: new Set(), listening: false };
  }
  const s = holder.__rrnetTenantDirectory;
  if (!s.subscriber && env().TENANT_CACHE_TTL_MS > 0) s.subscriber = subscribe(s);
  return s;
}

function subscribe(s: State): Redis {
  const subscriber = createRedis("tenant-directory-subscriber", { maxRetriesPerRequest: null });
  let subscribedOnce = false;
  subscriber
    .subscribe(CHANNEL)
    .then(() => {
      subscribedOnce = true;
      s.listening = true;
    })
    .catch((error) => logger().warn({ error: error.message }, "tenant cache: subscribe failed"));
  subscriber.on("message", (_channel: string, tenantId: string) => dropCaches(s, tenantId));
  // While the link is down a change could be missed: stop caching, and start afresh when
  // it comes back (ioredis resubscribes before "ready").
  subscriber.on("close", () => {
    s.listening = false;
    dropCaches(s, null);
  });
  subscriber.on("ready", () => {
    if (!subscribedOnce) return;
    s.listening = true;
    dropCaches(s, null);
  });
  return subscriber;
}

const SELECT = { id: true, slug: true, name: true, status: true, timezone: true, requireTwoFactor: true, defaultLocale: true, saasStanding: true } as const;

/** Archived tenants are gone for everyone but the super admin (who can restore them). */
function served(tenant: { status: string } & Omit<TenantSummary, "status"> | null | undefined): TenantSummary | null {
  if (!tenant || (tenant.status !== "active" && tenant.status !== "suspended")) return null;
  return { ...tenant, status: tenant.status };
}

async function unsafeLoad(key: string): Promise<TenantSummary | null> {
  const db = unsafeSystemDb();
  if (key.startsWith("slug:")) {
    return served(await db.tenant.findUnique({ where: { slug: key.slice(5) }, select: SELECT }));
  }
  const domain = await db.tenantDomain.findUnique({
    where: { domain: key.slice(7) },
    select: { verifiedAt: true, tenant: { select: SELECT } },
  });
  return domain?.verifiedAt ? served(domain.tenant) : null;
}

async function lookup(key: string): Promise<TenantSummary | null> {
  const s = state();
  const ttl = env().TENANT_CACHE_TTL_MS;
  const now = Date.now();
  const hit = s.entries.get(key);
  if (hit && hit.expiresAt > now) return hit.value;
  let pending = s.inflight.get(key);
  if (!pending) {
    pending = unsafeLoad(key)
      .then((value) => {
        if (ttl > 0 && s.listening) s.entries.set(key, { value, expiresAt: Date.now() + (value ? ttl : Math.min(ttl, NEGATIVE_TTL_MS)) });
        return value;
      })
      .finally(() => s.inflight.delete(key));
    s.inflight.set(key, pending);
  }
  return pending;
}

export async function resolveRequestHost(host: string | null | undefined): Promise<HostResolution> {
  const target: HostTarget = resolveHost(host, env().ROOT_DOMAIN);
  switch (target.kind) {
    case "root":
    case "admin":
      return target;
    case "invalid":
      return { kind: "unknown", host: host ?? null };
    case "tenant":
    case "custom": {
      const key = target.kind === "tenant" ? `slug:${target.slug}` : `domain:${target.domain}`;
      const tenant = await lookup(key);
      return tenant ? { kind: "tenant", tenant } : { kind: "unknown", host: host ?? null };
    }
  }
}

/** A change to one tenant drops its entries and every negative one (a domain may now resolve). */
function dropCaches(s: State, tenantId: string | null) {
  if (tenantId === null) s.entries.clear();
  else for (const [key, entry] of s.entries) if (!entry.value || entry.value.id === tenantId) s.entries.delete(key);
  for (const listener of s.listeners) listener(tenantId);
}

/**
 * Call after any change to a tenant, its domains, plan or add-ons: this process and, through
 * Redis pub/sub, every other one drop what they cached about it.
 */
export async function publishTenantChange(tenantId: string): Promise<void> {
  dropCaches(state(), tenantId);
  await redis().publish(CHANNEL, tenantId);
}

/** Registers a per-process cache to drop on tenant changes (null: drop everything). */
export function onTenantChange(listener: (tenantId: string | null) => void): void {
  state().listeners.add(listener);
}

/** True once this process hears tenant changes (and therefore caches); tests wait for it. */
export function tenantDirectoryListening(): boolean {
  return state().listening;
}

export async function closeTenantDirectory(): Promise<void> {
  const s = holder.__rrnetTenantDirectory;
  const subscriber = s?.subscriber;
  if (s) {
    s.subscriber = undefined;
    s.listening = false;
  }
  if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
}
