// The console's navigation items. Paths are host-relative (the proxy rewrites admin.<root>/x to
// /console/x). An operator who must set up two-factor sign-in first sees only "My account" (the
// layout redirects there anyway).
import type { NavLink } from "@/components/shell/NavLinks";

export const CONSOLE_NAV: readonly NavLink[] = [
  { href: "/", label: "tenants", matches: ["/tenants"] },
  { href: "/plans", label: "plans" },
  { href: "/saas-billing", label: "saasBilling" },
  { href: "/audit", label: "audit" },
  { href: "/system", label: "system" },
  { href: "/account", label: "account" },
];

export const CONSOLE_INTERNAL_PREFIX = "/console";

export function consoleNav(setupOnly: boolean): readonly NavLink[] {
  return setupOnly ? CONSOLE_NAV.filter((item) => item.href === "/account") : CONSOLE_NAV;
}
