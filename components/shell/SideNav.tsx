import { NavLinks, type NavLinksProps } from "./NavLinks";

/** The sidebar on medium screens and up; phones use MobileNav. `label` names the navigation. */
export function SideNav({ label, ...links }: NavLinksProps & { label: string }) {
  return (
    <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
      <nav aria-label={label} className="sticky top-14 p-3">
        <NavLinks {...links} />
      </nav>
    </aside>
  );
}
