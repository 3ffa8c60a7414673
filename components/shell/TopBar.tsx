import { Wordmark } from "@/components/ui/Wordmark";
import { zoneLabel } from "@/components/ui/time";
import { MobileNav } from "./MobileNav";

export function TopBar({ name, timezone }: { name: string; timezone: string }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
      <div className="relative flex h-14 items-center gap-3 px-3 sm:px-4">
        <MobileNav />
        <div className="min-w-0 flex-1">
          <div className="truncate text-base font-semibold text-slate-900" data-testid="tenant-name">
            {name}
          </div>
          <div className="truncate text-xs text-slate-500">
            {timezone} · {zoneLabel(timezone)}
          </div>
        </div>
        <Wordmark className="hidden text-sm sm:inline-flex" />
      </div>
    </header>
  );
}
