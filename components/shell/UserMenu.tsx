"use client";
// Who is signed in, and the way out.
import { SignOutButton } from "@/components/auth/SignOutButton";

export function UserMenu({ name, role }: { name: string; role: string }) {
  return (
    <div className="flex items-center gap-3">
      <div className="hidden text-right sm:block">
        <div className="max-w-40 truncate text-sm font-medium text-slate-800" data-testid="user-name">
          {name}
        </div>
        <div className="text-xs capitalize text-slate-500">{role.replace("_", " ")}</div>
      </div>
      <SignOutButton />
    </div>
  );
}
