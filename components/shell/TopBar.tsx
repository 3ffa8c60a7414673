import { Wordmark } from "@/components/ui/Wordmark";
import { zoneLabel } from "@/components/ui/time";
import { MobileNav } from "./MobileNav";
import { TENANT_INTERNAL_PREFIX, visibleNav } from "./nav-items";
import { UserMenu } from "./UserMenu";

export type TopBarUser = { name: string; role: string; capabilities: readonly string[] };

export function TopBar({ name, timezone, user }: { name: string; timezone: string; user: TopBarUser }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
      <div className="relative flex h-14 items-center gap-3 px-3 sm:px-4">
        <MobileNav label="Main" items={visibleNav(user.capabilities)} internalPrefix={TENANT_INTERNAL_PREFIX} />
        <div className="min-w-0 flex-1">
          <div className="truncate text-base font-semibold text-slate-900" data-testid="tenant-name">
            {name}
          </div>
          <div className="truncate text-xs text-slate-500">
            {timezone} · {zoneLabel(timezone)}
          </div>
        </div>
        <Wordmark className="hidden text-sm lg:inline-flex" />
        <UserMenu name={user.name} role={user.role} />
      </div>
    </header>
  );
}
