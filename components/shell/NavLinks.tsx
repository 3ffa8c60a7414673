"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";
import { visibleNav } from "./nav-items";

/** The host-relative path, whether Next reports the browser URL or the rewritten one. */
function hostPath(pathname: string): string {
  const stripped = pathname.replace(/^\/tenant\/[^/]+/, "");
  return stripped === "" ? "/" : stripped;
}

function isActive(href: string, path: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

export function NavLinks({ capabilities, onNavigate }: { capabilities: readonly string[]; onNavigate?: () => void }) {
  const path = hostPath(usePathname() ?? "/");
  return (
    <ul className="space-y-1">
      {visibleNav(capabilities).map((item) => {
        const active = isActive(item.href, path);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cx(
                "block rounded-lg px-3 py-2 text-sm font-medium",
                active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
