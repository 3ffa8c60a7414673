// The tenant dashboard's navigation. Only pages that exist are listed. Paths are relative to
// the tenant's host root: the proxy rewrites "/" to /tenant/<slug>.
export type NavItem = { href: string; label: string };

export const TENANT_NAV: NavItem[] = [{ href: "/", label: "Dashboard" }];
