"use client";
// A generated password, shown once: copy it and hand it over; it cannot be shown again.
import { CopyButton } from "@/components/account/CopyButton";
import { Button } from "@/components/ui/Button";

export function OneTimePasswordPanel({ email, password, reason, onDismiss }: { email: string; password: string; reason: "created" | "reset"; onDismiss: () => void }) {
  return (
    <div role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 p-4" data-testid="one-time-password">
      <p className="text-sm font-semibold text-emerald-900">
        {reason === "created" ? "Staff user added." : "Password reset."} Give this password to {email}:
      </p>
      <p className="mt-2 break-all rounded-md bg-white px-3 py-2 font-mono text-base text-slate-900 ring-1 ring-emerald-200" data-testid="one-time-password-value">
        {password}
      </p>
      <p className="mt-2 text-xs text-emerald-900">
        It is shown only now. They can change it under My account after signing in.
        {reason === "reset" && " Their sessions have ended."}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <CopyButton value={password} label="Copy password" />
        <Button onClick={onDismiss}>Done</Button>
      </div>
    </div>
  );
}
