"use client";
// The links of a navigation (tenant app or console), with the current page marked.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import type { NavKey } from "./nav-items";

/** `matches`: other path prefixes that also make this item current (e.g. "/tenants" for "/"). */
export type NavLink = { href: string; label: NavKey; matches?: readonly string[] };

/**
 * The host-relative path, whether Next reports the browser URL or the rewritten one
 * (`internalPrefix` is what the proxy put in front, e.g. "/tenant/<slug>" or "/console").
 */
function hostPath(pathname: string, internalPrefix: string): string {
  const stripped = pathname.replace(new RegExp(`^${internalPrefix}(?=/|$)`), "");
  return stripped === "" ? "/" : stripped;
}

function isActive(item: NavLink, path: string): boolean {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (item.matches?.some(under)) return true;
  return item.href === "/" ? path === "/" : under(item.href);
}

export type NavLinksProps = { items: readonly NavLink[]; internalPrefix: string; onNavigate?: () => void };

export function NavLinks({ items, internalPrefix, onNavigate }: NavLinksProps) {
  const t = useTranslations("shell.nav");
  const path = hostPath(usePathname() ?? "/", internalPrefix);
  // The most specific item is current: /payments/late marks "late payments", not "payments" too.
  const current = items.filter((item) => isActive(item, path)).sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const active = item === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cx(
                "flex min-h-11 items-center rounded-lg px-3 text-sm font-medium md:min-h-9",
                active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(item.label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
