"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";

/** Signs out through next-auth (which revokes the session row), then shows the sign-in page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ redirect: false });
        window.location.replace(new URL("/login", window.location.origin).href);
      }}
      className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
    >
      Sign out
    </button>
  );
}
