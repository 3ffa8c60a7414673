// The tenant dashboard's navigation. Only pages that exist are listed, each with the capability
// it needs (the permission table decides who sees it). Paths are relative to the tenant's host
// root: the proxy rewrites "/" to /tenant/<slug>. Labels are keys of `shell.nav` in the catalogues.
import type { Messages } from "@/i18n/messages";
import type { Capability } from "@/server/modules/identity/capabilities";

export type NavKey = keyof Messages["shell"]["nav"];
export type NavItem = { href: string; label: NavKey; capability: Capability };

/** What the proxy puts in front of a tenant host's paths (see proxy.ts). */
export const TENANT_INTERNAL_PREFIX = "/tenant/[^/]+";

export const TENANT_NAV: NavItem[] = [
  { href: "/", label: "dashboard", capability: "dashboard.view" },
  { href: "/customers", label: "customers", capability: "customers.read" },
  { href: "/billing", label: "billing", capability: "billing.read" },
  { href: "/invoices", label: "invoices", capability: "billing.read" },
  { href: "/payments", label: "payments", capability: "billing.read" },
  { href: "/payments/late", label: "latePayments", capability: "billing.read" },
  { href: "/collections/round", label: "collectionRound", capability: "collections.own" },
  { href: "/collections/cash", label: "collectorsCash", capability: "collections.manage" },
  { href: "/collections/assignments", label: "collectorAssignments", capability: "collections.manage" },
  { href: "/packages", label: "packages", capability: "billing.read" },
  { href: "/routers", label: "routers", capability: "network.read" },
  { href: "/map", label: "map", capability: "maps.read" },
  { href: "/outages", label: "outages", capability: "maps.read" },
  { href: "/work-orders", label: "workOrders", capability: "tasks.read" },
  { href: "/planning", label: "planning", capability: "maps.read" },
  { href: "/whatsapp", label: "whatsapp", capability: "notifications.read" },
  { href: "/my/attendance", label: "myAttendance", capability: "hr.self" },
  { href: "/my/leave", label: "myLeave", capability: "hr.self" },
  { href: "/my/payslips", label: "myPayslips", capability: "hr.self" },
  { href: "/employees", label: "employees", capability: "hr.read" },
  { href: "/attendance", label: "attendance", capability: "hr.read" },
  { href: "/leave", label: "leave", capability: "hr.manage" },
  { href: "/payroll", label: "payroll", capability: "payroll.manage" },
  { href: "/staff", label: "staff", capability: "staff.read" },
  { href: "/settings", label: "settings", capability: "tenant.settings" },
  { href: "/subscription", label: "subscription", capability: "tenant.saas_billing" },
  { href: "/audit", label: "audit", capability: "audit.read" },
  { href: "/account/security", label: "account", capability: "account.security" },
];

export function visibleNav(capabilities: readonly string[]): NavItem[] {
  return TENANT_NAV.filter((item) => capabilities.includes(item.capability));
}
