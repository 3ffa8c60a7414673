"use client";
// Phone navigation: a menu button in the top bar that opens the nav links below it.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { NavLinks, type NavLinksProps } from "./NavLinks";

export function MobileNav({ label, ...links }: Omit<NavLinksProps, "onNavigate"> & { label: string }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="md:hidden">
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls={id}
        aria-label={open ? t("closeMenu") : t("openMenu")}
        className="inline-flex h-11 w-11 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
      >
        <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-5 w-5" aria-hidden>
          {open ? <path d="M5 5l10 10M15 5L5 15" strokeLinecap="round" /> : <path d="M3 6h14M3 10h14M3 14h14" strokeLinecap="round" />}
        </svg>
      </button>
      {open && (
        <nav id={id} aria-label={label} className="absolute inset-x-0 top-full z-20 max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-b border-slate-200 bg-white px-3 py-3 shadow-md">
          <NavLinks {...links} onNavigate={() => setOpen(false)} />
        </nav>
      )}
    </div>
  );
}
