"use client";
// Changing the own password ends every session, this one too: the user signs in again.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { useAccountApi, type AccountScope } from "./account-api";
import { ErrorNote } from "./ErrorNote";
import { INPUT_CLASS, LABEL_CLASS } from "./fields";

const MIN_LENGTH = 10; // ZPassword in server/modules/identity/account.schema.ts

export function ChangePasswordCard({ scope }: { scope?: AccountScope }) {
  const account = useAccountApi(scope);
  const router = useRouter();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const change = useMutation(account.changePassword.mutationOptions({ onSuccess: () => router.replace("/login") }));
  const mismatch = repeat !== "" && next !== repeat;
  const tooShort = next !== "" && next.length < MIN_LENGTH;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || tooShort) return;
    change.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <Card title="Password">
      <form onSubmit={submit} className="space-y-3" noValidate>
        <label className={LABEL_CLASS}>
          Current password
          <input className={INPUT_CLASS} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className={LABEL_CLASS}>
          New password
          <input className={INPUT_CLASS} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="new-password-hint" />
          <span id="new-password-hint" className={`mt-1 block text-xs font-normal ${tooShort ? "text-red-700" : "text-slate-500"}`}>
            At least {MIN_LENGTH} characters.
          </span>
        </label>
        <label className={LABEL_CLASS}>
          New password again
          <input className={INPUT_CLASS} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          {mismatch && <span className="mt-1 block text-xs font-normal text-red-700">The two new passwords differ.</span>}
        </label>
        <p className="text-xs text-slate-500">Changing it signs you out everywhere, here too; then sign in with the new password.</p>
        <ErrorNote error={change.error} />
        <Button type="submit" variant="primary" disabled={change.isPending || !current || !next || next !== repeat || tooShort}>
          {change.isPending ? "Changing…" : "Change password"}
        </Button>
      </form>
    </Card>
  );
}
