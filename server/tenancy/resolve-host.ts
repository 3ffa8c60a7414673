// Pure host classification: what a Host header means before any lookup.
//   admin.<root>          -> super-admin console
//   <root>, www.<root>    -> public landing site
//   <slug>.<root>         -> a tenant by slug
//   anything else         -> maybe a tenant's custom domain
import "server-only";

export type HostTarget =
  | { kind: "root" }
  | { kind: "admin" }
  | { kind: "tenant"; slug: string }
  | { kind: "custom"; domain: string }
  | { kind: "invalid" };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Lowercase host without port or trailing dot; null when it is not a host name. */
export function normaliseHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith("[")) return null; // IPv6 literal: never a tenant
  const colon = host.lastIndexOf(":");
  if (colon !== -1) {
    if (!/^\d{1,5}$/.test(host.slice(colon + 1))) return null;
    host = host.slice(0, colon);
  }
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (!host || host.length > 253) return null;
  return host.split(".").every((label) => LABEL.test(label)) ? host : null;
}

export function resolveHost(raw: string | null | undefined, rootDomain: string): HostTarget {
  const host = normaliseHost(raw);
  if (!host) return { kind: "invalid" };
  if (host === rootDomain || host === `www.${rootDomain}`) return { kind: "root" };
  if (host === `admin.${rootDomain}`) return { kind: "admin" };
  const suffix = `.${rootDomain}`;
  if (host.endsWith(suffix)) {
    const sub = host.slice(0, -suffix.length);
    // Only one level: a.b.<root> is not a tenant.
    return sub.includes(".") ? { kind: "invalid" } : { kind: "tenant", slug: sub };
  }
  return { kind: "custom", domain: host };
}
