import { NavLinks } from "./NavLinks";

/** The sidebar on medium screens and up; phones use MobileNav. */
export function SideNav({ capabilities }: { capabilities: readonly string[] }) {
  return (
    <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
      <nav aria-label="Main" className="sticky top-14 p-3">
        <NavLinks capabilities={capabilities} />
      </nav>
    </aside>
  );
}
