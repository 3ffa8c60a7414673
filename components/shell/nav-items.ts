// The tenant dashboard's navigation. Only pages that exist are listed, each with the capability
// it needs (the permission table decides who sees it). Paths are relative to the tenant's host
// root: the proxy rewrites "/" to /tenant/<slug>.
import type { Capability } from "@/server/modules/identity/capabilities";

export type NavItem = { href: string; label: string; capability: Capability };

/** What the proxy puts in front of a tenant host's paths (see proxy.ts). */
export const TENANT_INTERNAL_PREFIX = "/tenant/[^/]+";

export const TENANT_NAV: NavItem[] = [
  { href: "/", label: "Dashboard", capability: "dashboard.view" },
  { href: "/customers", label: "Customers", capability: "customers.read" },
  { href: "/billing", label: "Billing", capability: "billing.read" },
  { href: "/invoices", label: "Invoices", capability: "billing.read" },
  { href: "/payments", label: "Payments", capability: "billing.read" },
  { href: "/packages", label: "Packages", capability: "billing.read" },
  { href: "/staff", label: "Staff", capability: "staff.read" },
  { href: "/settings", label: "Settings", capability: "tenant.settings" },
  { href: "/subscription", label: "Subscription", capability: "tenant.saas_billing" },
  { href: "/audit", label: "Audit log", capability: "audit.read" },
  { href: "/account/security", label: "My account", capability: "account.security" },
];

export function visibleNav(capabilities: readonly string[]): NavItem[] {
  return TENANT_NAV.filter((item) => capabilities.includes(item.capability));
}
