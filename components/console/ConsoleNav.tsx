"use client";
// The console's navigation: a sidebar from md up, a menu button on phones. Paths are
// host-relative (the proxy rewrites admin.<root>/x to /console/x). An operator who must set up
// two-factor sign-in first sees only "My account" (the layout redirects there anyway).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cx } from "@/components/ui/cx";

export const CONSOLE_NAV = [
  { href: "/", label: "Tenants" },
  { href: "/plans", label: "Plans & add-ons" },
  { href: "/audit", label: "Audit log" },
  { href: "/system", label: "System" },
  { href: "/account", label: "My account" },
] as const;

function hostPath(pathname: string): string {
  const stripped = pathname.replace(/^\/console(?=\/|$)/, "");
  return stripped === "" ? "/" : stripped;
}

function isActive(href: string, path: string): boolean {
  // Tenants owns "/" and everything under /tenants.
  if (href === "/") return path === "/" || path.startsWith("/tenants");
  return path === href || path.startsWith(`${href}/`);
}

type NavProps = { setupOnly?: boolean };

function Links({ setupOnly, onNavigate }: NavProps & { onNavigate?: () => void }) {
  const path = hostPath(usePathname() ?? "/");
  const items = setupOnly ? CONSOLE_NAV.filter((item) => item.href === "/account") : CONSOLE_NAV;
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const active = isActive(item.href, path);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cx("block rounded-lg px-3 py-2 text-sm font-medium", active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100")}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function ConsoleSideNav({ setupOnly }: NavProps) {
  return (
    <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
      <nav aria-label="Console" className="sticky top-14 p-3">
        <Links setupOnly={setupOnly} />
      </nav>
    </aside>
  );
}

export function ConsoleMobileNav({ setupOnly }: NavProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="md:hidden">
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls="console-mobile-nav"
        aria-label={open ? "Close menu" : "Open menu"}
        className="inline-flex h-10 w-10 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
      >
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-5 w-5" aria-hidden>
          {open ? <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" /> : <path d="M3 6h14M3 10h14M3 14h14" strokeLinecap="round" />}
        </svg>
      </button>
      {open && (
        <nav id="console-mobile-nav" aria-label="Console" className="absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white px-3 py-3 shadow-md">
          <Links setupOnly={setupOnly} onNavigate={() => setOpen(false)} />
        </nav>
      )}
    </div>
  );
}
